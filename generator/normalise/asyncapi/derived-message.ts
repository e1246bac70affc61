import type { Diagnostics, SourceLocation } from '../../diagnostics/diagnostic.ts';
import type { YamlBlock } from '../../ingest/page.ts';
import { isObject, jsonEqual, type JsonObject, type JsonValue } from '../../openapi/json.ts';
import type { AsyncApiFragment } from '../asyncapi-fragment.ts';
import { bindingsFromList, keyed, text } from './derived-parts.ts';
import { payloadFromList } from './payload-list.ts';
import { liftSchemaIds, type LiftedSchema } from './schema-ids.ts';
import { cleanAsyncApiSchema } from './schemas.ts';

interface MessageContext {
  fragment: AsyncApiFragment;
  block: YamlBlock;
  at: (path: (string | number)[]) => SourceLocation;
  diagnostics: Diagnostics;
}

/**
 * One derived message (`{id, contentType, payload, jsonPayloadSchema, title, description, example}`) → an
 * AsyncAPI 3.0 Message Object. The payload is `jsonPayloadSchema` (every page so far has it: it keeps `const`,
 * formats, bounds and component names), its named schemas lifted into the page's components; without it, the
 * field list (`payload-list.ts`), which is reported. Mintlify shows a message's summary as its `description`; the
 * JSON `example` is a rendering of the document's examples (placeholders where it has none) and is not kept.
 */
export function messageFromDerived(message: JsonValue, path: (string | number)[], ctx: MessageContext): { id: string; value: JsonObject } | undefined {
  if (!isObject(message) || typeof message.id !== 'string' || message.id === '') {
    ctx.diagnostics.warn('asyncapi-message-invalid', 'a message without an `id`; skipped', ctx.at(path));
    return undefined;
  }
  const payload = payloadOf(message, path, ctx);
  const value: JsonObject = {
    ...text('title', message.title),
    ...text('summary', message.description),
    ...text('contentType', message.contentType),
    ...(payload ? { payload } : {}),
    ...keyed('bindings', bindingsFromList(message.bindings)),
  };
  return { id: message.id, value };
}

function payloadOf(message: JsonObject, path: (string | number)[], ctx: MessageContext): JsonObject | undefined {
  if (isObject(message.jsonPayloadSchema)) {
    const found = new Map<string, LiftedSchema>();
    const base = [...path, 'jsonPayloadSchema'];
    const conflict = (name: string, first: LiftedSchema, at: (string | number)[]) =>
      ctx.diagnostics.warn('asyncapi-schema-conflict', `schema ${name} appears twice on the page, differently; the first is used`, ctx.at(at), {
        related: [ctx.at(first.path)],
      });
    const payload = liftSchemaIds(message.jsonPayloadSchema, base, found, conflict);
    for (const [name, lifted] of found) addSchema(name, lifted, ctx);
    return cleanAsyncApiSchema(payload);
  }
  if (Array.isArray(message.payload) && message.payload.length > 0) {
    ctx.diagnostics.info(
      'asyncapi-payload-from-list',
      `message ${String(message.id)} has no JSON schema; its payload is built from the page's field list (no constants but the discriminant, no formats or bounds)`,
      ctx.at([...path, 'payload']),
    );
    return cleanAsyncApiSchema(payloadFromList(message.payload));
  }
  ctx.diagnostics.warn('asyncapi-message-without-payload', `message ${String(message.id)} has no payload; its type is unknown`, ctx.at(path));
  return undefined;
}

function addSchema(name: string, lifted: LiftedSchema, ctx: MessageContext): void {
  const value = cleanAsyncApiSchema(lifted.value);
  const schemas = ctx.fragment.components.schemas;
  const known = schemas[name];
  if (known && !jsonEqual(known.value, value)) {
    ctx.diagnostics.warn('asyncapi-schema-conflict', `schema ${name} appears twice on the page, differently; the first is used`, ctx.at(lifted.path), {
      related: [known.source],
    });
    return;
  }
  if (known) return;
  schemas[name] = { value, source: ctx.at(lifted.path), locate: (p) => ctx.block.yaml.lineOf([...lifted.path, ...p]) };
}
