/**
 * Which files of a specs folder are pages: markdown and text scrapes, and the AsyncAPI documents the site serves
 * whole (`asyncapi.yaml`, `<api>_asyncapi.yaml`). Everything else there is data the toolchain keeps beside them
 * (`manifest.json`, `known-findings.json`) or the folder's own `README.md`.
 */
const PAGE_EXTENSIONS = ['.md', '.mdx', '.markdown', '.txt'];

/** `asyncapi.yaml`, `perps_asyncapi.yml`, in any folder: a whole AsyncAPI document, read as one YAML block. */
const ASYNCAPI_DOCUMENT = /(^|\/)([A-Za-z0-9]+_)?asyncapi\.ya?ml$/i;

export function isPageFile(file: string): boolean {
  return (file !== 'README.md' && PAGE_EXTENSIONS.some((ext) => file.toLowerCase().endsWith(ext))) || isAsyncApiDocumentFile(file);
}

export function isAsyncApiDocumentFile(file: string): boolean {
  return ASYNCAPI_DOCUMENT.test(file);
}
