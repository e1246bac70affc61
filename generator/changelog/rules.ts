import type { ChangeKind, Severity } from './change.ts';

/**
 * The classification, in the spirit of oasdiff's rules, from the point of view of code using the generated
 * client: the most specific key wins (`kind:side:qualifier`, then `kind:side`, then `kind:qualifier`, then
 * `kind`). Removing something the client reads or may send, demanding something new from it, or retyping a
 * field is breaking; offering something new is not; values the client may newly receive are a warning.
 */
const RULES: Record<string, Severity> = {
  // The document: Kalshi's version number, and the servers the client's environments are picked from.
  'info-version-changed': 'non-breaking',
  'server-added': 'non-breaking',
  'server-removed': 'warning',
  // Descriptions, examples and other text: the client's types do not change.
  'documentation-changed': 'non-breaking',
  'operation-added': 'non-breaking',
  'operation-removed': 'breaking',
  'operation-deprecated': 'warning',
  'operation-undeprecated': 'non-breaking',
  // The wrapper method and the exported type names are derived from the operationId.
  'operation-id-renamed': 'breaking',
  'security-changed:stricter': 'breaking',
  'security-changed:looser': 'non-breaking',
  'parameter-added:required': 'breaking',
  'parameter-added:optional': 'non-breaking',
  // The wrapper's parameter type no longer has it: code passing it stops compiling.
  'parameter-removed': 'breaking',
  'parameter-required': 'breaking',
  'parameter-optional': 'non-breaking',
  'parameter-deprecated': 'warning',
  'parameter-undeprecated': 'non-breaking',
  // Wrappers take path parameters by position; only `client.raw` calls name them.
  'path-parameter-renamed': 'warning',
  'request-body-added:required': 'breaking',
  'request-body-added:optional': 'non-breaking',
  'request-body-removed': 'breaking',
  'request-body-required': 'breaking',
  'request-body-optional': 'non-breaking',
  'media-type-added:request': 'non-breaking',
  'media-type-added:response': 'warning',
  'media-type-removed': 'breaking',
  'response-added': 'non-breaking',
  'response-removed:success': 'breaking',
  'response-removed:error': 'non-breaking',
  'property-added:request:required': 'breaking',
  'property-added:request:optional': 'non-breaking',
  'property-added:response': 'non-breaking',
  'property-removed': 'breaking',
  // Code reading or sending the old name stops compiling.
  'property-renamed': 'breaking',
  'property-deprecated': 'warning',
  'property-undeprecated': 'non-breaking',
  'property-required:request': 'breaking',
  'property-required:response': 'non-breaking',
  'property-optional:request': 'non-breaking',
  'property-optional:response': 'breaking',
  'type-changed': 'breaking',
  'type-changed:request:wider': 'non-breaking',
  'type-changed:response:narrower': 'non-breaking',
  // The generated TypeScript types do not depend on `format`; values may still look different.
  'format-changed': 'warning',
  // Bounds, lengths, patterns and defaults do not change the types either, but a request valid before may now
  // be refused, and a call that leaves a field out now means something else.
  'constraint-changed:request:stricter': 'warning',
  'constraint-changed:request:looser': 'non-breaking',
  'constraint-changed:request:default': 'warning',
  'constraint-changed:response': 'non-breaking',
  'nullable-added:request': 'non-breaking',
  'nullable-added:response': 'breaking',
  'nullable-removed:request': 'breaking',
  'nullable-removed:response': 'non-breaking',
  'enum-value-added:request': 'non-breaking',
  'enum-value-added:response': 'warning',
  'enum-value-removed:request': 'breaking',
  // The generated union loses a member: an exhaustive switch or a comparison with that value stops compiling.
  'enum-value-removed:response': 'breaking',
  'enum-added:request': 'breaking',
  // A string narrowed to a union: comparisons with values outside it stop compiling.
  'enum-added:response': 'breaking',
  'enum-removed:request': 'non-breaking',
  'enum-removed:response': 'warning',
  'variants-changed:request:fewer': 'breaking',
  'variants-changed:request:more': 'non-breaking',
  'variants-changed:response:fewer': 'non-breaking',
  'variants-changed:response:more': 'warning',
  // The WebSocket API. Its document's version is Kalshi's number, like `info.version`.
  'asyncapi-version-changed': 'non-breaking',
  'channel-added': 'non-breaking',
  // `subscribe('x')` stops compiling.
  'channel-removed': 'breaking',
  // The channel's message union gains a member: an exhaustive switch on `message.type` may meet it.
  'channel-message-added': 'warning',
  // The union loses a member: code comparing `message.type` with it stops compiling.
  'channel-message-removed': 'breaking',
  'command-added': 'non-breaking',
  'command-removed': 'breaking',
};

export function severityOf(kind: ChangeKind, side?: string, qualifier?: string): Severity {
  const keys = [
    side && qualifier ? `${kind}:${side}:${qualifier}` : undefined,
    side ? `${kind}:${side}` : undefined,
    qualifier ? `${kind}:${qualifier}` : undefined,
    kind,
  ];
  for (const key of keys) {
    const found = key === undefined ? undefined : RULES[key];
    if (found) return found;
  }
  // Every kind has a rule (a test enforces it); an unknown combination is treated with caution.
  return 'breaking';
}

/** The rule keys, for tests and documentation. */
export const RULE_KEYS: readonly string[] = Object.keys(RULES);
