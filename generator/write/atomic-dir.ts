import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PREVIOUS_SUFFIX, STAGING_SUFFIX } from './leftovers.ts';
import { listFiles } from './list-files.ts';

/** A file's content: text (written as UTF-8) or bytes (written as they are). */
export type FileContent = string | Uint8Array;

/**
 * Replaces the whole output folder with `files` (relative path → content) atomically: everything is written
 * to a sibling staging folder first, then swapped in with two renames. A run that fails before the swap
 * leaves the previous output untouched; a run whose files equal the current ones touches nothing. What a
 * killed run leaves behind is cleaned up by the next (`leftovers.ts`). Returns whether anything changed.
 */
export function writeOutputDir(outDir: string, files: ReadonlyMap<string, FileContent>): boolean {
  for (const path of files.keys()) {
    if (!isPlainRelative(path)) throw new Error(`refusing to write "${path}": not a plain relative path inside the output folder`);
  }
  if (sameContents(outDir, files)) return false;
  const staging = `${outDir}${STAGING_SUFFIX}${process.pid}`;
  const previous = `${outDir}${PREVIOUS_SUFFIX}${process.pid}`;
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
  try {
    renameSync(staging, outDir);
  } catch (error) {
    if (hadPrevious) renameSync(previous, outDir);
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  if (hadPrevious) rmSync(previous, { recursive: true, force: true });
  return true;
}

function isPlainRelative(path: string): boolean {
  return path.length > 0 && !path.startsWith('/') && path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
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
