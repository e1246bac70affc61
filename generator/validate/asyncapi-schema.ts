import { isObject, type JsonValue } from '../openapi/json.ts';

type Path = (string | number)[];

const TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);
const SCHEMA_MAPS = ['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SCHEMAS = ['items', 'additionalProperties', 'not', 'contains', 'if', 'then', 'else', 'propertyNames', 'additionalItems'];

/**
 * A JSON Schema as AsyncAPI 3.0 holds it (draft 07 plus `discriminator`, `externalDocs`, `deprecated`), checked
 * for the keywords whose shape the client's types depend on: `type`, `required`, `enum`, `properties`, `items`
 * and the composition lists, all the way down.
 */
export function checkSchema(schema: JsonValue, path: Path, error: (path: Path, message: string) => void): void {
  if (typeof schema === 'boolean') return;
  if (!isObject(schema)) return error(path, 'a schema must be an object or a boolean');
  const types = Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type];
  if (!types.every((t) => typeof t === 'string' && TYPES.has(t))) error([...path, 'type'], `type must be one of ${[...TYPES].join(', ')}, or a list of them`);
  if (schema.required !== undefined && (!Array.isArray(schema.required) || !schema.required.every((r) => typeof r === 'string'))) {
    error([...path, 'required'], 'required must be a list of property names');
  }
  if (schema.enum !== undefined && (!Array.isArray(schema.enum) || schema.enum.length === 0)) error([...path, 'enum'], 'enum must be a non-empty list');
  for (const key of SCHEMA_MAPS) {
    const map = schema[key];
    if (map === undefined) continue;
    if (!isObject(map)) error([...path, key], `${key} must map names to schemas`);
    else for (const [name, sub] of Object.entries(map)) checkSchema(sub, [...path, key, name], error);
  }
  for (const key of SCHEMA_LISTS) {
    const list = schema[key];
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.length === 0) error([...path, key], `${key} must be a non-empty list of schemas`);
    else list.forEach((sub, i) => checkSchema(sub, [...path, key, i], error));
  }
  for (const key of SCHEMAS) {
    const sub = schema[key];
    if (sub === undefined) continue;
    if (Array.isArray(sub) && key === 'items') sub.forEach((s, i) => checkSchema(s, [...path, key, i], error));
    else checkSchema(sub, [...path, key], error);
  }
}
