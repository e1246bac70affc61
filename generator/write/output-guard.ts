import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve, sep } from 'node:path';

/**
 * The output folder is replaced as a whole, so it must be a folder of its own. Refused (a reason is returned):
 * - the specs folder, a folder inside it, or one containing it (the pages would be deleted or re-read);
 * - the current directory, a repository root (a folder holding `.git`), the toolchain's own folder, the home
 *   folder, or any folder containing one of them;
 * - an existing file, or an existing non-empty folder the generator did not write (no `stats.json`).
 * Paths are compared after resolving symbolic links, so `--out link-to-specs` is refused too.
 */

const TOOLCHAIN_ROOT = resolve(import.meta.dirname, '..', '..');

export interface GuardContext {
  specsDir: string;
  cwd?: string;
}

export function outputFolderProblem(outDir: string, context: GuardContext): string | undefined {
  const out = realPath(outDir);
  const specs = realPath(context.specsDir);
  const cwd = realPath(context.cwd ?? process.cwd());
  const guarded: [string, string][] = [
    [specs, 'the specs folder'],
    [cwd, 'the current directory'],
    ...[cwd, specs, dirname(out)].flatMap((start) => {
      const root = repositoryRoot(start);
      return root ? [[root, `the root of the repository ${root}`] as [string, string]] : [];
    }),
    [TOOLCHAIN_ROOT, "the generator's own folder"],
    [realPath(homedir()), 'the home folder'],
  ];
  const same = guarded.find(([folder]) => folder === out);
  if (same) return `it is ${same[1]}`;
  if (within(out, specs)) return 'it is inside the specs folder, whose pages it would be read as';
  const contained = guarded.find(([folder]) => within(folder, out));
  if (contained) return `it contains ${contained[1]}, which replacing it would delete`;
  if (!existsSync(out)) return undefined;
  if (!statSync(out).isDirectory()) return 'it is a file, not a folder';
  const entries = readdirSync(out);
  if (entries.includes('.git')) return 'it is the root of a repository';
  if (entries.length > 0 && !entries.includes('stats.json')) {
    return 'it holds files this generator did not write (it has no stats.json); give a new or empty folder, or a previous output';
  }
  return undefined;
}

/** `inner` is `outer` or lies below it. */
function within(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(outer.endsWith(sep) ? outer : outer + sep);
}

/** The absolute path with every symbolic link of its existing part resolved (the rest appended as given). */
export function realPath(path: string): string {
  const absolute = resolve(path);
  let existing = absolute;
  const rest: string[] = [];
  while (!existsSync(existing)) {
    const parent = dirname(existing);
    if (parent === existing) break;
    rest.unshift(basename(existing));
    existing = parent;
  }
  let real = existing;
  try {
    real = realpathSync(existing);
  } catch {
    // unreadable: compare the path as given
  }
  return rest.length > 0 ? join(real, ...rest) : real;
}

/** The nearest folder at or above `start` holding `.git`, if any. */
function repositoryRoot(start: string): string | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}
