import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { listFiles } from './list-files.ts';

/** A file's content: text (written as UTF-8) or bytes (written as they are). */
export type FileContent = string | Uint8Array;

/**
 * Replaces the whole output folder with `files` (relative path → content) atomically: everything is written
 * to a sibling staging folder first, then swapped in with two renames. A run that fails before the swap
 * leaves the previous output untouched; a run whose files equal the current ones touches nothing.
 * Returns whether anything changed.
 */
export function writeOutputDir(outDir: string, files: ReadonlyMap<string, FileContent>): boolean {
  recoverInterruptedSwap(outDir);
  if (sameContents(outDir, files)) return false;
  const staging = `${outDir}.next-${process.pid}`;
  const previous = `${outDir}.prev-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const [path, content] of files) {
      const target = join(staging, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
    mkdirSync(staging, { recursive: true });
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  const hadPrevious = existsSync(outDir);
  if (hadPrevious) renameSync(outDir, previous);
  renameSync(staging, outDir);
  if (hadPrevious) rmSync(previous, { recursive: true, force: true });
  return true;
}

/** A crash between the two renames leaves `<out>.prev-<pid>` and no `<out>`: put it back. */
function recoverInterruptedSwap(outDir: string): void {
  if (existsSync(outDir)) return;
  const parent = dirname(outDir);
  if (!existsSync(parent)) return;
  const base = outDir.slice(parent.length + 1);
  const leftover = readdirSync(parent).find((name) => name.startsWith(`${base}.prev-`));
  if (leftover) renameSync(join(parent, leftover), outDir);
}

function sameContents(outDir: string, files: ReadonlyMap<string, FileContent>): boolean {
  if (!existsSync(outDir)) return false;
  const existing = listFiles(outDir);
  if (existing.length !== files.size) return false;
  return existing.every((path) => {
    const wanted = files.get(path);
    return wanted !== undefined && Buffer.from(wanted).equals(readFileSync(join(outDir, path)));
  });
}
