/**
 * Checks that a JSON value has the shape an OpenAPI 3.0 schema of the generated documents describes: types,
 * required properties, enums, nullable, `$ref`, `allOf` and array items. Enough to make the test server's answers
 * provably schema-shaped; not a full validator (formats, bounds and patterns are not checked).
 */
type Schema = Record<string, unknown>;
type Document = { components?: { schemas?: Record<string, Schema> } };

export function shapeErrors(doc: Document, schema: Schema | string, value: unknown, at = '$'): string[] {
  const resolved = typeof schema === 'string' ? { $ref: `#/components/schemas/${schema}` } : schema;
  return check(doc, resolved, value, at, 0);
}

function check(doc: Document, schema: Schema, value: unknown, at: string, depth: number): string[] {
  if (depth > 40) return [];
  const ref = schema['$ref'];
  if (typeof ref === 'string') {
    const name = ref.replace('#/components/schemas/', '');
    const target = doc.components?.schemas?.[name];
    if (target === undefined) return [`${at}: unresolvable $ref ${ref}`];
    return check(doc, target, value, at, depth + 1);
  }
  if (value === null) return schema['nullable'] === true ? [] : [`${at}: null but not nullable`];
  const errors: string[] = [];
  for (const part of (schema['allOf'] as Schema[] | undefined) ?? []) errors.push(...check(doc, part, value, at, depth + 1));
  const alternatives = (schema['oneOf'] ?? schema['anyOf']) as Schema[] | undefined;
  if (alternatives && !alternatives.some((alt) => check(doc, alt, value, at, depth + 1).length === 0)) {
    errors.push(`${at}: matches none of the oneOf/anyOf alternatives`);
  }
  const enumValues = schema['enum'] as unknown[] | undefined;
  if (enumValues && !enumValues.includes(value)) errors.push(`${at}: ${JSON.stringify(value)} not in enum ${JSON.stringify(enumValues)}`);
  const type = schema['type'];
  if (typeof type === 'string' && !hasType(type, value)) {
    return [...errors, `${at}: expected ${type}, got ${Array.isArray(value) ? 'array' : typeof value}`];
  }
  if (type === 'object' || schema['properties'] !== undefined || schema['required'] !== undefined) {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const record = value as Record<string, unknown>;
      for (const name of (schema['required'] as string[] | undefined) ?? []) {
        if (!(name in record)) errors.push(`${at}.${name}: required but missing`);
      }
      const properties = (schema['properties'] as Record<string, Schema> | undefined) ?? {};
      for (const [name, propertySchema] of Object.entries(properties)) {
        if (name in record) errors.push(...check(doc, propertySchema, record[name], `${at}.${name}`, depth + 1));
      }
    }
  }
  if (type === 'array' && Array.isArray(value) && schema['items']) {
    value.forEach((item, i) => errors.push(...check(doc, schema['items'] as Schema, item, `${at}[${i}]`, depth + 1)));
  }
  return errors;
}

function hasType(type: string, value: unknown): boolean {
  switch (type) {
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    default:
      return true;
  }
}
