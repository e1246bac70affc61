import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import type { MergedAsyncApi } from '../merge/asyncapi/index.ts';
import { isObject } from '../openapi/json.ts';
import { workingDocument } from '../asyncapi/working-schemas.ts';
import { emitChannelMapFile, SUBSCRIBE_PARAMS, UPDATE_PARAMS } from './channel-map-file.ts';
import { channelMapModel } from './channel-model.ts';
import { streamEnvironments } from './stream-environments.ts';
import { streamApiNames } from './stream-names.ts';
import { emitStreamTypes } from './stream-types.ts';
import { wsEntryExports } from './ws-exports.ts';

/**
 * One API's channel map module (`src/runtime/ws/<api>-channels.ts`), generated from its merged AsyncAPI document
 * in place of a hand-written one: the real-time runtime imports it by that name. `title` is the REST API's.
 * What the document lacks and is assumed (a server's path, the demo server) is reported.
 */
export async function emitChannelMap(stream: MergedAsyncApi, title: string, runtimeDir: string, diagnostics: Diagnostics): Promise<string> {
  const file = `asyncapi/${stream.api}.json`;
  const document = workingDocument(stream.document, (where, message) =>
    diagnostics.warn('asyncapi-schema-downgraded', `${where}: ${message}`, { file }),
  );
  const names = streamApiNames(stream.api);
  const model = channelMapModel(document);
  const reserved = [...(await wsEntryExports(runtimeDir, stream.api)), names.map, names.constant, names.messageUnion, names.commandUnion, SUBSCRIBE_PARAMS, UPDATE_PARAMS];
  const types = await emitStreamTypes(document, model, reserved);
  const { environments, assumed } = streamEnvironments(stream.api, stream.document);
  for (const what of assumed) {
    diagnostics.info('asyncapi-server-assumed', `the document gives no ${what}; the stream uses what Kalshi documents: ${environments.production}${what.startsWith('demo') ? ` (demo: ${environments.demo})` : ''}`, { file });
  }
  const info = isObject(stream.document.info) ? stream.document.info : {};
  return emitChannelMapFile({
    names,
    model,
    document,
    typesText: types.text,
    messageTypes: types.messageTypes,
    title,
    environments,
    origin: info.version === '0.0.0' || typeof info.version !== 'string' ? 'its WebSocket pages' : `its AsyncAPI document (${String(info.title ?? '')} ${info.version})`,
  });
}
