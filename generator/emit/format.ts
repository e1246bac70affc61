import { FORMATTED, prettierOptionsFor } from './prettier-options.mjs';

/**
 * Formats the generated sources with prettier (pinned version, fixed options). The hand-written runtime is
 * copied as it is: it is kept prettier-clean in the repository (a test checks it), so it is not formatted again.
 */
export async function formatFiles(files: ReadonlyMap<string, string>, alreadyFormatted: ReadonlySet<string>): Promise<Map<string, string>> {
  const prettier = await import('prettier');
  const out = new Map(files);
  for (const [path, text] of files) {
    if (!FORMATTED.test(path) || alreadyFormatted.has(path)) continue;
    out.set(path, await prettier.format(text, prettierOptionsFor(path)));
  }
  return out;
}
