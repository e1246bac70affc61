import { compareText, type Diagnostics, type SourceLocation } from '../../diagnostics/diagnostic.ts';
import { isObject, type JsonObject, type JsonValue } from '../../openapi/json.ts';
import { ASYNCAPI_COMPONENT_KINDS, type AsyncApiComponentKind, type AsyncApiFragment } from '../../normalise/asyncapi-fragment.ts';
import type { PageInfo, SourcedValue } from '../../normalise/fragment.ts';
import { chooseNewest, reportComponentConflicts, type ComponentChoice } from '../components.ts';
import { isLive } from '../precedence.ts';
import { chooseChannels, rivals, type ChannelCandidate, type ChannelOptions } from './channels.ts';
import { assembleAsyncApiDocument, channelMessageKeys, channelMessageRef } from './document.ts';
import { reachableComponents, resolveDangling, type AsyncApiComponentTable } from './references.ts';

export type AsyncApiMergeOptions = ChannelOptions;

export interface MergedAsyncApi {
  /** `trade`, `perps`: the API whose WebSocket document this is. */
  api: string;
  /** One AsyncAPI 3.0 document. */
  document: JsonObject;
  /** The page each channel, message and component schema of the document comes from. */
  sources: AsyncApiSources;
}

export interface AsyncApiSources {
  channels: Map<string, SourceLocation>;
  messages: Map<string, SourceLocation>;
  schemas: Map<string, ComponentChoice>;
}

/**
 * Stage 3's AsyncAPI lane: groups the fragments by API and builds one AsyncAPI 3.0 document per API: one
 * definition per channel (`channels.ts`), per message and per schema (the newest page's), only the components the
 * channels reach, every operation's messages on its channel, every `$ref` resolvable. What it drops is reported.
 */
export function mergeAsyncApi(fragments: readonly AsyncApiFragment[], diagnostics: Diagnostics, options: AsyncApiMergeOptions = {}): MergedAsyncApi[] {
  const apis = [...new Set(fragments.map((f) => f.api))].sort(compareText);
  return apis.flatMap((api) => {
    const merged = mergeApi(api, fragments.filter((f) => f.api === api), diagnostics, options);
    return merged ? [merged] : [];
  });
}

function mergeApi(api: string, fragments: readonly AsyncApiFragment[], diagnostics: Diagnostics, options: AsyncApiMergeOptions): MergedAsyncApi | undefined {
  const table = chooseAsyncApiComponents(fragments);
  const channels = withoutDuplicateOperations(chooseChannels(fragments, diagnostics, options), diagnostics).map((c) => resolveChannel(c, table, diagnostics));
  if (channels.length === 0) return undefined;
  const components: Partial<Record<AsyncApiComponentKind, Record<string, JsonObject>>> = {};
  const include = (kind: AsyncApiComponentKind, name: string) => {
    const choice = table[kind].get(name)!;
    reportComponentConflicts(kind, name, choice, diagnostics, rivals);
    (components[kind] ??= {})[name] = resolveDangling(choice.value, table, choice.source, diagnostics);
  };
  const live = fragments.filter((f) => isLive(f.page));
  const from = live.length > 0 ? live : fragments;
  const servers = from.flatMap((f) => Object.values(f.servers).map((s) => s.value));
  for (const { kind, name } of reachableComponents([...channels.map((c) => c.channel), ...servers], table)) include(kind, name);
  for (const name of [...new Set(from.flatMap((f) => Object.keys(f.components.securitySchemes)))].sort(compareText)) {
    if (!components.securitySchemes?.[name]) include('securitySchemes', name);
  }
  return {
    api,
    document: assembleAsyncApiDocument(api, from, channels, components),
    sources: {
      channels: new Map(channels.map((c) => [c.name, c.source])),
      messages: new Map(Object.keys(components.messages ?? {}).map((name) => [name, table.messages.get(name)!.source])),
      schemas: new Map(Object.keys(components.schemas ?? {}).map((name) => [name, table.schemas.get(name)!])),
    },
  };
}

/** For each message, schema and security scheme name, the newest page's definition (see `chooseNewest`). */
export function chooseAsyncApiComponents(fragments: readonly AsyncApiFragment[]): AsyncApiComponentTable {
  const table = Object.fromEntries(ASYNCAPI_COMPONENT_KINDS.map((k) => [k, new Map()])) as AsyncApiComponentTable;
  for (const kind of ASYNCAPI_COMPONENT_KINDS) {
    const all = new Map<string, (SourcedValue & { page: PageInfo })[]>();
    for (const fragment of fragments) {
      for (const [name, entry] of Object.entries(fragment.components[kind])) all.set(name, [...(all.get(name) ?? []), { ...entry, page: fragment.page }]);
    }
    for (const [name, definitions] of all) table[kind].set(name, chooseNewest(definitions));
  }
  return table;
}

/** An operation id is the document's key for it: a second channel using the same id loses it, with a warning. */
function withoutDuplicateOperations(channels: readonly ChannelCandidate[], diagnostics: Diagnostics): ChannelCandidate[] {
  const owner = new Map<string, ChannelCandidate>();
  return channels.map((channel) => {
    const operations: Record<string, JsonObject> = {};
    for (const [id, operation] of Object.entries(channel.operations)) {
      const first = owner.get(id);
      if (first) {
        diagnostics.warn('asyncapi-operation-id-duplicate', `operation ${id} is defined for channel ${first.name} and for channel ${channel.name}; kept on ${first.name}`, channel.source, {
          related: [first.source],
        });
        continue;
      }
      owner.set(id, channel);
      operations[id] = operation;
    }
    return { ...channel, operations };
  });
}

/** The channel with its messages resolved, and each operation naming only messages its channel has. */
function resolveChannel(candidate: ChannelCandidate, table: AsyncApiComponentTable, diagnostics: Diagnostics): ChannelCandidate {
  const channel = resolveDangling(candidate.channel, table, candidate.source, diagnostics);
  const keys = new Set(channelMessageKeys(channel).map((key) => channelMessageRef(candidate.name, key)));
  const operations: Record<string, JsonObject> = {};
  for (const [id, operation] of Object.entries(candidate.operations)) {
    const messages = (Array.isArray(operation.messages) ? operation.messages : []).filter((m: JsonValue) => {
      const ref = isObject(m) ? m.$ref : undefined;
      if (typeof ref === 'string' && keys.has(ref)) return true;
      diagnostics.warn('asyncapi-operation-message-missing', `operation ${id} names a message its channel ${candidate.name} does not have (${JSON.stringify(ref)}); left out`, candidate.source);
      return false;
    });
    operations[id] = { ...operation, messages };
  }
  return { ...candidate, channel, operations };
}
