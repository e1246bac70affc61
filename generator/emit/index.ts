import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import type { MergedApi } from '../merge/index.ts';
import { apiNames, type ApiNames } from './api-names.ts';
import { buildPackage } from './build.ts';
import { emitClientFile } from './client-file.ts';
import { formatFiles } from './format.ts';
import { GENERATED_HEADER, withHeader } from './header.ts';
import { operationModels, type OperationModel } from './operation-model.ts';
import { entrySource, PACKAGE_NAME, packageJson, runtimeSources, tsconfigJson, wsEntries, wsEntrySource } from './package-files.ts';
import { packageReadme } from './readme.ts';
import { emitTypes } from './types.ts';
import { toolVersions } from './stats.ts';
import { StageTimer } from '../timing.ts';

/**
 * Stage 5, emit: the merged documents → the files of the `kalshi-client` package (sources, README, package.json)
 * formatted with prettier, then compiled to `dist/`. Returns package-relative paths → contents.
 */
export async function emitPackage(apis: readonly MergedApi[], diagnostics: Diagnostics, timer = new StageTimer()): Promise<Map<string, string>> {
  const sources = new Map<string, string>(runtimeSources());
  const described: { names: ApiNames; operations: OperationModel[] }[] = [];
  for (const { api, document } of apis) {
    const names = apiNames(api, document);
    const { models, unclassifiedCursors } = operationModels(document);
    for (const op of unclassifiedCursors) {
      diagnostics.warn(
        'pagination-unclassified',
        `${op.method.toUpperCase()} ${op.path} (${op.wrapperName}) takes a cursor, but its response has no single items array beside a cursor field; it returns plain pages`,
        { file: `openapi/${api}.json` },
      );
    }
    const types = await timer.run('types', () => emitTypes(document));
    sources.set(`src/${api}/types.ts`, withHeader(types.text));
    const client = await timer.run('wrappers', () => emitClientFile({ ...names, operations: models, typeNames: types.exportedNames }));
    sources.set(`src/${api}/client.ts`, withHeader(client));
    sources.set(`src/${names.entry}.ts`, entrySource(names));
    described.push({ names, operations: models });
  }
  for (const { api, entry } of wsEntries(described.map((d) => d.names))) sources.set(`src/${entry}.ts`, wsEntrySource(api, entry));
  const tools = toolVersions();
  sources.set('package.json', packageJson(versionOf(apis), described.map((d) => d.names), tools['openapi-fetch']!, tools['ws']));
  sources.set('tsconfig.json', tsconfigJson());
  sources.set('README.md', packageReadme(PACKAGE_NAME, described));
  const runtime = new Set([...sources.keys()].filter((path) => path.startsWith('src/runtime/')));
  const formatted = await timer.run('format', () => formatFiles(sources, runtime));
  const typeOnly = new Set(apis.map(({ api }) => `src/${api}/types.ts`));
  const build = await timer.run('build', () => buildPackage(formatted, typeOnly));
  for (const error of build.errors) diagnostics.error('package-build-failed', error, { file: 'generated/' });
  for (const [path, text] of build.files) formatted.set(path, text.startsWith(GENERATED_HEADER) ? text : withHeader(text));
  return formatted;
}

function versionOf(apis: readonly MergedApi[]): string {
  const main = apis.find((a) => a.api === 'trade') ?? apis[0];
  const info = main?.document.info as { version?: unknown } | undefined;
  return typeof info?.version === 'string' && /^\d+\.\d+\.\d+/.test(info.version) ? info.version : '0.0.0';
}
