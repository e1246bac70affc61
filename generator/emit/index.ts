import type { Diagnostics, SourceLocation } from '../diagnostics/diagnostic.ts';
import type { MergedApi } from '../merge/index.ts';
import { apiNames, type ApiNames } from './api-names.ts';
import { emitBaseClientFile } from './base-client-file.ts';
import { buildPackage } from './build.ts';
import { emitClientFile } from './client-file.ts';
import { formatFiles } from './format.ts';
import { emitFunctionsFile } from './functions-file.ts';
import { GENERATED_HEADER, withHeader } from './header.ts';
import { operationModels, type OperationModel } from './operation-model.ts';
import { operationTypes } from './operation-types.ts';
import {
  channelMapPath,
  entrySource,
  entryValueNames,
  hasRealTimeEntry,
  PACKAGE_NAME,
  packageJson,
  RUNTIME_DIR,
  runtimeSources,
  runtimeValueExports,
  tsconfigJson,
  wsEntries,
  wsEntrySource,
} from './package-files.ts';
import type { MergedAsyncApi } from '../merge/asyncapi/index.ts';
import { emitChannelMap } from './channel-map.ts';
import { packageReadme } from './readme.ts';
import { emitTypes } from './types.ts';
import { toolVersions } from '../stats/stats-file.ts';
import { builtFrom } from './built-from.ts';
import { StageTimer } from '../timing.ts';
import { reportTypeProblems, type ApiSources } from './type-errors.ts';
import { typecheckInWorker } from './typecheck-thread.ts';

/**
 * Stage 5, emit: the merged documents → the files of the package (sources, README, package.json at `version`)
 * formatted with prettier, compiled to `dist/` and type-checked (a type error fails the run, naming the operation
 * and page it comes from). Per API: `types.ts` (openapi-typescript, component schemas as named types),
 * `functions.ts` (one function per operation), `base-client.ts` (the client those functions take), `client.ts`
 * (the client class, one method per operation), and from its AsyncAPI document (`streams`) the channel map of its
 * real-time entry (`runtime/ws/<api>-channels.ts`, see `channel-map.ts`). Returns package-relative paths → contents.
 */
