import type { JsonObject } from '../openapi/json.ts';

/**
 * TypeScript types for one merged document, by openapi-typescript: `paths`, `components`, `operations`, and
 * a named export per component (`Order`, `CreateOrderRequest`, ...).
 * `defaultNonNullable: false`: a property the server defaults (e.g. `subaccount: 0`) stays optional for callers.
 */
export async function emitTypes(document: JsonObject): Promise<{ text: string; exportedNames: Set<string> }> {
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const ast = await openapiTS(structuredClone(document) as never, {
    rootTypes: true,
    rootTypesNoSchemaPrefix: true,
    defaultNonNullable: false,
    silent: true,
  });
  const text = astToString(ast);
  const exportedNames = new Set([...text.matchAll(/^export (?:type|interface) (\w+)/gm)].map((m) => m[1]!));
  return { text, exportedNames };
}
