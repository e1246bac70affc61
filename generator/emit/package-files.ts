import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiNames } from './api-names.ts';
import { withHeader } from './header.ts';

/** The hand-written runtime, copied into every generated package. */
export const RUNTIME_DIR = join(import.meta.dirname, '..', 'runtime');

/**
 * The package's name on npm (checked free with `npm view`; `kalshi-client` belongs to an unrelated project) and
 * the package.json fields that describe it.
 */
export const PACKAGE_NAME = 'kalshi-openapi-client';
const PACKAGE_FIELDS = {
  license: 'MIT',
  keywords: ['kalshi', 'prediction-markets', 'trading', 'api-client', 'openapi', 'typescript'],
};

/**
 * `runtime/` and, when some API has a real-time entry (`realTime`: its channel map is generated), the `ws/`
 * subfolder, copied to `src/runtime/`. `ws/<api>-channels.ts` in the repository only re-exports the committed
 * generated map (so the runtime's own tests run against it); the package gets the map the run generates instead.
 * An API's entry (`ws/<api>.ts`) is copied only when its map is generated.
 */
export function runtimeSources(realTime: ReadonlySet<string> = new Set()): Map<string, string> {
  const files = new Map<string, string>();
  const folders = realTime.size > 0 ? ['', 'ws/'] : [''];
  for (const folder of folders) {
    const names = readdirSync(join(RUNTIME_DIR, folder)).filter((n) => n.endsWith('.ts'));
    const mapped = new Set(names.filter((n) => n.endsWith(CHANNELS_SUFFIX)).map((n) => n.slice(0, -CHANNELS_SUFFIX.length)));
    for (const name of names.sort()) {
      if (folder === 'ws/' && (name.endsWith(CHANNELS_SUFFIX) || (mapped.has(name.slice(0, -3)) && !realTime.has(name.slice(0, -3))))) continue;
      files.set(`src/runtime/${folder}${name}`, withHeader(readFileSync(join(RUNTIME_DIR, folder, name), 'utf8')));
    }
  }
  return files;
}

const CHANNELS_SUFFIX = '-channels.ts';

/** Where an API's generated channel map goes in the package: the module its real-time entry imports. */
export function channelMapPath(api: string): string {
  return `src/runtime/ws/${api}${CHANNELS_SUFFIX}`;
}

/** Whether the runtime has a real-time entry (`ws/<api>.ts`, with its book model) for this API. */
export function hasRealTimeEntry(api: string): boolean {
  return existsSync(join(RUNTIME_DIR, 'ws', `${api}.ts`)) && existsSync(join(RUNTIME_DIR, 'ws', `${api}${CHANNELS_SUFFIX}`));
}

/**
 * The real-time entry of each API that has one (a runtime entry and a generated channel map, `realTime`):
 * `<package>/ws`, `<package>/perps/ws`.
 */
export function wsEntries(apis: readonly ApiNames[], realTime: ReadonlySet<string>): { api: string; entry: string }[] {
  return apis
    .filter((names) => realTime.has(names.api) && hasRealTimeEntry(names.api))
    .map((names) => ({ api: names.api, entry: names.entry === 'index' ? 'ws' : `${names.entry}/ws` }))
    .sort((a, b) => a.entry.localeCompare(b.entry));
}

/** `src/ws.ts`, `src/perps/ws.ts`: re-export the API's real-time runtime. */
export function wsEntrySource(api: string, entry: string): string {
  const up = '../'.repeat(entry.split('/').length - 1) || './';
  return withHeader(`export * from '${up}runtime/ws/${api}.js';\n`);
}

/**
 * `src/<entry>.ts`: the API's client, base client, operation functions and types, plus the shared runtime API.
 * `createDefaultSigner` is re-exported as a typed constant, so the declarations never name `#default-signer`
 * (which `moduleResolution: node10` cannot resolve) and state the same signature on every runtime.
 */
export function entrySource(names: ApiNames): string {
  return withHeader(
    [
      `import { createDefaultSigner as defaultSigner } from '#default-signer';`,
      `import type { Signer } from './runtime/signing.js';`,
      '',
      `export * from './${names.api}/client.js';`,
      `export * from './${names.api}/base-client.js';`,
      `export * from './${names.api}/functions.js';`,
      `export type * from './${names.api}/types.js';`,
      `export * from './runtime/index.js';`,
      '',
      '/** The signer a client uses for `privateKeyPem`: node:crypto on Node, WebCrypto in browsers, Deno, Bun and edge runtimes. */',
      'export const createDefaultSigner: (privateKeyPem: string) => Signer = defaultSigner;',
      '',
    ].join('\n'),
  );
}

