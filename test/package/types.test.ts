/**
 * Type tests of the generated package as a consumer sees it: test/fixtures/consumer/type-errors.ts is compiled
 * by real `tsc` (strict, NodeNext) in a temporary project that installed the `npm pack`
 * tarball of generated/, so the declarations, `exports`/`imports` maps and `files` list are the published ones.
 *
 * - with its `@ts-expect-error` directives it must compile cleanly (an unused directive is itself an error);
 * - with the directives removed it must fail with exactly the errors the directives name, on their lines;
 * - the TypeScript examples of the README shipped in the tarball must compile;
 * - a Node-only consumer (no DOM lib, skipLibCheck false) must compile, and so must a `moduleResolution: node10` one;
 * - a consumer's declarations and error messages name the package's types (`Market`, `CreateOrderV2Params`);
 * - `require()` of the package works on Node 20.19+ / 22.12+.
 * The tsc programs (diagnostics are reported per file, so the first covers five files) start together in
 * beforeAll, each taking several seconds; every test awaits the one it needs.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { PACKAGE_NAME } from '../../generator/emit/package-files.ts';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consumerTsconfig, createConsumerProject, FIXTURES_DIR, type ConsumerProject, type Diagnostic, type TscResult } from './consumer-project.js';

const TSC_TIMEOUT = 120_000;
const DIRECTIVE = /^\s*\/\/ @ts-expect-error (TS\d+)\b/;

let project: ConsumerProject;
let source: string;
let runs: {
  /**
   * One program (diagnostics are per file) for src/type-errors.ts, stripped/type-errors.ts, src/readme-examples.ts,
   * src/declarations.ts and src/named-errors.ts, with declarations emitted to decl/.
   */
  main: Promise<TscResult>;
  nodeOnly: Promise<TscResult>;
  node10: Promise<TscResult>;
};
/** README.md line of each line of the generated readme-examples.ts (1-based both). */
let readmeLineOf: number[];

beforeAll(async () => {
  project = await createConsumerProject();
  await project.addFixtures(['type-errors.ts', 'order.ts', 'declarations.ts', 'named-errors.ts', 'node10.ts', 'require.cjs']);
  source = await readFile(join(FIXTURES_DIR, 'type-errors.ts'), 'utf8');

  // The same file with every directive line blanked (line numbers unchanged), its sibling import pointed at src/.
  await mkdir(join(project.dir, 'stripped'));
  const stripped = source
    .split('\n')
    .map((line) => (DIRECTIVE.test(line) ? '' : line))
    .join('\n')
    .replace("from './order.js'", "from '../src/order.js'");
  await project.writeFile('stripped/type-errors.ts', stripped);

  const readme = await readFile(join(project.dir, 'node_modules', PACKAGE_NAME, 'README.md'), 'utf8');
  const examples = readmeExamples(readme);
  readmeLineOf = examples.lineOf;
  await project.writeFile('src/readme-examples.ts', examples.text);

  const consumerFiles = [
    'src/type-errors.ts',
    'stripped/type-errors.ts',
    'src/readme-examples.ts',
    'src/declarations.ts',
    'src/named-errors.ts',
  ];
  const emitDeclarations = {
    noEmit: false,
    declaration: true,
    emitDeclarationOnly: true,
    outDir: 'decl',
    rootDir: '.',
  };
  await project.writeFile('tsconfig.types.json', consumerTsconfig(emitDeclarations, consumerFiles));
  await project.writeFile(
    'tsconfig.node-only.json',
    consumerTsconfig({ lib: ['ES2022'], skipLibCheck: false }, ['src/type-errors.ts']),
  );
  await project.writeFile(
    'tsconfig.node10.json',
    consumerTsconfig({ module: 'commonjs', moduleResolution: 'node10' }, ['src/node10.ts']),
  );
  // The package's own declarations are checked (skipLibCheck false) by the Node-only program, the stricter
  // environment for them (no DOM globals to lean on); the other two check what a consumer's files see of them.
  runs = {
    main: project.tsc('tsconfig.types.json'),
    nodeOnly: project.tsc('tsconfig.node-only.json'),
    node10: project.tsc('tsconfig.node10.json'),
  };
  // Awaited by the tests; never left rejecting unobserved (run() resolves on every exit).
}, TSC_TIMEOUT);

