import { isObject } from '../openapi/json.ts';
import type { PageKind, YamlBlock } from './page.ts';

/** Decides what kind of page this is from its parsed blocks, or from its text when it has none. */
export function classifyPage(file: string, text: string, blocks: readonly YamlBlock[]): PageKind {
  if (blocks.some((b) => isObject(b.yaml.value) && typeof b.yaml.value.asyncapi === 'string')) return 'asyncapi-document';
  if (blocks.some((b) => /asyncapi\.ya?ml$/i.test(b.fence.specFile?.split(/\s+/)[0] ?? ''))) return 'asyncapi';
  const first = blocks[0]?.yaml.value;
  if (isObject(first)) {
    if (typeof first.openapi === 'string' || typeof first.swagger === 'string') return 'embedded';
    const paths = first.paths;
    if (isObject(paths) && typeof paths.path === 'string' && typeof paths.method === 'string') return 'derived';
    if (isObject(paths)) return 'embedded';
  }
  if (isSdkReference(file, text)) return 'sdk-reference';
  if (/^\s*curl\s+(--request|-X)\s+[A-Z]+/m.test(text)) return 'html-scrape';
  return 'no-openapi';
}

function isSdkReference(file: string, text: string): boolean {
  return /(^|\/)typescript-sdk\/api\/[^/]+Api\.md$/.test(file) || /^\|\s*Method\s*\|\s*HTTP request\s*\|/m.test(text);
}
