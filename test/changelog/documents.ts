import type { JsonObject } from '../../generator/openapi/json.ts';
import type { Change } from '../../generator/changelog/index.ts';

/** Small merged documents for the changelog rules: one API, a `Thing` schema, key-based security. */

export const SECURITY = {
  kalshiAccessKey: { type: 'apiKey', in: 'header', name: 'KALSHI-ACCESS-KEY' },
  kalshiAccessSignature: { type: 'apiKey', in: 'header', name: 'KALSHI-ACCESS-SIGNATURE' },
};

export function doc(paths: Record<string, Record<string, object>>, schemas: Record<string, object> = {}): JsonObject {
  return {
    openapi: '3.0.3',
    info: { title: 'Test API', version: '1.0.0' },
    paths,
    components: { schemas, securitySchemes: SECURITY },
  } as unknown as JsonObject;
}

const json = (schema: object) => ({ 'application/json': { schema } });

/** An operation returning `response` (200) and, when given, taking `request` as its JSON body. */
export function op(options: { id?: string; response?: object; request?: object; parameters?: object[]; extra?: object } = {}): object {
  return {
    operationId: options.id ?? 'GetThing',
    ...(options.parameters ? { parameters: options.parameters } : {}),
    ...(options.request ? { requestBody: { required: true, content: json(options.request) } } : {}),
    responses: { '200': { description: 'OK', content: json(options.response ?? { $ref: '#/components/schemas/Thing' }) } },
    ...options.extra,
  };
}

export const object = (properties: Record<string, object>, required: string[] = []) => ({
  type: 'object',
  ...(required.length ? { required } : {}),
  properties,
});

/** The parts of a change a rule decides: kind, severity, where. */
export function summary(changes: readonly Change[]): string[] {
  return changes.map((c) => [c.kind, c.severity, c.location, c.property].filter((x) => x !== undefined).join(' | '));
}
