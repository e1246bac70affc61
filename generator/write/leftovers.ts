import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * What a killed run can leave beside the output folder: its staging folder `<out>.next-<pid>` (killed while
 * writing), and `<out>.prev-<pid>` (killed between the two renames, the output folder then missing, or before
 * removing the old output). A leftover belongs to a dead run when its process no longer exists; the folders of
 * a run still going are left alone.
 */

export const STAGING_SUFFIX = '.next-';
export const PREVIOUS_SUFFIX = '.prev-';

export interface Leftover {
  path: string;
  kind: 'staging' | 'previous';
  pid: number;
}

export function leftoversOf(outDir: string): Leftover[] {
  const parent = dirname(outDir);
  if (!existsSync(parent)) return [];
  const base = basename(outDir);
  const found: Leftover[] = [];
  for (const name of readdirSync(parent).sort()) {
    const kind = name.startsWith(base + STAGING_SUFFIX) ? 'staging' : name.startsWith(base + PREVIOUS_SUFFIX) ? 'previous' : undefined;
    if (!kind) continue;
    const pid = Number(name.slice(base.length + STAGING_SUFFIX.length));
    if (Number.isInteger(pid) && pid > 0) found.push({ path: join(parent, name), kind, pid });
  }
  return found;
}

/**
 * Puts back an output folder a killed run left renamed (the newest one, when several), and removes every other
 * leftover of a dead run. Returns one line per action, for the run's diagnostics.
 */
export function recoverLeftovers(outDir: string): string[] {
  const dead = leftoversOf(outDir).filter((l) => !isAlive(l.pid));
  const actions: string[] = [];
  if (!existsSync(outDir)) {
    const previous = dead
      .filter((l) => l.kind === 'previous')
      .sort((a, b) => statSync(b.path).mtimeMs - statSync(a.path).mtimeMs)[0];
    if (previous) {
      renameSync(previous.path, outDir);
      actions.push(`restored ${basename(outDir)} from ${basename(previous.path)}, left by a run that was stopped while replacing it`);
    }
  }
  for (const leftover of dead) {
    if (!existsSync(leftover.path)) continue;
    rmSync(leftover.path, { recursive: true, force: true });
    actions.push(`removed ${basename(leftover.path)}, left by a run (process ${leftover.pid}) that was stopped`);
  }
  return actions;
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
