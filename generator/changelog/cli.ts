import { resolve } from 'node:path';
import { formatReport } from '../diagnostics/report.ts';
import { apiChangelogs } from './api-changelog.ts';
import { documentsAtRef } from './document-sources.ts';
import { renderMarkdown } from './render-markdown.ts';
import { renderText } from './render-text.ts';
import { specsDocuments } from './specs-documents.ts';
import { parseOptions, runMain } from '../command-line.ts';

const USAGE =
  'usage: npx tsx generator/changelog/cli.ts --from <git-ref> [--specs specs] [--out generated] [--format markdown|text] [--repo .]\n';

/**
 * `make changelog FROM=<ref>`: the semantic changelog between the merged documents (OpenAPI and AsyncAPI)
 * committed at a git ref and the ones the current specs/ give, as markdown (release notes) or text. `--out` names the output folder
 * inside the repository (`--repo`, default the current folder); `--specs` is relative to the current folder.
 * Exit 0 printed; 1 the current specs/ do not generate; 2 bad usage or an unknown ref.
 */
export function main(argv: string[]): number {
  const values = parseOptions(
    argv,
    {
      from: { type: 'string' },
      specs: { type: 'string', default: 'specs' },
      out: { type: 'string', default: 'generated' },
      format: { type: 'string', default: 'markdown' },
      repo: { type: 'string', default: '.' },
    },
    USAGE,
  );
  if (!values) return 2;
  if (!values.from || !['markdown', 'text'].includes(values.format)) {
    process.stderr.write(`${values.from ? `unknown format: ${values.format}` : 'missing --from <git-ref>'}\n${USAGE}`);
    return 2;
  }
  let before;
  let beforeStreams;
  try {
    before = documentsAtRef(values.from, values.out, resolve(values.repo));
    beforeStreams = documentsAtRef(values.from, values.out, resolve(values.repo), 'asyncapi');
  } catch (error) {
    const detail = (error as { stderr?: string }).stderr?.trim() || (error as Error).message;
    process.stderr.write(`cannot read ${values.out}/openapi/ at ${values.from}: ${detail || 'unknown git ref'}\n`);
    return 2;
  }
  const fresh = specsDocuments(resolve(values.specs), `${values.specs.replace(/\/$/, '')}/`);
  if (!fresh.ok) {
    process.stderr.write(formatReport(fresh.diagnostics) + `\ngeneration from ${values.specs}/ failed: fix the pages above\n`);
    return 1;
  }
  const changelogs = apiChangelogs(before, fresh.documents, { before: beforeStreams, after: fresh.streams });
  process.stdout.write(
    values.format === 'text'
      ? renderText(changelogs, fresh.pages)
      : renderMarkdown(changelogs, fresh.pages, `API changes since ${values.from}`),
  );
  return 0;
}

runMain(main, import.meta.url);
