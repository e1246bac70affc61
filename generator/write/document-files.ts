import type { MergedAsyncApi } from '../merge/asyncapi/index.ts';
import type { MergedApi } from '../merge/index.ts';

/**
 * The merged documents as files of the output folder: `openapi/<api>.json` and `asyncapi/<api>.json`, two-space
 * JSON, final newline.
 */
export function documentFiles(apis: readonly MergedApi[], streams: readonly MergedAsyncApi[] = []): Map<string, string> {
  const files = new Map<string, string>();
  for (const { api, document } of apis) files.set(`openapi/${api}.json`, JSON.stringify(document, null, 2) + '\n');
  for (const { api, document } of streams) files.set(`asyncapi/${api}.json`, JSON.stringify(document, null, 2) + '\n');
  return files;
}