export async function emitPackage(
  apis: readonly MergedApi[],
  diagnostics: Diagnostics,
  version: string,
  timer = new StageTimer(),
  streams: readonly MergedAsyncApi[] = [],
): Promise<Map<string, string>> {
  const realTime = realTimeApis(apis, streams, diagnostics);
  const sources = new Map<string, string>(runtimeSources(realTime));
  const runtimeValues = await runtimeValueExports();
  const described: { names: ApiNames; operations: OperationModel[] }[] = [];
  const sourcesOfApis: ApiSources[] = [];
  for (const { api, document, sources: pages } of apis) {
    const names = apiNames(api, document);
    const { models, unclassifiedCursors } = operationModels(document, entryValueNames(names, runtimeValues));
    for (const op of unclassifiedCursors) {
      diagnostics.warn(
        'pagination-unclassified',
        `${op.method.toUpperCase()} ${op.path} (${op.wrapperName}) takes a cursor, but its response has no array beside a cursor field; it returns plain pages`,
        { file: `openapi/${api}.json` },
      );
    }
    const types = await timer.run('types', () => emitTypes(document));
    sources.set(`src/${api}/types.ts`, withHeader(types.text));
    const naming = { exported: types.exportedNames, schemas: types.schemaNames, parameters: types.parameterNames };
    const operationTypeNames = new Map(models.map((op) => [op.operationId, operationTypes(op, naming)]));
    await timer.run('wrappers', async () => {
      const input = { operations: models, types: operationTypeNames };
      sources.set(`src/${api}/functions.ts`, withHeader(await emitFunctionsFile({ ...input, baseClassName: names.baseClassName })));
      sources.set(`src/${api}/base-client.ts`, withHeader(await emitBaseClientFile(names)));
      sources.set(`src/${api}/client.ts`, withHeader(await emitClientFile({ ...input, names })));
    });
    sources.set(`src/${names.entry}.ts`, entrySource(names));
    const stream = realTime.has(api) ? streams.find((s) => s.api === api) : undefined;
    if (stream) {
      const map = await timer.run('channels', () => emitChannelMap(stream, names.title, RUNTIME_DIR, diagnostics));
      sources.set(channelMapPath(api), withHeader(map));
    }
    described.push({ names, operations: models });
    sourcesOfApis.push({
      api,
      operations: models,
      operationPages: pages?.operations ?? new Map(),
      schemaPages: pages?.schemas ?? new Map(),
      ...(stream ? { streamPage: streamPageOf(stream) } : {}),
    });
  }
  for (const { api, entry } of wsEntries(described.map((d) => d.names), realTime)) sources.set(`src/${entry}.ts`, wsEntrySource(api, entry));
  const apiNamesList = described.map((d) => d.names);
  const tools = toolVersions();
  sources.set(
    'package.json',
    packageJson({ version, kalshiApiVersions: apiVersions(apis), apis: apiNamesList, realTime, openapiFetchVersion: tools['openapi-fetch']!, wsVersion: tools['ws'] }),
  );
  sources.set('tsconfig.json', tsconfigJson());
  sources.set('README.md', packageReadme({ packageName: PACKAGE_NAME, builtFrom: builtFrom(apis, streams), apis: described, realTime }));
  // The type check reads the sources as emitted (formatting changes no type) and runs beside format and build.
  const checking = typecheckInWorker(sources).then(
    (problems) => ({ problems }),
    (error: unknown) => ({ failure: error instanceof Error ? error.message : String(error) }),
  );
  const typeOnly = new Set(apis.map(({ api }) => `src/${api}/types.ts`));
  // The runtime is copied as it is (prettier-clean); the channel maps generated into it are formatted like the rest.
  const channelMaps = new Set([...realTime].map(channelMapPath));
  const keep = new Set([...[...sources.keys()].filter((path) => path.startsWith('src/runtime/') && !channelMaps.has(path)), ...typeOnly, 'README.md']);
  const formatted = await timer.run('format', () => formatFiles(sources, keep));
  const build = await timer.run('build', () => buildPackage(formatted, typeOnly));
  for (const error of build.errors) diagnostics.error('package-build-failed', error, { file: 'generated/' });
  for (const [path, text] of build.files) formatted.set(path, text.startsWith(GENERATED_HEADER) ? text : withHeader(text));
  const checked = await timer.run('typecheck', () => checking);
  if ('failure' in checked) diagnostics.error('package-typecheck-failed', `the generated package could not be type-checked: ${checked.failure}`);
  else reportTypeProblems(checked.problems, sourcesOfApis, diagnostics);
  return formatted;
}

/**
 * The APIs whose real-time entry is generated: an AsyncAPI document beside a REST one, and a runtime entry (book
 * model) for it. A document without them is reported, not emitted.
 */
function realTimeApis(apis: readonly MergedApi[], streams: readonly MergedAsyncApi[], diagnostics: Diagnostics): Set<string> {
  const realTime = new Set<string>();
  for (const { api } of streams) {
    const file = { file: `asyncapi/${api}.json` };
    if (!apis.some((a) => a.api === api)) diagnostics.warn('asyncapi-not-emitted', `the ${api} WebSocket document has no REST API beside it; no real-time entry is generated`, file);
    else if (!hasRealTimeEntry(api)) diagnostics.warn('asyncapi-not-emitted', `the runtime has no real-time entry for ${api} (generator/runtime/ws/${api}.ts); its channel map is not generated`, file);
    else realTime.add(api);
  }
  return realTime;
}

/** Where a type error in a real-time entry points: the page of the channel the books read, else of the first channel. */
function streamPageOf(stream: MergedAsyncApi): SourceLocation | undefined {
  return stream.sources.channels.get('orderbook_delta') ?? [...stream.sources.channels.values()][0];
}

/** Each API's `info.version`: the Kalshi API version the package was built from. */
function apiVersions(apis: readonly MergedApi[]): Record<string, string> {
  return Object.fromEntries(apis.map(({ api, document }) => [api, String((document.info as { version?: unknown } | undefined)?.version ?? '')]));
}
