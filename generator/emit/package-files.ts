import { readdirSync, readFileSync } from 'node:fs';
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

export function runtimeSources(): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(RUNTIME_DIR).filter((n) => n.endsWith('.ts')).sort()) {
    files.set(`src/runtime/${name}`, withHeader(readFileSync(join(RUNTIME_DIR, name), 'utf8')));
  }
  return files;
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
  /** The exact version of the one runtime dependency (the generator's own, pinned). */
  openapiFetchVersion: string;
}

export function packageJson({ version, kalshiApiVersions, apis, openapiFetchVersion }: PackageJsonInput): string {
  const exports: Record<string, unknown> = {};
  for (const names of [...apis].sort((a, b) => (a.entry === 'index' ? -1 : b.entry === 'index' ? 1 : 0))) {
    const key = names.entry === 'index' ? '.' : `./${names.entry}`;
    exports[key] = { types: `./dist/${names.entry}.d.ts`, default: `./dist/${names.entry}.js` };
  }
  // `moduleResolution: node10` ignores `exports`: it finds the subpath entries' types through `typesVersions`.
  const subpaths = apis.filter((names) => names.entry !== 'index').map((names) => names.entry).sort();
  const typesVersions = { '*': Object.fromEntries(subpaths.map((entry) => [entry, [`./dist/${entry}.d.ts`]])) };
  for (const names of apis) exports[`./openapi/${names.api}.json`] = `./openapi/${names.api}.json`;
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
