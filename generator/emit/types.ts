import type { JsonObject } from '../openapi/json.ts';
import { nameComponentSchemas, type NamedTypes } from './named-types.ts';

/**
 * TypeScript types for one merged document, by openapi-typescript: `paths`, `components`, `operations`, and
 * each component schema as a named export (`Market`, `CreateOrderRequest`, ...; see `named-types.ts`).
 * `defaultNonNullable: false`: a property the server defaults (e.g. `subaccount: 0`) stays optional for callers.
 */
export async function emitTypes(document: JsonObject): Promise<NamedTypes> {
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const ast = await openapiTS(structuredClone(document) as never, {
    rootTypes: true,
    rootTypesNoSchemaPrefix: true,
    defaultNonNullable: false,
    silent: true,
  });
  return nameComponentSchemas(astToString(ast));
}
