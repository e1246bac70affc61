import { FORMATTED, prettierOptionsFor } from './prettier-options.mjs';

/**
 * Formats the generated sources with prettier (pinned version, fixed options), except `keep`: files whose text is
 * already as it should be. The emit stage keeps the hand-written runtime (prettier-clean in the repository, a test
 * checks it), the types modules (laid out by the TypeScript printer; prettier would only re-indent and re-quote
 * 9,000 lines, the largest cost of generation) and the README (written as it should read; prettier would only pad
 * its tables).
 */
export async function formatFiles(files: ReadonlyMap<string, string>, keep: ReadonlySet<string>): Promise<Map<string, string>> {
  const prettier = await import('prettier');
  const out = new Map(files);
  for (const [path, text] of files) {
    if (!FORMATTED.test(path) || keep.has(path)) continue;
    out.set(path, await prettier.format(text, prettierOptionsFor(path)));
  }
  return out;
}
