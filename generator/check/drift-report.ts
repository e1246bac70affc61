import type { JsonObject } from '../openapi/json.ts';
import { apiChangelogs, type ApiChangelog } from '../changelog/api-changelog.ts';
import type { PageIndex } from '../changelog/pages.ts';
import { renderMarkdown } from '../changelog/render-markdown.ts';
import { renderText } from '../changelog/render-text.ts';
import type { DirDifference } from './compare-dirs.ts';
import type { Release } from '../release/index.ts';

/** The merged documents of an output folder, both lanes. */
export interface LaneDocuments {
  documents: ReadonlyMap<string, JsonObject>;
  streams: ReadonlyMap<string, JsonObject>;
}

type Documents = ReadonlyMap<string, JsonObject> | LaneDocuments;

/** The changelog of both lanes; of the OpenAPI documents alone when either side is a bare map of them. */
function changelogsOf(before: Documents, after: Documents): ApiChangelog[] {
  const [b, a] = [lanesOf(before), lanesOf(after)];
  return apiChangelogs(b.documents, a.documents, b.streams && a.streams ? { before: b.streams, after: a.streams } : undefined);
}

function lanesOf(value: Documents): Partial<LaneDocuments> & Pick<LaneDocuments, 'documents'> {
  return value instanceof Map ? { documents: value } : (value as LaneDocuments);
}

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
  /**
   * The committed merged documents (OpenAPI, and AsyncAPI as `streams`), or why they could not be read (then there
   * is no changelog). A bare map is the OpenAPI documents alone.
   */
  committed: Documents | { error: string },
  fresh: Documents,
  pages: PageIndex,
  /** The release `make generate` would make (version and level), when known. */
  release?: Release,
): DriftReport {
  const changelogs = 'error' in committed ? [] : changelogsOf(committed, fresh);
  const files = differences.map((d) => `  ${d.change.padEnd(8)} ${labels.out}/${d.file}`);
  // The changelog lists every difference of the documents, down to their text: none means they are identical.
  const identical = changelogs.every((c) => c.changes.length === 0);
  const packageFiles = differences.filter((d) => !d.file.startsWith('openapi/') && !d.file.startsWith('asyncapi/')).length;
  const streams = !('error' in committed) && [committed, fresh].some((d) => !(d instanceof Map) && (d as LaneDocuments).streams.size > 0);
  const folders = streams ? `${labels.out}/openapi/ and ${labels.out}/asyncapi/` : `${labels.out}/openapi/`;
  const bump = release && release.level !== 'unchanged' && release.previous ? ` (${release.previous} → ${release.version}, ${release.level})` : '';
  const text = [
    `${labels.out}/ has drifted from ${labels.specs}/ (${differences.length} file(s)):`,
    ...files,
    '',
    'error' in committed
      ? `No API changelog: ${committed.error}\n`
      : identical
        ? `The merged documents (${folders}) are identical: the ${packageFiles} differing file(s) are the generated package's (a generator or tool change).\n`
        : `Changes from the committed ${folders} to what ${labels.specs}/ gives now:\n\n${renderText(changelogs, pages)}`,
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
