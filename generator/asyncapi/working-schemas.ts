import { isObject, type JsonObject } from '../openapi/json.ts';
import { downgradeSchema, type LossReporter } from '../normalise/common/json-schema.ts';
import { cleanSchema } from '../normalise/common/schema-cleanup.ts';
import { overrideConstants } from './constant-overrides.ts';

/**
 * The schemas of a merged AsyncAPI document in the OpenAPI 3.0 form the rest of the toolchain reads (the REST
 * lane's types and changelog): `const` → a one-value `enum`, `examples` → `example`, type lists → `nullable` or
 * `anyOf`, through the REST normaliser's own `json-schema.ts`. The committed document keeps AsyncAPI's JSON
 * Schema; this form is made where it is used (emit, changelog). `$ref`s are unchanged. An `allOf` that gives a
 * property a second constant is read as the override it is meant to be (`constant-overrides.ts`).
 */
export function workingSchema(schema: JsonObject, lost: LossReporter = () => undefined): JsonObject {
  return cleanSchema(downgradeSchema(schema, lost));
}

/** The document with every component schema and every message payload in the working form. */
export function workingDocument(source: JsonObject, lost: (where: string, message: string) => void = () => undefined): JsonObject {
  const document = downgradedDocument(source, lost);
  const components = isObject(document.components) ? document.components : {};
  const schemas = isObject(components.schemas) ? components.schemas : {};
  const messages = isObject(components.messages) ? components.messages : {};
  const override = (s: JsonObject) => overrideConstants(document, s);
  return {
    ...document,
    components: {
      ...components,
      schemas: Object.fromEntries(Object.entries(schemas).map(([name, s]) => [name, isObject(s) ? override(s) : s])),
      messages: Object.fromEntries(Object.entries(messages).map(([name, m]) => [name, isObject(m) && isObject(m.payload) ? { ...m, payload: override(m.payload) } : m])),
    },
  };
}

function downgradedDocument(document: JsonObject, lost: (where: string, message: string) => void): JsonObject {
  const components = isObject(document.components) ? document.components : {};
  const schemas = isObject(components.schemas) ? components.schemas : {};
  const messages = isObject(components.messages) ? components.messages : {};
  return {
    ...document,
    components: {
      ...components,
      schemas: Object.fromEntries(Object.entries(schemas).map(([name, s]) => [name, isObject(s) ? workingSchema(s, (m) => lost(`schema ${name}`, m)) : s])),
      messages: Object.fromEntries(
        Object.entries(messages).map(([name, m]) => [
          name,
          isObject(m) && isObject(m.payload) && typeof m.payload.schemaFormat !== 'string'
            ? { ...m, payload: workingSchema(m.payload, (text) => lost(`message ${name}`, text)) }
            : m,
        ]),
      ),
    },
  };
}
