import { isObject, type JsonObject, type JsonValue } from '../../openapi/json.ts';
import { mapSchemaTree } from '../../openapi/schema-walk.ts';
import { cleanSchema } from '../common/schema-cleanup.ts';

/**
 * The clean-up every AsyncAPI schema gets, whatever page it comes from: the AsyncAPI parser's own keys
 * (`x-parser-schema-id`, `x-parser-unique-object-id`, ...) dropped, then the common clean-up of the REST lane
 * (`$ref` siblings kept as `allOf` + siblings, single `allOf` wrappers unwrapped, Go vendor keys dropped). The
 * JSON Schema keywords AsyncAPI 3.0 allows (`const`, `examples`) stay: the OpenAPI 3.0 form is made where it is
 * needed (`generator/asyncapi/working-schemas.ts`).
 */
export function cleanAsyncApiSchema(schema: JsonObject): JsonObject {
  return cleanSchema(mapSchemaTree(schema, withoutParserKeys));
}

export function isParserKey(key: string): boolean {
  return key.startsWith('x-parser-');
}

export function withoutParserKeys<T extends JsonValue>(value: T): T {
  if (!isObject(value) || !Object.keys(value).some(isParserKey)) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !isParserKey(key))) as T;
}