afterAll(async () => {
  if (runs) await Promise.allSettled(Object.values(runs));
  console.info('type test timings (ms):', JSON.stringify(project?.timings));
  await project?.remove();
}, TSC_TIMEOUT);

const inFile = (result: TscResult, file: string): Diagnostic[] =>
  result.diagnostics.filter((d) => d.file.replace(/\\/g, '/') === file);
const show = (diagnostics: Diagnostic[]): string =>
  diagnostics.map((d) => `${d.file}(${d.line},${d.column}): ${d.code} ${d.message}`).join('\n');

describe('type-errors.ts against the installed package', () => {
  it(
    'compiles with its @ts-expect-error directives (so every directive still meets its error)',
    async () => {
      const result = await runs.main;
      expect(result.stderr).toBe('');
      expect(show(inFile(result, 'src/type-errors.ts'))).toBe('');
      // Nothing outside the files that hold errors on purpose or have tests of their own.
      const files = new Set(result.diagnostics.map((d) => d.file.replace(/\\/g, '/')));
      const onPurpose = ['stripped/type-errors.ts', 'src/readme-examples.ts', 'src/declarations.ts', 'src/named-errors.ts'];
      for (const file of onPurpose) files.delete(file);
      expect([...files]).toEqual([]);
    },
    TSC_TIMEOUT,
  );

  it(
    'fails with exactly the named errors, on exactly their lines, once the directives are removed',
    async () => {
      const expected = source
        .split('\n')
        .flatMap((line, i) => {
          const code = DIRECTIVE.exec(line)?.[1];
          return code === undefined ? [] : [`stripped/type-errors.ts:${i + 2} ${code}`];
        });
      expect(expected.length).toBeGreaterThanOrEqual(10);
      const result = await runs.main;
      expect(result.code).not.toBe(0);
      const diagnostics = inFile(result, 'stripped/type-errors.ts');
      const actual = diagnostics.map((d) => `stripped/type-errors.ts:${d.line} ${d.code}`);
      expect(actual, show(diagnostics)).toEqual(expected);
    },
    TSC_TIMEOUT,
  );
});

describe('what a consumer copies or configures', () => {
  it(
    "compiles the README's TypeScript examples",
    async () => {
      const located = inFile(await runs.main, 'src/readme-examples.ts').map((d) => ({ ...d, readmeLine: readmeLineOf[d.line - 1] }));
      expect(located.map((d) => `README.md:${d.readmeLine} ${d.code} ${d.message}`)).toEqual([]);
    },
    TSC_TIMEOUT,
  );

  it(
    'compiles for a Node-only consumer (lib ES2022 + @types/node, no DOM, skipLibCheck false)',
    async () => {
      const strictLibs = await runs.nodeOnly;
      expect(strictLibs.stderr).toBe('');
      expect(show(strictLibs.diagnostics)).toBe('');
    },
    TSC_TIMEOUT,
  );
});

