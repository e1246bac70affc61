import type { OptionalKind, PropertySignatureStructure, SourceFile, StatementStructures } from 'ts-morph';
import { isObject, type JsonObject } from '../openapi/json.ts';
import { resolveObject } from '../asyncapi/pointer.ts';
import type { ChannelMapModel, ChannelModel } from './channel-model.ts';
import { docText } from './jsdoc.ts';
import type { StreamApiNames } from './stream-names.ts';

type Morph = typeof import('ts-morph');

/**
 * Builds `src/runtime/ws/<api>-channels.ts` with ts-morph: the message and schema types (`stream-types.ts`), the
 * unions of every server message and every command, the params of `subscribe` and of `update_subscription`, the
 * channel map (`TradeChannels`: channel → subscribe params, message union, update params) the real-time runtime is
 * typed by, and the API description it connects with (`TRADE_STREAM_API`). The document's text reaches the file as
 * JSDoc (`jsdoc.ts`) and JSON string literals only.
 */
export interface ChannelMapInput {
  names: StreamApiNames;
  model: ChannelMapModel;
  /** The working form of the document (for the commands' payloads). */
  document: JsonObject;
  typesText: string;
  messageTypes: ReadonlyMap<string, string>;
  /** The REST API's title (`Kalshi Trade API`): what the runtime names the API in its messages. */
  title: string;
  environments: Record<'production' | 'demo', string>;
  /** What the map was generated from, for the file's doc comment: `its AsyncAPI document (… 2.0.0)`. */
  origin: string;
}

/** Names the file declares besides the schema and message types. */
export const SUBSCRIBE_PARAMS = 'SubscribeParams';
export const UPDATE_PARAMS = 'UpdateSubscriptionParams';
/** openapi-typescript's containers, not needed once every schema is a named type. */
const CONTAINERS = ['paths', 'webhooks', 'components', '$defs', 'operations'];

export async function emitChannelMapFile(input: ChannelMapInput): Promise<string> {
  const morph: Morph = await import('ts-morph');
  const project = new morph.Project({ useInMemoryFileSystem: true });
  const file = project.createSourceFile('channels.ts', input.typesText);
  for (const name of CONTAINERS) removeDeclaration(file, name);
  file.insertStatements(0, [
    { kind: morph.StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: './channel-map.js', namedImports: ['StreamApiDescription'] },
  ]);
  file.insertStatements(0, (writer) => writer.writeLine(`/**\n * ${fileDoc(input).split('\n').join('\n * ')}\n */`));
  file.addStatements(declarations(morph, input));
  return file.getFullText();
}

function fileDoc({ names, origin }: ChannelMapInput): string {
  return docText(
    `The ${names.map.replace(/Channels$/, '')} API's WebSocket channels and messages, generated from ${origin}: ` +
      `each message and command as a type discriminated on \`type\` (\`cmd\` for commands), and \`${names.map}\`, channel → subscribe params, ` +
      `messages and update params, which \`createKalshiStream()\` is typed by.`,
  );
}

function declarations({ StructureKind, VariableDeclarationKind, Writers }: Morph, input: ChannelMapInput): StatementStructures[] {
  const { names, model, messageTypes } = input;
  const typeOf = (name: string) => messageTypes.get(name)!;
  const union = (list: readonly string[]) => (list.length === 0 ? 'never' : list.join(' | '));
  const alias = (name: string, type: string, doc: string): StatementStructures => ({ kind: StructureKind.TypeAlias, name, isExported: true, type, docs: [{ description: doc }] });
  const subscribe = model.subscribe ? paramsOf(input.document, model.subscribe.message, typeOf(model.subscribe.name), ['channels']) : undefined;
  const updates = model.updates.map((m) => paramsOf(input.document, m.message, typeOf(m.name), ['sid', 'sids'])).filter((t): t is string => t !== undefined);
  const channelProperties: OptionalKind<PropertySignatureStructure>[] = model.channels.map((channel) => ({
    name: propertyName(channel.name),
    docs: [{ description: channelDoc(channel) }],
    type: Writers.objectType({
      properties: [
        { name: 'params', type: SUBSCRIBE_PARAMS },
        { name: 'message', type: union(channel.messages.map(typeOf)) },
        { name: 'update', type: updates.length > 0 ? UPDATE_PARAMS : 'never' },
      ],
    }),
  }));
  return [
    alias(names.messageUnion, union(model.sent.map((m) => typeOf(m.name))), 'Every JSON message the server sends: replies to commands and channel messages, discriminated on `type`.'),
    alias(names.commandUnion, union(model.commands.map((m) => typeOf(m.name))), 'Every command a client sends, discriminated on `cmd`.'),
    alias(SUBSCRIBE_PARAMS, subscribe ?? 'Record<string, never>', 'The params of a `subscribe` command other than `channels` (the stream adds it). Which channels each applies to is in its description.'),
    alias(UPDATE_PARAMS, union(updates), 'The params of an `update_subscription` command other than `sid`/`sids` (the stream adds the subscription\'s).'),
    {
      kind: StructureKind.TypeAlias,
      name: names.map,
      isExported: true,
      docs: [{ description: `The ${names.map.replace(/Channels$/, '')} API's channels: for each, its subscribe params, the messages it delivers and its update params.` }],
      type: Writers.objectType({ properties: channelProperties }),
    },
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: [{ description: 'The environments (AsyncAPI `servers`) and the channels that start with a snapshot.' }],
      declarations: [
        {
          name: names.constant,
          type: 'StreamApiDescription',
          initializer: Writers.object({
            title: JSON.stringify(input.title),
            environments: Writers.object({ production: JSON.stringify(input.environments.production), demo: JSON.stringify(input.environments.demo) }),
            snapshotChannels: `[${model.snapshotChannels.map((c) => JSON.stringify(c)).join(', ')}]`,
          }),
        },
      ],
    },
  ];
}

/** `Omit<NonNullable<SubscribeCommand["params"]>, "channels">`, or undefined when the command has no params. */
function paramsOf(document: JsonObject, message: JsonObject, typeName: string, omit: readonly string[]): string | undefined {
  const payload = resolveObject(document, message.payload);
  const params = isObject(payload?.properties) ? payload.properties.params : undefined;
  if (params === undefined) return undefined;
  const keys = omit.map((k) => JSON.stringify(k)).join(' | ');
  return `Omit<NonNullable<${typeName}[${JSON.stringify('params')}]>, ${keys}>`;
}

function channelDoc(channel: ChannelModel): string {
  const parts = [channel.title, channel.description].filter((p): p is string => p !== undefined).map(docText);
  if (channel.deprecated) parts.push("@deprecated No longer in Kalshi's AsyncAPI document: kept for migration only.");
  return parts.join('\n\n') || `The \`${channel.name}\` channel.`;
}

function propertyName(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

function removeDeclaration(file: SourceFile, name: string): void {
  file.getInterface(name)?.remove();
  file.getTypeAlias(name)?.remove();
}
