import type { StreamMessage } from '../asyncapi/channels.ts';
import { isObject, unescapePointer, type JsonObject, type JsonValue } from '../openapi/json.ts';
import type { ChannelMapModel } from './channel-model.ts';
import { nameComponentSchemas } from './named-types.ts';
import { messageTypeStem, schemaTypeStem, TypeNamer } from './stream-names.ts';

/**
 * TypeScript types for the schemas and messages of a merged AsyncAPI document (in the working form,
 * `asyncapi/working-schemas.ts`), by the same openapi-typescript and named-types transform as the REST types: the
 * schemas become the components of a document openapi-typescript reads, each under its final type name. A message
 * whose payload is a schema no other message or schema uses is that schema (`ticker` → `interface TickerMessage`);
 * otherwise its type names the payload (`type UpdateSubscriptionDeleteCommand = UpdateSubscriptionCommandPayload`).
 */
export interface StreamTypes {
  /** Declarations only (openapi-typescript's `paths`, `components`, ... are still in it; the caller removes them). */
  text: string;
  /** Message name (`components.messages` key) → its type name. */
  messageTypes: Map<string, string>;
}

export async function emitStreamTypes(document: JsonObject, model: ChannelMapModel, reserved: Iterable<string>): Promise<StreamTypes> {
  const namer = new TypeNamer(reserved);
  const components = isObject(document.components) ? document.components : {};
  const schemas = isObject(components.schemas) ? components.schemas : {};
  const messages = [...model.sent, ...model.commands];
  const uses = referenceCounts([...Object.values(schemas), ...messages.map((m) => m.message.payload ?? null)]);
  const schemaNames = new Map<string, string>();
  const messageTypes = new Map<string, string>();
  const ownPayload = (m: StreamMessage) => {
    const key = payloadSchemaKey(m);
    return key !== undefined && uses.get(key) === 1 && isObject(schemas[key]) ? key : undefined;
  };
  for (const message of messages) {
    const name = namer.name(messageTypeStem(message.name), 'Message');
    messageTypes.set(message.name, name);
    const own = ownPayload(message);
    if (own !== undefined) schemaNames.set(own, name);
  }
  for (const key of Object.keys(schemas)) if (!schemaNames.has(key)) schemaNames.set(key, namer.name(schemaTypeStem(key), 'Schema'));
  const synthetic: JsonObject = {};
  for (const [key, schema] of Object.entries(schemas)) synthetic[schemaNames.get(key)!] = renamed(schema, schemaNames);
  for (const message of messages) {
    const own = ownPayload(message);
    const name = messageTypes.get(message.name)!;
    const payload = own !== undefined ? synthetic[name] : message.message.payload;
    synthetic[name] = withMessageDoc(isObject(payload) ? (own !== undefined ? payload : renamed(payload, schemaNames)) : {}, message.message);
  }
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const ast = await openapiTS({ openapi: '3.0.3', info: { title: 'stream', version: '0' }, paths: {}, components: { schemas: synthetic } } as never, {
    rootTypes: true,
    rootTypesNoSchemaPrefix: true,
    rootTypesKeepCasing: true,
    defaultNonNullable: false,
    silent: true,
  });
  const named = await nameComponentSchemas(astToString(ast));
  return { text: named.text, messageTypes };
}

/** A message type's JSDoc: the message's title and summary (its payload schema seldom has a description of its own). */
function withMessageDoc(schema: JsonObject, message: JsonObject): JsonObject {
  if (typeof schema.description === 'string') return schema;
  const parts = [message.title, message.summary ?? message.description].filter((p): p is string => typeof p === 'string' && p.trim() !== '');
  const unique = parts.filter((p, i) => parts.indexOf(p) === i);
  return unique.length > 0 ? { ...schema, description: unique.join(': ') } : schema;
}

/** The component schema a message's payload refers to (`#/components/schemas/<key>`), if it is only that reference. */
function payloadSchemaKey(message: StreamMessage): string | undefined {
  const payload = message.message.payload;
  if (!isObject(payload) || typeof payload.$ref !== 'string' || Object.keys(payload).length !== 1) return undefined;
  return schemaKey(payload.$ref);
}

function schemaKey(ref: string): string | undefined {
  const match = /^#\/components\/schemas\/([^/]+)$/.exec(ref);
  return match ? unescapePointer(match[1]!) : undefined;
}

/** How many `$ref`s point at each component schema. */
function referenceCounts(values: readonly JsonValue[]): Map<string, number> {
  const counts = new Map<string, number>();
  const visit = (v: JsonValue) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (isObject(v)) {
      const key = typeof v.$ref === 'string' ? schemaKey(v.$ref) : undefined;
      if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
      for (const [k, child] of Object.entries(v)) if (k !== '$ref') visit(child);
    }
  };
  values.forEach(visit);
  return counts;
}

/** A schema whose `$ref`s name the final type names. */
function renamed(value: JsonValue, names: ReadonlyMap<string, string>): JsonValue & JsonObject {
  const visit = (v: JsonValue): JsonValue => {
    if (Array.isArray(v)) return v.map(visit);
    if (!isObject(v)) return v;
    const out: JsonObject = {};
    for (const [key, child] of Object.entries(v)) {
      const target = key === '$ref' && typeof child === 'string' ? schemaKey(child) : undefined;
      out[key] = target !== undefined && names.has(target) ? `#/components/schemas/${names.get(target)!}` : visit(child);
    }
    return out;
  };
  return visit(value) as JsonObject;
}
