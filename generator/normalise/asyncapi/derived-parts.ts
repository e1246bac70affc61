import { isObject, type JsonObject, type JsonValue } from '../../openapi/json.ts';

/**
 * The pieces of Mintlify's derived AsyncAPI form that are lists of `{id, ...}` where AsyncAPI 3.0 has maps, back
 * in the document's form. Empty lists (`bindings: []`, `variables: []`, `extensions: []`) say nothing and go.
 */

/** `servers: [{id, protocol, host, pathname?, bindings, variables}]` → `{<id>: {host, protocol, pathname?}}`. */
export function serversFromList(list: JsonValue | undefined): Record<string, JsonObject> {
  const out: Record<string, JsonObject> = {};
  for (const entry of Array.isArray(list) ? list.filter(isObject) : []) {
    if (typeof entry.id !== 'string') continue;
    const { id, bindings, variables, extensions: _extensions, ...server } = entry;
    const converted = { ...server, ...keyed('bindings', bindingsFromList(bindings)), ...keyed('variables', byId(variables)) };
    out[id] = converted;
  }
  return out;
}

/** `securitySchemes: [{id, name, type, description, in, extensions}]` → `{<id>: {type, in, description}}`. */
export function securitySchemesFromList(list: JsonValue | undefined): Record<string, JsonObject> {
  const out: Record<string, JsonObject> = {};
  for (const entry of Array.isArray(list) ? list.filter(isObject) : []) {
    if (typeof entry.id !== 'string') continue;
    // `name` repeats the id here; in AsyncAPI 3.0 it is only an `httpApiKey`'s header, query or cookie name.
    const { id, extensions: _extensions, name, ...scheme } = entry;
    out[id] = entry.type === 'httpApiKey' && name !== undefined ? { ...scheme, name } : scheme;
  }
  return out;
}

/**
 * `bindings: [{protocol: ws, version, value: {method: GET}, schemaProperties}]` → `{ws: {method: GET}}`
 * (`bindingVersion` kept when it names one: `latest` is the default and goes).
 */
export function bindingsFromList(list: JsonValue | undefined): JsonObject {
  const out: JsonObject = {};
  for (const entry of Array.isArray(list) ? list.filter(isObject) : []) {
    if (typeof entry.protocol !== 'string') continue;
    const value = isObject(entry.value) ? { ...entry.value } : {};
    if (typeof entry.version === 'string' && entry.version !== 'latest') value.bindingVersion = entry.version;
    out[entry.protocol] = value;
  }
  return out;
}

/** `parameters: [{id, ...}]` (and server variables) → `{<id>: {...}}`. */
export function byId(list: JsonValue | undefined): JsonObject {
  const out: JsonObject = {};
  for (const entry of Array.isArray(list) ? list.filter(isObject) : []) {
    if (typeof entry.id !== 'string') continue;
    const { id, extensions: _extensions, ...rest } = entry;
    out[id] = rest;
  }
  return out;
}

/** `{key: value}` when the value says something, else nothing. */
export function keyed(key: string, value: JsonObject): JsonObject {
  return Object.keys(value).length > 0 ? { [key]: value } : {};
}

/** `{key: text}` for a non-empty string, else nothing. */
export function text(key: string, value: JsonValue | undefined): JsonObject {
  return typeof value === 'string' && value !== '' ? { [key]: value } : {};
}
