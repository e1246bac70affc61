import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * What every command-line entry point shares: parsing options (bad usage prints the usage and exits 2) and
 * running `main` to an exit code (an unexpected exception is an internal error, exit 70, with its stack).
 */

type Options = NonNullable<ParseArgsConfig['options']>;

/** The parsed option values, or undefined after printing the problem and the usage to stderr. */
export function parseOptions<T extends Options>(argv: string[], options: T, usage: string) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${usage}`);
    return undefined;
  }
}

/**
 * Runs `main` with the process's arguments and exits with its code, when `moduleUrl` (the caller's
 * `import.meta.url`) is the script Node was started with; imported (by `bin.mjs`, or by a test that calls
 * `main` in-process), the module only exports `main`.
 */
export function runMain(main: (argv: string[]) => number | Promise<number>, moduleUrl?: string): void {
  if (moduleUrl !== undefined && !isEntryPoint(moduleUrl)) return;
  Promise.resolve()
    .then(() => main(process.argv.slice(2)))
    .then(
      (code) => process.exit(code),
      (error: unknown) => {
        process.stderr.write(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        process.exit(70);
      },
    );
}

function isEntryPoint(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return pathToFileURL(realpathSync(script)).href === moduleUrl;
  } catch {
    return false;
  }
}