/** The values (not types) the runtime's public module exports: `errorFromResponse`, `KalshiApiError`, ... */
export async function runtimeValueExports(): Promise<string[]> {
  const { ts } = await import('ts-morph');
  const text = readFileSync(join(RUNTIME_DIR, 'index.ts'), 'utf8');
  const file = ts.createSourceFile('index.ts', text, ts.ScriptTarget.Latest);
  const names: string[] = [];
  for (const statement of file.statements) {
    if (!ts.isExportDeclaration(statement) || statement.isTypeOnly || !statement.exportClause || !ts.isNamedExports(statement.exportClause)) continue;
    for (const element of statement.exportClause.elements) if (!element.isTypeOnly) names.push(element.name.text);
  }
  return names.sort();
}

/** The values an entry exports besides the operation functions: the functions must not take their names. */
export function entryValueNames(names: ApiNames, runtimeValues: readonly string[]): Set<string> {
  return new Set([...runtimeValues, 'createDefaultSigner', 'ENVIRONMENTS', names.className, names.factoryName, names.baseClassName, names.baseFactoryName]);
}

/** What package.json is made from; one field per fact, so that new fields (an API version, a changelog) slot in. */
export interface PackageJsonInput {
  version: string;
  /** The `info.version` of each Kalshi API document the package was built from. */
  kalshiApiVersions: Record<string, string>;
  apis: readonly ApiNames[];
  /** The APIs whose real-time entry is generated (see `wsEntries`), and which have an AsyncAPI document. */
  realTime: ReadonlySet<string>;
  /** The exact versions of the runtime dependencies (the generator's own, pinned): `ws` for the real-time entries. */
  openapiFetchVersion: string;
  wsVersion?: string;
}

export function packageJson({ version, kalshiApiVersions, apis, realTime: streams, openapiFetchVersion, wsVersion }: PackageJsonInput): string {
  const exports: Record<string, unknown> = {};
  for (const names of [...apis].sort((a, b) => (a.entry === 'index' ? -1 : b.entry === 'index' ? 1 : 0))) {
    const key = names.entry === 'index' ? '.' : `./${names.entry}`;
    exports[key] = { types: `./dist/${names.entry}.d.ts`, default: `./dist/${names.entry}.js` };
  }
  const realTime = wsVersion === undefined ? [] : wsEntries(apis, streams);
  for (const { entry } of realTime) exports[`./${entry}`] = { types: `./dist/${entry}.d.ts`, default: `./dist/${entry}.js` };
  // `moduleResolution: node10` ignores `exports`: it finds the subpath entries' types through `typesVersions`.
  const subpaths = [...apis.filter((names) => names.entry !== 'index').map((names) => names.entry), ...realTime.map((r) => r.entry)].sort();
  const typesVersions = { '*': Object.fromEntries(subpaths.map((entry) => [entry, [`./dist/${entry}.d.ts`]])) };
  for (const names of apis) exports[`./openapi/${names.api}.json`] = `./openapi/${names.api}.json`;
  for (const names of apis.filter((n) => streams.has(n.api))) exports[`./asyncapi/${names.api}.json`] = `./asyncapi/${names.api}.json`;
  exports['./package.json'] = './package.json';
  const pkg = {
    name: PACKAGE_NAME,
    version,
    kalshiApiVersions,
    description: `Typed client for ${apis.map((a) => `the ${a.title}`).join(' and ')}, generated from Kalshi's documentation.`,
    ...PACKAGE_FIELDS,
    type: 'module',
    types: './dist/index.d.ts',
    exports,
    typesVersions,
    imports: {
      '#default-signer': { node: './dist/runtime/default-signer-node.js', default: './dist/runtime/default-signer-web.js' },
    },
    // Browser bundles leave Node's util.inspect hooks out (runtime/inspect.ts).
    browser: { './dist/runtime/inspect.js': './dist/runtime/inspect-browser.js' },
    files: ['dist', 'openapi', ...(streams.size > 0 ? ['asyncapi'] : []), 'README.md', 'CHANGELOG.md'],
    sideEffects: false,
    engines: { node: '>=20' },
    dependencies: {
      'openapi-fetch': openapiFetchVersion,
      ...(realTime.length > 0 && wsVersion !== undefined ? { ws: wsVersion } : {}),
    },
  };
  return JSON.stringify(pkg, null, 2) + '\n';
}

/** For users who build the package themselves; the committed `dist/` is built with the same options. */
export function tsconfigJson(): string {
  const config = {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      types: ['node'],
      strict: true,
      noUncheckedIndexedAccess: true,
      declaration: true,
      isolatedDeclarations: true,
      skipLibCheck: true,
      rootDir: 'src',
      outDir: 'dist',
    },
    include: ['src'],
  };
  return JSON.stringify(config, null, 2) + '\n';
}
