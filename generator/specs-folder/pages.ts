/**
 * Which files of a specs folder are pages: markdown and text scrapes. Everything else there is data the
 * toolchain keeps beside them (`manifest.json`, `known-findings.json`, the site's `asyncapi.yaml`) or the
 * folder's own `README.md`.
 */
const PAGE_EXTENSIONS = ['.md', '.mdx', '.markdown', '.txt'];

export function isPageFile(file: string): boolean {
  return file !== 'README.md' && PAGE_EXTENSIONS.some((ext) => file.toLowerCase().endsWith(ext));
}