describe('named types, as a consumer meets them', () => {
  it(
    "a consumer's declaration file names Market, Order, the listings and CreateOrderV2Params instead of spelling them out",
    async () => {
      const result = await runs.main;
      expect(show(inFile(result, 'src/declarations.ts'))).toBe('');
      const dts = await readFile(join(project.dir, 'decl', 'src', 'declarations.d.ts'), 'utf8');
      const named = (name: string) => `import("${PACKAGE_NAME}").${name}`;
      expect(dts).toContain(`market(ticker: string): Promise<${named('Market')}>`);
      expect(dts).toContain(`marketViaFunction(ticker: string): Promise<${named('Market')}>`);
      expect(dts).toContain(`order(orderId: string): Promise<${named('Order')}>`);
      expect(dts).toContain(`restingOrders(): ${named('PagePromise')}<${named('GetOrdersResponse')}, ${named('Order')}>`);
      expect(dts).toContain(`positions(): ${named('ListingPromise')}<${named('GetPositionsResponse')}>`);
      expect(dts).toContain(`orderParams(params: Parameters<typeof kalshi.createOrderV2>[0]): ${named('CreateOrderV2Params')};`);
      // Nothing spelled out: no object literal types at all in the consumer's declarations.
      expect(dts).not.toMatch(/[:<]\s*\{/);
    },
    TSC_TIMEOUT,
  );

  it(
    'error messages name CreateOrderV2Params, Market and GetMarketsParams',
    async () => {
      const result = await runs.main;
      const errors = inFile(result, 'src/named-errors.ts');
      expect(errors.map((d) => `${d.line} ${d.code}`)).toEqual(['8 TS2345', '9 TS2322', '10 TS2559']);
      const [createOrder, market, markets] = errors.map((d) => d.message) as [string, string, string];
      expect(createOrder).toMatch(/not assignable to parameter of type 'CreateOrderV2Params'/);
      expect(market).toBe("Type 'Market' is not assignable to type 'number'.");
      expect(markets).toBe("Type '100' has no properties in common with type 'GetMarketsParams'.");
      const literal = '{ ticker: string; side: "bid"; count: string; time_in_force: "fill_or_kill"; }';
      expect(result.stdout).toContain(`is missing the following properties from type 'CreateOrderV2Params': price, self_trade_prevention_type`);
      expect(result.stdout).toContain(`Argument of type '${literal}' is not assignable to parameter of type 'CreateOrderV2Params'.`);
      // The argument is the caller's own literal; the package's types are named, never printed as literals.
      for (const message of [createOrder, market, markets]) expect(message.replace(literal, '')).not.toMatch(/type '\{/);
    },
    TSC_TIMEOUT,
  );
});

describe('module systems', () => {
  it(
    'compiles with module commonjs and moduleResolution node10 (types through `types` and `typesVersions`)',
    async () => {
      const result = await runs.node10;
      expect(result.stderr).toBe('');
      expect(show(result.diagnostics)).toBe('');
      expect(result.code).toBe(0);
    },
    TSC_TIMEOUT,
  );

  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  const requiresEsm = (major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major >= 23;
  it.runIf(requiresEsm)(`require() loads the ES module package on Node ${process.versions.node}`, async () => {
    const result = await project.node('src/require.cjs');
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      baseUrl: 'https://external-api.demo.kalshi.co/trade-api/v2',
      functions: ['getMarket', 'getPositions', 'createKalshiBaseClient'],
      perps: 'function',
    });
  });
});

/**
 * The README's ```ts blocks as one module: imports hoisted (deduplicated), the first block (which creates
 * `kalshi`) at top level, every later block in its own `{ }` scope so their names do not collide.
 */
function readmeExamples(readme: string): { text: string; lineOf: number[] } {
  const lines = readme.split('\n');
  const blocks: { start: number; lines: string[] }[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]?.trim() !== '```ts') continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end]?.trim() !== '```') end++;
    blocks.push({ start, lines: lines.slice(start, end) });
    i = end;
  }
  expect(blocks.length, 'the README has TypeScript examples').toBeGreaterThanOrEqual(4);
  const out: string[] = [];
  const lineOf: number[] = [];
  const emit = (text: string, readmeLine: number): void => {
    out.push(text);
    lineOf.push(readmeLine);
  };
  const imports = new Map<string, number>();
  blocks.forEach((block) =>
    block.lines.forEach((line, j) => {
      if (/^import\s/.test(line) && !imports.has(line)) imports.set(line, block.start + j + 1);
    }),
  );
  for (const [line, at] of imports) emit(line, at);
  blocks.forEach((block, b) => {
    if (b > 0) emit('{', block.start);
    block.lines.forEach((line, j) => {
      if (!/^import\s/.test(line)) emit(line, block.start + j + 1);
    });
    if (b > 0) emit('}', block.start + block.lines.length);
  });
  emit('export {};', lines.length);
  return { text: `${out.join('\n')}\n`, lineOf };
}
