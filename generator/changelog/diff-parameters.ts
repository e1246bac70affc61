import { compareText } from '../diagnostics/diagnostic.ts';
import { type JsonObject, type JsonValue } from '../openapi/json.ts';
import type { Change } from './change.ts';
import { diffSchemas } from './diff-schema.ts';
import { emitter } from './emit.ts';
import { pathTemplateNames, type OperationEntry } from './operations.ts';
import { resolveObject } from './schema-view.ts';

interface Documents {
  before: JsonObject;
  after: JsonObject;
}

/**
 * Parameters (OpenAPI 3.0.3 §4.7.12) are identified by location and name, except path parameters, which are
 * identified by their position in the path template: `/x/{id}` → `/x/{ticker}` renames one parameter.
 */
export function diffParameters(docs: Documents, before: OperationEntry, after: OperationEntry, out: Change[]): void {
  const b = parameterTable(docs.before, before);
  const a = parameterTable(docs.after, after);
  const op = after.ref;
  const bNames = pathTemplateNames(before.ref.path);
  const aNames = pathTemplateNames(after.ref.path);
  aNames.forEach((name, i) => {
    const old = bNames[i]!;
    if (old !== name) {
      emitter(out, op, `path parameter \`${name}\``, 'request')('path-parameter-renamed', `renamed from \`${old}\` to \`${name}\``);
    }
    const pb = b.get(`path:${old}`);
    const pa = a.get(`path:${name}`);
    if (pb && pa) compareParameter(docs, out, after, `path parameter \`${name}\``, pb, pa);
  });
  const keys = [...new Set([...b.keys(), ...a.keys()])].filter((k) => !k.startsWith('path:')).sort(compareText);
  for (const key of keys) {
    const [where, ...rest] = key.split(':');
    const location = `${where} parameter \`${rest.join(':')}\``;
    const emit = emitter(out, op, location, 'request');
    const pb = b.get(key);
    const pa = a.get(key);
    if (!pb) emit('parameter-added', pa!.required === true ? 'added as required' : 'added', { qualifier: pa!.required === true ? 'required' : 'optional' });
    else if (!pa) emit('parameter-removed', 'removed');
    else compareParameter(docs, out, after, location, pb, pa);
  }
}

function compareParameter(docs: Documents, out: Change[], entry: OperationEntry, location: string, pb: JsonObject, pa: JsonObject): void {
  const emit = emitter(out, entry.ref, location, 'request');
  const wasRequired = pb.required === true;
  const isRequired = pa.required === true;
  if (wasRequired !== isRequired) emit(isRequired ? 'parameter-required' : 'parameter-optional', isRequired ? 'became required' : 'became optional');
  const deprecated = pa.deprecated === true;
  if ((pb.deprecated === true) !== deprecated) emit(deprecated ? 'parameter-deprecated' : 'parameter-undeprecated', deprecated ? 'deprecated' : 'no longer deprecated');
  diffSchemas({ beforeDoc: docs.before, afterDoc: docs.after, side: 'request', emit }, pb.schema, pa.schema);
}

/** `in:name` → resolved Parameter object; the operation's own parameters override the path item's. */
function parameterTable(document: JsonObject, entry: OperationEntry): Map<string, JsonObject> {
  const table = new Map<string, JsonObject>();
  const own = Array.isArray(entry.operation.parameters) ? entry.operation.parameters : [];
  for (const raw of [...entry.pathParameters, ...own] as JsonValue[]) {
    const parameter = resolveObject(document, raw);
    if (parameter && typeof parameter.name === 'string' && typeof parameter.in === 'string') {
      table.set(`${parameter.in}:${parameter.name}`, parameter);
    }
  }
  return table;
}
