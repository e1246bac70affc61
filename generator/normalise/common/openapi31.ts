import { isObject, type JsonObject } from '../../openapi/json.ts';
import { mapComponentSchemas, mapOperationSchemas } from '../../openapi/schema-walk.ts';
import type { ComponentKind } from '../fragment.ts';
import { downgradeSchema, type LossReporter } from './json-schema.ts';

/**
 * Operations and components of any page → OpenAPI 3.0 as the validator and openapi-typescript read it:
 * every schema through `json-schema.ts`, response keys in the 3.0 form (`4xx` → `4XX`; anything else that is
 * not a status, a range or `default` dropped), and Mintlify's `_mintlify/placeholder` media type (its mark for
 * "documented without a schema") removed: a response keeps its description, a request body left without any
 * media type is dropped.
 */

export const PLACEHOLDER_MEDIA_TYPE = '_mintlify/placeholder';

export function downgradeOperation(operation: JsonObject, lost: LossReporter): JsonObject {
  let out = mapOperationSchemas(operation, (schema) => downgradeSchema(schema, lost));
  if (isObject(out.responses)) out = { ...out, responses: responses(out.responses, lost) };
  if (isObject(out.requestBody)) {
    const body = withoutPlaceholder(out.requestBody, 'body');
    if (isObject(body.content) && Object.keys(body.content).length === 0) {
      const { requestBody: _dropped, ...rest } = out;
      lost('the request body is documented without a schema (a Mintlify placeholder); the operation takes no body');
      out = rest;
    } else {
      out = { ...out, requestBody: body };
    }
  }
  return out;
}

export function downgradeComponent(kind: ComponentKind, value: JsonObject, lost: LossReporter): JsonObject {
  const out = mapComponentSchemas(kind, value, (schema) => downgradeSchema(schema, lost));
  return kind === 'responses' ? withoutPlaceholder(out) : kind === 'requestBodies' ? withoutPlaceholder(out, 'body') : out;
}

function responses(map: JsonObject, lost: LossReporter): JsonObject {
  const out: JsonObject = {};
  for (const [key, response] of Object.entries(map)) {
    const status = /^[1-5]xx$/i.test(key) ? `${key[0]}XX` : key;
    if (!/^([1-5]\d\d|[1-5]XX|default)$/.test(status)) {
      lost(`response "${key}" is not an HTTP status, a range such as 4XX, or "default"; dropped`);
      continue;
    }
    out[status] = isObject(response) ? withDescription(withoutPlaceholder(response), status) : response;
  }
  return out;
}

/** The holder without the placeholder media type; a response left with no media type loses `content` too. */
function withoutPlaceholder(holder: JsonObject, kind: 'response' | 'body' = 'response'): JsonObject {
  if (!isObject(holder.content) || !Object.hasOwn(holder.content, PLACEHOLDER_MEDIA_TYPE)) return holder;
  const { [PLACEHOLDER_MEDIA_TYPE]: _placeholder, ...content } = holder.content;
  if (Object.keys(content).length > 0 || kind === 'body') return { ...holder, content };
  const { content: _empty, ...rest } = holder;
  return rest;
}

/** A response needs a description (required in 3.0 and 3.1); references keep theirs at the target. */
function withDescription(response: JsonObject, status: string): JsonObject {
  if (typeof response.$ref === 'string' || typeof response.description === 'string') return response;
  return { description: `Status ${status}`, ...response };
}
