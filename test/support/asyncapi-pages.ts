import { stringify } from 'yaml';

/** Builders for WebSocket pages in the shapes the docs site serves (Mintlify's derived AsyncAPI form, whole documents). */

/** A derived channel page: `block` is the fence's YAML (`id`, `address`, `operations`, `servers`, ...). */
export function channelPage(block: object, options: { spec?: string; channel?: string; title?: string } = {}): string {
  const id = (block as { id?: unknown }).id;
  return [
    `# ${options.title ?? 'Channel'}`,
    '',
    '> A channel.',
    '',
    '## AsyncAPI',
    '',
    `\`\`\`\`yaml ${options.spec ?? 'asyncapi.yaml'} ${options.channel ?? String(id)}`,
    stringify(block).trimEnd(),
    '````',
    '',
  ].join('\n');
}

/** One derived operation with its messages, as Mintlify writes it. */
export function derivedOperation(id: string, type: 'send' | 'receive', messages: object[], extra: object = {}): object {
  return { id, title: id, description: `${id} summary`, type, messages, bindings: [], extensions: [], ...extra };
}

/** One derived message whose payload is `schema` (as the AsyncAPI parser resolved it) and its list rendering. */
export function derivedMessage(id: string, schema: object | undefined, list?: object[]): object {
  return {
    id,
    contentType: 'application/json',
    payload: list ?? [{ name: id, type: 'object', properties: [] }],
    headers: [],
    ...(schema ? { jsonPayloadSchema: schema } : {}),
    title: `${id} title`,
    description: `${id} summary`,
    example: '{}',
    bindings: [],
    extensions: [{ id: 'x-parser-unique-object-id', value: id }],
  };
}

/** A derived channel block. */
export function derivedChannel(id: string, operations: object[], options: { servers?: object[]; address?: string } = {}): object {
  return {
    id,
    title: `${id} title`,
    description: `${id} description`,
    servers: options.servers ?? [{ id: 'production', protocol: 'wss', host: 'external-api-ws.kalshi.com', bindings: [], variables: [] }],
    address: options.address ?? id,
    parameters: [],
    bindings: [],
    operations,
    sendOperations: [],
    receiveOperations: [],
    sendMessages: [],
    receiveMessages: [],
    extensions: [{ id: 'x-parser-unique-object-id', value: id }],
    securitySchemes: [{ id: 'apiKey', name: 'apiKey', type: 'apiKey', description: 'API key', in: 'user', extensions: [] }],
  };
}

/** A payload `{type: <const>, sid, msg: {...}}` as the parser resolves it, naming its schemas with `x-parser-schema-id`. */
export function resolvedPayload(name: string, type: string, msg: object, required: string[] = []): object {
  return {
    type: 'object',
    required: ['type', 'sid', 'msg'],
    properties: {
      type: { type: 'string', const: type, 'x-parser-schema-id': '<anonymous-schema-1>' },
      sid: { type: 'integer', minimum: 1, description: 'Subscription id', 'x-parser-schema-id': 'subscriptionId' },
      msg: { type: 'object', required, properties: msg, 'x-parser-schema-id': '<anonymous-schema-2>' },
    },
    'x-parser-schema-id': name,
  };
}

/** A whole AsyncAPI 3.0 document as YAML text. */
export function asyncApiDocument(document: object): string {
  return stringify(document);
}
