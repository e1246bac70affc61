/**
 * A throw-away consumer project for the generated package: `npm pack` of generated/ (exactly what would be
 * published), `npm install <tarball>` into a fresh `type: module` project under os.tmpdir() (once per run, copied
 * for each test file), TypeScript and @types/node linked from this repository (never downloaded again), and helpers
 * to run `tsc` and `node` in it.
 *
 * Everything runs as asynchronous child processes: the tests answer the consumer's HTTP requests from a
 * server in the test process, so the event loop must stay free while a child runs.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const GENERATED_DIR = join(REPO_ROOT, 'generated');
export const FIXTURES_DIR = join(REPO_ROOT, 'test', 'fixtures', 'consumer');
const TSC = join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs a command without a shell; never rejects (a non-zero exit is a result, not an exception). */
export function run(
  file: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<RunResult> {
  const started = Date.now();
  return new Promise((resolvePromise) => {
    execFile(
      file,
      args,
      {
        cwd: options.cwd,
        env: options.env ?? cleanEnv(),
        timeout: options.timeoutMs ?? 120_000,
        maxBuffer: 32 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        // A spawn failure or a timeout has no numeric exit code: report it as exit 1 with the reason.
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        const reason = error !== null && typeof error.code !== 'number' ? `\n${error.message}` : '';
        resolvePromise({ code, stdout: String(stdout), stderr: String(stderr) + reason, ms: Date.now() - started });
      },
    );
  });
}

/**
 * The environment for child processes: without the variables npm sets for a running script (`npm test`), which
 * would otherwise point the nested `npm install` at this repository, and without NODE_OPTIONS from the runner.
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^npm_(package|lifecycle)_/i.test(name) || /^npm_config_(prefix|local_prefix|global|location)$/i.test(name))
      continue;
    if (name === 'npm_command' || name === 'INIT_CWD' || name === 'NODE_OPTIONS' || name.startsWith('VITEST')) continue;
    env[name] = value;
  }
  return { ...env, ...extra };
}

export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  code: string;
  message: string;
}

/** `file(line,col): error TS1234: message` lines of tsc's (non-pretty) output. */
export function parseDiagnostics(output: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const match of output.matchAll(/^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/gm)) {
    diagnostics.push({
      file: match[1] ?? '',
      line: Number(match[2]),
      column: Number(match[3]),
      code: match[4] ?? '',
      message: match[5] ?? '',
    });
  }
  return diagnostics;
}

export interface TscResult extends RunResult {
  diagnostics: Diagnostic[];
}

export interface ConsumerProject {
  /** The temporary root of this copy (holds the project; removed by `remove`). */
  root: string;
  /** The consumer project folder (package.json, tsconfig files, src/). */
  dir: string;
  tarball: string;
  /** Copies files of test/fixtures/consumer/ into `<dir>/src/`. */
  addFixtures(names: readonly string[]): Promise<void>;
  writeFile(relativePath: string, text: string): Promise<void>;
  /** `node <repo>/node_modules/typescript/bin/tsc -p <dir>/<config> --pretty false`. */
  tsc(config: string): Promise<TscResult>;
  /** `node <file>` in the project folder. */
  node(file: string, env?: Record<string, string>): Promise<RunResult>;
  remove(): Promise<void>;
  timings: Record<string, number>;
}

/**
 * The compiler options of a strict ESM consumer on Node (see the tests for the variants). `skipLibCheck` is on, as
 * `tsc --init` sets it; types.test.ts turns it off where the package's own declarations are what is checked.
 */
export function consumerTsconfig(overrides: Record<string, unknown> = {}, include: string[] = ['src']): string {
  return `${JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noUncheckedIndexedAccess: true,
        skipLibCheck: true,
        // The package's declarations name the DOM type `SubtleCrypto` (createWebCryptoSigner), which
        // @types/node does not declare globally: see the Node-only test in types.test.ts.
        lib: ['ES2022', 'DOM'],
        types: ['node'],
        noEmit: true,
        ...overrides,
      },
      include,
    },
    null,
    2,
  )}\n`;
}

/**
 * Packs generated/ and installs the tarball into `<root>/app` (a `type: module` project): what a user does, once per
 * test run (test/package/global-setup.ts); each test file then works in a copy of it (`createConsumerProject`).
 */
export async function packAndInstall(
  root: string,
): Promise<{ dir: string; tarball: string; timings: Record<string, number> }> {
  const timings: Record<string, number> = {};
  const packDir = join(root, 'pack');
  const dir = join(root, 'app');
  await mkdir(packDir);
  await mkdir(join(dir, 'src'), { recursive: true });

  const pack = await run('npm', ['pack', '--json', '--pack-destination', packDir], { cwd: GENERATED_DIR });
  timings['npm pack'] = pack.ms;
  if (pack.code !== 0) throw new Error(`npm pack failed (${pack.code}):\n${pack.stderr}`);
  const packed = (await readdir(packDir)).filter((name) => name.endsWith('.tgz'));
  if (packed.length !== 1) throw new Error(`npm pack produced ${packed.length} tarballs: ${packed.join(', ')}`);
  const tarball = join(packDir, packed[0] as string);

  await writeFile(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'kalshi-openapi-client-consumer', version: '0.0.0', private: true, type: 'module' }, null, 2)}\n`,
  );
  const install = await run('npm', ['install', tarball, '--no-audit', '--no-fund', '--prefer-offline'], {
    cwd: dir,
    timeoutMs: 150_000,
  });
  timings['npm install'] = install.ms;
  if (install.code !== 0)
    throw new Error(`npm install failed (${install.code}):\n${install.stdout}\n${install.stderr}`);
  return { dir, tarball, timings };
}

/**
 * A consumer project of its own for a test file: a copy of the project the global setup installed the packed
 * package into, with typescript and @types/node linked from this repository.
 */
export async function createConsumerProject(): Promise<ConsumerProject> {
  const installed = inject('consumerProject');
  if (!installed)
    throw new Error(
      'no installed consumer project: run the package tests through vitest (test/package/global-setup.ts)',
    );
  const root = await mkdtemp(join(tmpdir(), 'kalshi-consumer-'));
  try {
    const dir = join(root, 'app');
    const timings: Record<string, number> = { ...installed.timings };
    const { tarball } = installed;
    await cp(installed.dir, dir, { recursive: true, verbatimSymlinks: true });

    // Linked after the install: npm would prune packages that package.json does not list.
    await symlink(join(REPO_ROOT, 'node_modules', 'typescript'), join(dir, 'node_modules', 'typescript'), 'dir');
    await mkdir(join(dir, 'node_modules', '@types'), { recursive: true });
    await symlink(
      join(REPO_ROOT, 'node_modules', '@types', 'node'),
      join(dir, 'node_modules', '@types', 'node'),
      'dir',
    );

    const project: ConsumerProject = {
      root,
      dir,
      tarball,
      timings,
      async addFixtures(names) {
        for (const name of names) await cp(join(FIXTURES_DIR, name), join(dir, 'src', name));
      },
      async writeFile(relativePath, text) {
        await writeFile(join(dir, relativePath), text);
      },
      async tsc(config) {
        const result = await run('node', [TSC, '-p', join(dir, config), '--pretty', 'false'], { cwd: dir });
        timings[`tsc ${config}`] = result.ms;
        return { ...result, diagnostics: parseDiagnostics(result.stdout) };
      },
      node(file, env = {}) {
        return run('node', [file], { cwd: dir, env: cleanEnv(env), timeoutMs: 60_000 });
      },
      remove: () => rm(root, { recursive: true, force: true }),
    };
    return project;
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
}
