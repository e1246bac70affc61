import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiNames } from './api-names.ts';
import { withHeader } from './header.ts';

/** The hand-written runtime, copied into every generated package. */
export const RUNTIME_DIR = join(import.meta.dirname, '..', 'runtime');
export const PACKAGE_NAME = 'kalshi-client';

export function runtimeSources(): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(RUNTIME_DIR).filter((n) => n.endsWith('.ts')).sort()) {
    files.set(`src/runtime/${name}`, withHeader(readFileSync(join(RUNTIME_DIR, name), 'utf8')));
  }
  return files;
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

/** `kalshiApiVersions`: the `info.version` of each Kalshi API document the package was built from. */
export function packageJson(version: string, kalshiApiVersions: Record<string, string>, apis: readonly ApiNames[], openapiFetchVersion: string): string {
  const exports: Record<string, unknown> = {};
  for (const names of [...apis].sort((a, b) => (a.entry === 'index' ? -1 : b.entry === 'index' ? 1 : 0))) {
    const key = names.entry === 'index' ? '.' : `./${names.entry}`;
    exports[key] = { types: `./dist/${names.entry}.d.ts`, default: `./dist/${names.entry}.js` };
  }
  for (const names of apis) exports[`./openapi/${names.api}.json`] = `./openapi/${names.api}.json`;
  exports['./package.json'] = './package.json';
  const pkg = {
    name: PACKAGE_NAME,
    version,
    kalshiApiVersions,
    description: `Typed client for ${apis.map((a) => `the ${a.title}`).join(' and ')}, generated from Kalshi's documentation.`,
    type: 'module',
    types: './dist/index.d.ts',
    exports,
    imports: {
      '#default-signer': { node: './dist/runtime/default-signer-node.js', default: './dist/runtime/default-signer-web.js' },
    },
    files: ['dist', 'openapi', 'README.md', 'CHANGELOG.md'],
    sideEffects: false,
    engines: { node: '>=20' },
    dependencies: { 'openapi-fetch': openapiFetchVersion },
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
