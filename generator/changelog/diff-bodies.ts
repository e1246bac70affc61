import { compareText } from '../diagnostics/diagnostic.ts';
import { isObject, type JsonObject } from '../openapi/json.ts';
import type { Change, OperationRef, Side } from './change.ts';
import { diffSchemas } from './diff-schema.ts';
import { emitter } from './emit.ts';
import { resolveObject } from './schema-view.ts';

interface Documents {
  before: JsonObject;
  after: JsonObject;
}

/** The request body (OpenAPI 3.0.3 §4.7.13): presence, `required`, then each media type's schema. */
export function diffRequestBody(docs: Documents, op: OperationRef, before: JsonObject, after: JsonObject, out: Change[]): void {
  const b = resolveObject(docs.before, before.requestBody);
  const a = resolveObject(docs.after, after.requestBody);
  const emit = emitter(out, op, 'request body', 'request');
  if (!b && !a) return;
  if (!b) return emit('request-body-added', a!.required === true ? 'added as required' : 'added', { qualifier: a!.required === true ? 'required' : 'optional' });
  if (!a) return emit('request-body-removed', 'removed');
  if ((b.required === true) !== (a.required === true)) {
    emit(a.required === true ? 'request-body-required' : 'request-body-optional', a.required === true ? 'became required' : 'became optional');
  }
  diffContent(docs, out, op, 'request body', 'request', b.content, a.content);
}

/** Responses (§4.7.16) by status code, then each media type's schema. */
export function diffResponses(docs: Documents, op: OperationRef, before: JsonObject, after: JsonObject, out: Change[]): void {
  const b = isObject(before.responses) ? before.responses : {};
  const a = isObject(after.responses) ? after.responses : {};
  for (const status of [...new Set([...Object.keys(b), ...Object.keys(a)])].sort(compareText)) {
    const location = `response ${status}`;
    const emit = emitter(out, op, location, 'response');
    const rb = resolveObject(docs.before, b[status]);
    const ra = resolveObject(docs.after, a[status]);
    const kind = status.startsWith('2') ? 'success' : 'error';
    if (!rb && ra) emit('response-added', 'added', { qualifier: kind });
    else if (rb && !ra) emit('response-removed', 'removed', { qualifier: kind });
    else if (rb && ra) diffContent(docs, out, op, location, 'response', rb.content, ra.content);
  }
}

function diffContent(docs: Documents, out: Change[], op: OperationRef, location: string, side: Side, before: unknown, after: unknown): void {
  const b = isObject(before) ? before : {};
  const a = isObject(after) ? after : {};
  const emit = emitter(out, op, location, side);
  for (const type of [...new Set([...Object.keys(b), ...Object.keys(a)])].sort(compareText)) {
    const mb = b[type];
    const ma = a[type];
    if (!isObject(mb)) emit('media-type-added', `media type ${type} added`);
    else if (!isObject(ma)) emit('media-type-removed', `media type ${type} removed`);
    else {
      const at = Object.keys(a).length > 1 ? `${location} (${type})` : location;
      const inner = emitter(out, op, at, side);
      diffSchemas({ beforeDoc: docs.before, afterDoc: docs.after, side, emit: inner }, mb.schema, ma.schema);
    }
  }
}
