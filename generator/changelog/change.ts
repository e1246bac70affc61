/**
 * One entry of the semantic changelog between two merged documents: what changed, in which operation and
 * where in it, and what it means for someone using the generated client.
 */

/** `breaking`: existing client code stops compiling or working; `warning`: it keeps working but should look. */
export type Severity = 'breaking' | 'warning' | 'non-breaking';
export const SEVERITIES: readonly Severity[] = ['breaking', 'warning', 'non-breaking'];

/** Which way data flows where the change is: what the client sends, or what it receives. */
export type Side = 'request' | 'response';

export const CHANGE_KINDS = [
  // The document as a whole.
  'info-version-changed',
  'server-added',
  'server-removed',
  'documentation-changed',
  // Operations and their parts.
  'operation-added',
  'operation-removed',
  'operation-deprecated',
  'operation-undeprecated',
  'operation-id-renamed',
  'security-changed',
  'parameter-added',
  'parameter-removed',
  'parameter-required',
  'parameter-optional',
  'parameter-deprecated',
  'parameter-undeprecated',
  'path-parameter-renamed',
  'request-body-added',
  'request-body-removed',
  'request-body-required',
  'request-body-optional',
  'media-type-added',
  'media-type-removed',
  'response-added',
  'response-removed',
  'property-added',
  'property-removed',
  'property-renamed',
  'property-required',
  'property-optional',
  'property-deprecated',
  'property-undeprecated',
  'type-changed',
  'format-changed',
  'constraint-changed',
  'nullable-added',
  'nullable-removed',
  'enum-value-added',
  'enum-value-removed',
  'enum-added',
  'enum-removed',
  'variants-changed',
  // The WebSocket API (AsyncAPI document): its version, channels, the messages each delivers, the commands.
  'asyncapi-version-changed',
  'channel-added',
  'channel-removed',
  'channel-message-added',
  'channel-message-removed',
  'command-added',
  'command-removed',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** An operation as a client sees it: method, path template and the operationId its wrapper is named after. */
export interface OperationRef {
  /** Upper case: `GET`. */
  method: string;
  path: string;
  operationId?: string;
}

export interface Change {
  kind: ChangeKind;
  severity: Severity;
  /** `asyncapi`: a change of the WebSocket API's document (its subject is a channel or a message, not an operation). */
  lane?: 'asyncapi';
  /** The operation the change is seen in; absent for a change of the document as a whole (version, servers). */
  operation?: OperationRef;
  /** WebSocket API: the channel the change is seen in (a channel added, a message it delivers removed). */
  channel?: string;
  /** WebSocket API: the message (`components.messages` key) whose payload changed. */
  messageName?: string;
  /** Where in the operation: `request body`, `response 200`, `query parameter \`limit\``; absent for the operation itself. */
  location?: string;
  side?: Side;
  /** Property path inside the location's schema: `order.status`, `orders[].yes_price`; absent at the schema's root. */
  property?: string;
  /**
   * The component schema whose own definition changed (`Order` when `Order.status` lost an enum value, whichever
   * operation it is seen through); absent when the change is in the operation itself (its parameters, an inline
   * body, or which schema a field refers to).
   */
  schema?: string;
  /** The change as said of that schema: path relative to it (`status: enum value "x" removed`). */
  schemaMessage?: string;
  /** The property path inside that schema's definition; absent at its root. */
  schemaProperty?: string;
  /** One line, without the operation or the location: `property \`foo\` removed`. */
  message: string;
}

export function operationLabel(operation: OperationRef | undefined): string {
  return operation ? `${operation.method} ${operation.path}` : 'the document';
}

export function countBySeverity(changes: readonly Change[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { breaking: 0, warning: 0, 'non-breaking': 0 };
  for (const change of changes) counts[change.severity]++;
  return counts;
}
