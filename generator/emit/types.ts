import type { JsonObject } from '../openapi/json.ts';
import { nameComponentSchemas, type NamedTypes } from './named-types.ts';

/**
 * TypeScript types for one merged document, by openapi-typescript: `paths`, `components`, `operations`, and
 * each component schema as a named export (`Market`, `CreateOrderRequest`, ...; see `named-types.ts`).
 * `defaultNonNullable: false`: a property the server defaults (e.g. `subaccount: 0`) stays optional for callers.
 * A `format: binary` string (a file part of a multipart body) is a `Blob` (a `File` is one).
 */
export async function emitTypes(document: JsonObject): Promise<NamedTypes> {
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const { factory } = (await import('typescript')).default;
  const ast = await openapiTS(structuredClone(document) as never, {
    rootTypes: true,
    rootTypesNoSchemaPrefix: true,
    defaultNonNullable: false,
    silent: true,
    transform(schema) {
      if (!('format' in schema) || schema.format !== 'binary') return undefined;
      const blob = factory.createTypeReferenceNode('Blob');
      return 'nullable' in schema && schema.nullable ? factory.createUnionTypeNode([blob, factory.createLiteralTypeNode(factory.createNull())]) : blob;
    },
  });
  return nameComponentSchemas(astToString(ast));
}
