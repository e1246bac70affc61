import type { WriterFunction } from 'ts-morph';
import type { OperationModel } from './operation-model.ts';
import type { OperationTypeNames } from './operation-types.ts';

/**
 * The body of a wrapper method: one call of the typed openapi-fetch client, its result unwrapped into the
 * success body or a typed error. Strings from the spec (path, parameter names, keys) are written as JSON
 * string literals; identifiers come from `identifiers.ts`.
 */
export function callStatement(op: OperationModel, names: OperationTypeNames): WriterFunction {
  return (writer) => {
    const sections = paramSections(op, names);
    if (sections.split) writer.writeLine(`const parts = splitParams(params, ${JSON.stringify(sections.lists)});`);
    const params: string[] = [];
    if (op.pathParameters.length > 0) {
      params.push(`path: { ${op.pathParameters.map((p) => `${JSON.stringify(p.name)}: ${p.identifier}`).join(', ')} }`);
    }
    if (sections.query) {
      params.push(op.pagination ? `query: { ...${sections.query}, ${JSON.stringify(op.pagination.cursorParam)}: cursor }` : `query: ${sections.query}`);
    }
    if (sections.header) params.push(`header: ${sections.header}`);
    const parts: string[] = [];
    if (params.length > 0) parts.push(`params: { ${params.join(', ')} }`);
    if (op.success?.parseAs) parts.push(`parseAs: ${JSON.stringify(op.success.parseAs)}`);
    const encoding = op.body ? bodyEncoding(op.body.mediaType) : 'json';
    if (encoding === 'form-data') parts.push('bodySerializer: formDataBody');
    if (encoding === 'raw') parts.push('bodySerializer: (body) => body');
    if (sections.body && op.idempotencyKey) {
      // The id goes in once per call, so every retry re-sends the same body; retried only if it has one.
      writer.writeLine(`const body = this.core.withClientOrderId(${sections.body}, options);`);
      parts.push('body', '...this.core.init(options, { idempotent: true, body })');
    } else {
      if (sections.body) parts.push(`body: ${sections.body}`);
      parts.push('...this.core.init(options)');
    }
    // openapi-fetch labels every body JSON unless told otherwise (it encodes a form body itself once told).
    if (encoding === 'url-encoded' || encoding === 'raw') {
      parts.push(`headers: { "Content-Type": ${JSON.stringify(op.body!.mediaType)}, ...options?.headers }`);
    }
    const call = `this.core.unwrap(this.raw.${op.method.toUpperCase()}(${JSON.stringify(op.path)}, { ${parts.join(', ')} }))`;
    if (!op.pagination) {
      // A JSON response that may also come as another media type: the wrapper asks for, and reads, the JSON one.
      writer.writeLine(op.success?.json && op.success.otherMediaTypes ? `return ${call} as Promise<${names.responseType}>;` : `return ${call};`);
      return;
    }
    const { itemsKey, cursorKey, cursorParam } = op.pagination;
    const shape = `itemsKey: ${JSON.stringify(itemsKey)}, cursorKey: ${JSON.stringify(cursorKey)}, cursorParam: ${JSON.stringify(cursorParam)}`;
    writer.writeLine(`return new PagePromise<${names.responseType}, ${names.itemType}>((cursor) => ${call}, { ${shape}, initialCursor: params?.cursor });`);
  };
}

/**
 * How a request body is sent: JSON (openapi-fetch's default), `multipart/form-data` (the runtime's `formDataBody`
 * makes FormData), a URL-encoded form (openapi-fetch encodes it once the content type says so), or anything
 * else as given (a string or a Blob, with its content type).
 */
export function bodyEncoding(mediaType: string): 'json' | 'form-data' | 'url-encoded' | 'raw' {
  if (/^application\/([\w.-]+\+)?json\b/i.test(mediaType)) return 'json';
  if (/^multipart\/form-data\b/i.test(mediaType)) return 'form-data';
  if (/^application\/x-www-form-urlencoded\b/i.test(mediaType)) return 'url-encoded';
  return 'raw';
}

/** The body goes as `multipart/form-data`: the runtime's `formDataBody` turns the object into FormData. */
export function sendsFormData(op: OperationModel): boolean {
  return op.body !== undefined && bodyEncoding(op.body.mediaType) === 'form-data';
}

interface Sections {
  split: boolean;
  lists: Record<string, string[]>;
  query?: string;
  header?: string;
  body?: string;
}

/** The wrapper's params object mixes query parameters, header parameters and body fields: it must be split. */
export function splitsParams(op: OperationModel): boolean {
  const bodyFields = op.body?.fields !== undefined;
  return [op.queryParameters.length > 0, op.headerParameters.length > 0, bodyFields].filter(Boolean).length > 1;
}

/** Where each part of the call comes from: the params object as a whole, or a part of it after splitting. */
function paramSections(op: OperationModel, names: OperationTypeNames): Sections {
  if (names.argument === 'body') return { split: false, lists: {}, body: 'body' };
  if (names.argument === 'none') return { split: false, lists: {} };
  if (!splitsParams(op)) {
    if (op.queryParameters.length > 0) return { split: false, lists: {}, query: 'params' };
    if (op.headerParameters.length > 0) return { split: false, lists: {}, header: `params as ${names.headerType}` };
    return { split: false, lists: {}, body: 'params' };
  }
  const lists: Record<string, string[]> = {};
  if (op.queryParameters.length > 0) lists.query = op.queryParameters;
  if (op.headerParameters.length > 0) lists.header = op.headerParameters;
  const sections: Sections = { split: true, lists };
  if (lists.query) sections.query = `parts.query as ${names.queryType}`;
  if (lists.header) sections.header = `parts.header as ${names.headerType}`;
  if (op.body) sections.body = `parts.body as ${names.bodyType}`;
  return sections;
}
