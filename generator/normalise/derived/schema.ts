import { isObject, type JsonObject, type JsonValue } from '../../openapi/json.ts';
import { componentName } from '../../openapi/json.ts';

/**
 * Mintlify's derived schema dialect → OpenAPI 3.0 Schema Objects:
 * - `schema:` / `schemaArray:` union lists → the single schema, or `oneOf`; a `null` alternative → `nullable`;
 * - `enum<string>` / `enum<integer>` → typed enums; `any` → no type; `file` → binary string; `null` → nullable;
 * - `requiredProperties` → `required`; a property's own `required: true` → listed in its parent's `required`;
 * - `refIdentifier` → a `$ref` to the named component (the inline copy becomes that component if the page
 *   does not define it);
 * - placeholder examples (`<string>`) dropped: they are not data.
 * Single-element `allOf` wrappers are left to the common clean-up.
 */

export interface DerivedSchemaContext {
  /** Records an inline schema carrying `refIdentifier` as the component it names. */
  defineComponent(name: string, schema: JsonObject): void;
}

export function convertSchemaList(value: JsonValue, ctx: DerivedSchemaContext): JsonObject {
  if (!Array.isArray(value)) return isObject(value) ? convertSchema(value, ctx) : {};
  const alternatives = value.filter(isObject);
  const nullable = alternatives.some((alt) => alt.type === 'null');
  const rest = alternatives.filter((alt) => alt.type !== 'null').map((alt) => convertSchema(alt, ctx));
  const single = rest.length === 1 ? rest[0]! : rest.length === 0 ? {} : { oneOf: rest };
  return nullable ? withNullable(single) : single;
}

function withNullable(schema: JsonObject): JsonObject {
  return typeof schema.$ref === 'string' ? { allOf: [schema], nullable: true } : { ...schema, nullable: true };
}

export function convertSchema(input: JsonObject, ctx: DerivedSchemaContext): JsonObject {
  const out: JsonObject = {};
  const required = new Set<string>(Array.isArray(input.required) ? input.required.map(String) : []);
  for (const name of Array.isArray(input.requiredProperties) ? input.requiredProperties : []) required.add(String(name));
  for (const [key, value] of Object.entries(input)) {
    switch (key) {
      case 'type':
        Object.assign(out, convertType(value));
        break;
      case 'required':
      case 'requiredProperties':
      case 'refIdentifier':
      case 'examples':
        break;
      case 'example':
        if (!isPlaceholder(value)) out.example = value;
        break;
      case 'properties':
        out.properties = convertProperties(value, required, ctx);
        break;
      case 'items':
      case 'additionalProperties':
      case 'not':
        out[key] = Array.isArray(value) ? convertSchemaList(value, ctx) : isObject(value) ? convertSchema(value, ctx) : value;
        break;
      case 'allOf':
      case 'oneOf':
      case 'anyOf':
        out[key] = Array.isArray(value) ? value.filter(isObject).map((v) => convertSchema(v, ctx)) : value;
        break;
      default:
        out[key] = value;
    }
  }
  if (required.size > 0) out.required = [...required];
  const ref = typeof input.refIdentifier === 'string' ? componentName(input.refIdentifier) : undefined;
  if (ref) {
    ctx.defineComponent(ref, out);
    return { $ref: `#/components/schemas/${ref}` };
  }
  return out;
}

function convertProperties(value: JsonValue, required: Set<string>, ctx: DerivedSchemaContext): JsonValue {
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [name, property] of Object.entries(value)) {
    if (!isObject(property)) continue;
    if (property.required === true || hasRequiredFlag(property.allOf)) required.add(name);
    out[name] = convertSchema(property, ctx);
  }
  return out;
}

function hasRequiredFlag(list: JsonValue | undefined): boolean {
  return Array.isArray(list) && list.some((item) => isObject(item) && item.required === true);
}

function convertType(type: JsonValue): JsonObject {
  if (typeof type !== 'string') return { type };
  const enumType = /^enum<(\w+)>$/.exec(type);
  if (enumType) return { type: enumType[1]! };
  switch (type) {
    case 'any':
      return {};
    case 'file':
      return { type: 'string', format: 'binary' };
    case 'null':
      return { nullable: true };
    default:
      return { type };
  }
}

function isPlaceholder(value: JsonValue): boolean {
  return typeof value === 'string' && /^<[^>]*>$/.test(value);
}
