import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiNames } from './api-names.ts';
import { withHeader } from './header.ts';

/** The hand-written runtime, copied into every generated package. */
export const RUNTIME_DIR = join(import.meta.dirname, '..', 'runtime');
export const PACKAGE_NAME = 'kalshi-client';

/** `runtime/` and its `ws/` subfolder (the real-time runtime), copied to `src/runtime/`. */
export function runtimeSources(): Map<string, string> {
  const files = new Map<string, string>();
  for (const folder of ['', 'ws/']) {
    for (const name of readdirSync(join(RUNTIME_DIR, folder)).filter((n) => n.endsWith('.ts')).sort()) {
      files.set(`src/runtime/${folder}${name}`, withHeader(readFileSync(join(RUNTIME_DIR, folder, name), 'utf8')));
    }
  }
  return files;
}

/** The real-time entry of each API that has one (`runtime/ws/<api>.ts`): `<package>/ws`, `<package>/perps/ws`. */
export function wsEntries(apis: readonly ApiNames[]): { api: string; entry: string }[] {
  return apis
    .filter((names) => existsSync(join(RUNTIME_DIR, 'ws', `${names.api}.ts`)))
    .map((names) => ({ api: names.api, entry: names.entry === 'index' ? 'ws' : `${names.entry}/ws` }))
    .sort((a, b) => a.entry.localeCompare(b.entry));
}

/** `src/ws.ts`, `src/perps/ws.ts`: re-export the API's real-time runtime. */
export function wsEntrySource(api: string, entry: string): string {
  const up = '../'.repeat(entry.split('/').length - 1) || './';
  return withHeader(`export * from '${up}runtime/ws/${api}.js';\n`);
}

/** `src/<entry>.ts`: the API's client and types, plus the shared runtime API. */
export function entrySource(names: ApiNames): string {
  return withHeader(
    [
      `export * from './${names.api}/client.js';`,
      `export type * from './${names.api}/types.js';`,
      `export * from './runtime/index.js';`,
      `export { createDefaultSigner } from '#default-signer';`,
      '',
    ].join('\n'),
  );
}

export function packageJson(version: string, apis: readonly ApiNames[], openapiFetchVersion: string, wsVersion?: string): string {
  const exports: Record<string, unknown> = {};
  for (const names of [...apis].sort((a, b) => (a.entry === 'index' ? -1 : b.entry === 'index' ? 1 : 0))) {
    const key = names.entry === 'index' ? '.' : `./${names.entry}`;
    exports[key] = { types: `./dist/${names.entry}.d.ts`, default: `./dist/${names.entry}.js` };
  }
  const realTime = wsVersion === undefined ? [] : wsEntries(apis);
  for (const { entry } of realTime) exports[`./${entry}`] = { types: `./dist/${entry}.d.ts`, default: `./dist/${entry}.js` };
  for (const names of apis) exports[`./openapi/${names.api}.json`] = `./openapi/${names.api}.json`;
  exports['./package.json'] = './package.json';
  const pkg = {
    name: PACKAGE_NAME,
    version,
    description: `Typed client for ${apis.map((a) => `the ${a.title}`).join(' and ')}, generated from Kalshi's documentation.`,
    type: 'module',
    types: './dist/index.d.ts',
    exports,
    imports: {
      '#default-signer': { node: './dist/runtime/default-signer-node.js', default: './dist/runtime/default-signer-web.js' },
    },
    files: ['dist', 'openapi', 'README.md'],
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
