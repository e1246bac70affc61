import type { WriterFunction } from 'ts-morph';
import type { OperationModel } from './operation-model.ts';
import type { OperationTypeNames } from './operation-types.ts';

/**
 * The body of an operation function: one `callOperation` (runtime/operation-call.ts) describing the request —
 * method, path template, signed or not, where each argument goes — wrapped in a `PagePromise` or
 * `ListingPromise` for cursor listings. Public operations call `callPublicOperation`, which leaves the signing
 * and `client_order_id` code out of bundles that never sign. Strings from the spec (path, parameter names, keys)
 * are written as JSON string literals; identifiers come from `identifiers.ts`.
 */
export function callStatement(op: OperationModel, names: OperationTypeNames): WriterFunction {
  return (writer) => {
    const sections = paramSections(op, names);
    if (sections.split) writer.writeLine(`const parts = splitParams(params, ${JSON.stringify(sections.lists)});`);
    const callee = callFunction(op);
    const fields = [`method: ${JSON.stringify(op.method.toUpperCase())}`, `path: ${JSON.stringify(op.path)}`];
    if (callee === 'callOperation') fields.push(`signed: ${op.signed}`);
    if (op.pathParameters.length > 0) {
      fields.push(`pathParams: { ${op.pathParameters.map((p) => `${JSON.stringify(p.name)}: ${p.identifier}`).join(', ')} }`);
      // callOperation checks path values itself; a public function brings the check (a bundle of public calls
      // without path parameters carries none).
      if (passesPathEncoder(op)) fields.push('encodePath: encodePathValue');
    }
    if (sections.query) {
      fields.push(op.pagination ? `query: { ...${sections.query}, ${JSON.stringify(op.pagination.cursorParam)}: cursor }` : `query: ${sections.query}`);
    }
    if (sections.header) fields.push(`headers: ${sections.header}`);
    if (sections.body) fields.push(`body: ${sections.body}`);
    const encoder = bodyEncoder(op);
    if (sections.body && encoder) {
      fields.push(`encodeBody: ${encoder}`);
      // Multipart bodies get their content type (with the boundary) from fetch.
      if (encoder !== 'formDataBody') fields.push(`contentType: ${JSON.stringify(op.body!.mediaType)}`);
    }
    if (op.success?.parseAs) fields.push(`parseAs: ${JSON.stringify(op.success.parseAs)}`);
    // The id goes in once per call, so every retry re-sends the same body; retried only if it has one.
    if (sendsClientOrderId(op)) fields.push('clientOrderId: true');
    const call = `${callee}<${names.responseType}>(client.core, { ${fields.join(', ')} }, options)`;
    if (!op.pagination) {
      writer.writeLine(`return ${call};`);
      return;
    }
    const { itemsKey, cursorKey, cursorParam } = op.pagination;
    const shape = [
      ...(itemsKey === undefined ? [] : [`itemsKey: ${JSON.stringify(itemsKey)}`]),
      `cursorKey: ${JSON.stringify(cursorKey)}`,
      `cursorParam: ${JSON.stringify(cursorParam)}`,
      'initialCursor: params?.cursor',
    ];
    const listing = itemsKey === undefined ? `ListingPromise<${names.responseType}>` : `PagePromise<${names.responseType}, ${names.itemType}>`;
    writer.writeLine(`return new ${listing}((cursor) => ${call}, { ${shape.join(', ')} });`);
  };
}

/** The runtime function an operation's function calls: `callOperation` when it signs or adds a `client_order_id`. */
export function callFunction(op: OperationModel): 'callOperation' | 'callPublicOperation' {
  return op.signed || sendsClientOrderId(op) ? 'callOperation' : 'callPublicOperation';
}

/** Whether an operation's function passes the path-value encoder (`encodePathValue`) to `callPublicOperation`. */
export function passesPathEncoder(op: OperationModel): boolean {
  return op.pathParameters.length > 0 && callFunction(op) === 'callPublicOperation';
}

/** An order-creating body: the id goes in once per call, so every retry re-sends the same body. */
function sendsClientOrderId(op: OperationModel): boolean {
  return op.body !== undefined && op.idempotencyKey === true;
}

/**
 * How a request body is sent: JSON (the default), `multipart/form-data` (`formDataBody` makes FormData), a
 * URL-encoded form (`urlEncodedBody`), or anything else as given (`rawBody`, with its content type).
 */
export function bodyEncoding(mediaType: string): 'json' | 'form-data' | 'url-encoded' | 'raw' {
  if (/^application\/([\w.-]+\+)?json\b/i.test(mediaType)) return 'json';
  if (/^multipart\/form-data\b/i.test(mediaType)) return 'form-data';
  if (/^application\/x-www-form-urlencoded\b/i.test(mediaType)) return 'url-encoded';
  return 'raw';
}

/** The runtime encoder (body-encoders.ts) of each body encoding but JSON. */
const BODY_ENCODERS: Record<ReturnType<typeof bodyEncoding>, string | undefined> = {
  json: undefined,
  'form-data': 'formDataBody',
  'url-encoded': 'urlEncodedBody',
  raw: 'rawBody',
};

/** The body encoder an operation function imports, when its body is not JSON. */
export function bodyEncoder(op: OperationModel): string | undefined {
  return op.body ? BODY_ENCODERS[bodyEncoding(op.body.mediaType)] : undefined;
}

interface Sections {
  split: boolean;
  lists: Record<string, string[]>;
  query?: string;
  header?: string;
  body?: string;
}

/** The function's params object mixes query parameters, header parameters and body fields: it must be split. */
export function splitsParams(op: OperationModel): boolean {
  const bodyFields = (op.body?.fields?.length ?? 0) > 0;
  return [op.queryParameters.length > 0, op.headerParameters.length > 0, bodyFields].filter(Boolean).length > 1;
}

/** Where each part of the call comes from: the params object as a whole, or a part of it after splitting. */
function paramSections(op: OperationModel, names: OperationTypeNames): Sections {
  if (names.argument === 'body') return { split: false, lists: {}, body: 'body' };
  // An object body without fields (`EmptyRequest`) is sent as `{}` whatever the params are.
  const fixed: Pick<Sections, 'body'> = op.body?.fields?.length === 0 ? { body: '{}' } : {};
  if (names.argument === 'none') return { split: false, lists: {}, ...fixed };
  if (!splitsParams(op)) {
    if (op.queryParameters.length > 0) return { split: false, lists: {}, query: 'params', ...fixed };
    if (op.headerParameters.length > 0) return { split: false, lists: {}, header: 'params', ...fixed };
    return { split: false, lists: {}, body: 'params' };
  }
  const lists: Record<string, string[]> = {};
  if (op.queryParameters.length > 0) lists.query = op.queryParameters;
  if (op.headerParameters.length > 0) lists.header = op.headerParameters;
  const sections: Sections = { split: true, lists };
  if (lists.query) sections.query = 'parts.query';
  if (lists.header) sections.header = 'parts.header';
  if (op.body) sections.body = 'parts.body';
  return sections;
}
