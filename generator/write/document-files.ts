import type { MergedApi } from '../merge/index.ts';

/** The merged documents as files of the output folder: `openapi/<api>.json`, two-space JSON, final newline. */
export function documentFiles(apis: readonly MergedApi[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const { api, document } of apis) files.set(`openapi/${api}.json`, JSON.stringify(document, null, 2) + '\n');
  return files;
}
