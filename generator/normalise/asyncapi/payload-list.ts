import { isObject, type JsonObject, type JsonValue } from '../../openapi/json.ts';

/**
 * Mintlify's list form of a message payload (`payload: [{name, type, description, required, properties,
 * enumValues, examples, deprecated}]`) → a JSON Schema. The list is a rendering: it has no `const`, format,
 * bound or component name. What it says implicitly is made explicit:
 * - `required: true` on an entry puts its name in the parent's `required` (on the top entry, which stands for the
 *   message itself, it says nothing: its name and description are the message's title and summary);
 * - an array's one entry (`name: item`) is its `items`;
 * - a top-level `type` or `cmd` entry (the discriminant) whose description is a single snake_case word and
 *   nothing else is that word as a `const`: Mintlify shows a `const` that way (`type: ticker` is rendered as
 *   `{name: type, type: string, description: ticker}`).
 * Several top-level entries are alternatives (`oneOf`).
 */
export function payloadFromList(list: readonly JsonValue[]): JsonObject {
  const entries = list.filter(isObject);
  const roots = entries.map((entry) => entrySchema(entry, true));
  if (roots.length === 1) return roots[0]!;
  return roots.length === 0 ? {} : { oneOf: roots };
}

const TYPES = new Set(['string', 'integer', 'number', 'boolean', 'object', 'array', 'null']);
const DISCRIMINANTS = new Set(['type', 'cmd']);
const WORD = /^[a-z][a-z0-9_]*$/;

function entrySchema(entry: JsonObject, root: boolean): JsonObject {
  const schema: JsonObject = {};
  const type = typeof entry.type === 'string' ? entry.type.replace(/^enum<(\w+)>$/, '$1') : undefined;
  if (type !== undefined && TYPES.has(type)) schema.type = type;
  // The root entry is the message itself (its title and summary): they belong to the message, not its payload.
  if (typeof entry.description === 'string' && !root) schema.description = entry.description;
  if (Array.isArray(entry.enumValues) && entry.enumValues.length > 0) schema.enum = entry.enumValues;
  if (entry.deprecated === true) schema.deprecated = true;
  if (Array.isArray(entry.examples) && entry.examples.length > 0) schema.examples = entry.examples;
  const children = Array.isArray(entry.properties) ? entry.properties.filter(isObject) : [];
  if (type === 'array') {
    const item = children.find((c) => c.name === 'item') ?? children[0];
    if (item) schema.items = entrySchema(item, false);
  } else if (children.length > 0) {
    schema.properties = Object.fromEntries(children.map((child) => [String(child.name), propertySchema(child, root)]));
    const required = children.filter((c) => c.required === true).map((c) => String(c.name));
    if (required.length > 0) schema.required = required;
  }
  return schema;
}

/** A property of the payload's root: its discriminant gets its `const` back. */
function propertySchema(child: JsonObject, parentIsRoot: boolean): JsonObject {
  const schema = entrySchema(child, false);
  const only = Object.keys(schema).every((k) => k === 'type' || k === 'description');
  if (parentIsRoot && DISCRIMINANTS.has(String(child.name)) && schema.type === 'string' && only && typeof schema.description === 'string' && WORD.test(schema.description)) {
    return { type: 'string', const: schema.description };
  }
  return schema;
}
