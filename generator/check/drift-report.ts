import type { JsonObject } from '../openapi/json.ts';
import { apiChangelogs, type ApiChangelog } from '../changelog/api-changelog.ts';
import type { PageIndex } from '../changelog/pages.ts';
import { renderMarkdown } from '../changelog/render-markdown.ts';
import { renderText } from '../changelog/render-text.ts';
import type { DirDifference } from './compare-dirs.ts';
import type { Release } from '../release/index.ts';

export interface DriftReport {
  text: string;
  markdown: string;
  changelogs: ApiChangelog[];
}

/**
 * What `make check` prints when generated/ has drifted: the differing files, then the semantic changelog
 * from the committed merged documents to the fresh ones, with the pages that define each operation.
 */
export function driftReport(
  labels: { specs: string; out: string },
  differences: readonly DirDifference[],
  /** The committed merged documents, or why they could not be read (then there is no changelog). */
  committed: ReadonlyMap<string, JsonObject> | { error: string },
  fresh: ReadonlyMap<string, JsonObject>,
  pages: PageIndex,
  /** The release `make generate` would make (version and level), when known. */
  release?: Release,
): DriftReport {
  const changelogs = 'error' in committed ? [] : apiChangelogs(committed, fresh);
  const files = differences.map((d) => `  ${d.change.padEnd(8)} ${labels.out}/${d.file}`);
  // The changelog lists every difference of the documents, down to their text: none means they are identical.
  const identical = changelogs.every((c) => c.changes.length === 0);
  const packageFiles = differences.filter((d) => !d.file.startsWith('openapi/')).length;
  const bump = release && release.level !== 'unchanged' && release.previous ? ` (${release.previous} → ${release.version}, ${release.level})` : '';
  const text = [
    `${labels.out}/ has drifted from ${labels.specs}/ (${differences.length} file(s)):`,
    ...files,
    '',
    'error' in committed
      ? `No API changelog: ${committed.error}\n`
      : identical
        ? `The merged documents (${labels.out}/openapi/) are identical: the ${packageFiles} differing file(s) are the generated package's (a generator or tool change).\n`
        : `Changes from the committed ${labels.out}/openapi/ to what ${labels.specs}/ gives now:\n\n${renderText(changelogs, pages)}`,
    `run 'make generate'${bump} and commit ${labels.out}/`,
    '',
  ].join('\n');
  const markdown = [
    renderMarkdown(changelogs, pages, `API drift: ${labels.specs}/ vs committed ${labels.out}/`),
    `<details><summary>${differences.length} differing file(s)</summary>\n\n${differences.map((d) => `- ${d.change} \`${labels.out}/${d.file}\``).join('\n')}\n\n</details>`,
    '',
  ].join('\n');
  return { text, markdown, changelogs };
}
