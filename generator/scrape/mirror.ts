import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { listFiles } from '../write/list-files.ts';

/**
 * The mirrored part of the specs folder: the files below the API prefixes. Everything else (`seeds/`,
 * `README.md`) is never read or touched. Changes are applied file by file with a write to a temporary
 * sibling and a rename, so an interrupted run leaves every page either old or new, never half-written.
 */

export type PageOutcome = 'added' | 'changed' | 'unchanged';

export function mirroredFiles(specsDir: string, prefixes: readonly string[]): string[] {
  return prefixes.flatMap((prefix) => listFiles(join(specsDir, prefix)).map((file) => prefix + file));
}

/** How a downloaded page compares with the copy in the specs folder. */
export function outcomeFor(specsDir: string, file: string, body: Buffer): PageOutcome {
  const path = join(specsDir, file);
  if (!existsSync(path)) return 'added';
  return readFileSync(path).equals(body) ? 'unchanged' : 'changed';
}

export interface MirrorUpdate {
  /** Pages to write (added or changed), file → bytes. */
  writes: ReadonlyMap<string, Buffer>;
  /** Files to delete: mirrored files the index no longer lists. */
  removals: readonly string[];
}

export function applyUpdate(specsDir: string, prefixes: readonly string[], update: MirrorUpdate): void {
  for (const [file, body] of update.writes) writeAtomically(join(specsDir, file), body);
  for (const file of update.removals) rmSync(join(specsDir, file), { force: true });
  for (const prefix of prefixes) removeEmptyDirs(join(specsDir, prefix));
}

function writeAtomically(path: string, body: Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${path.slice(dirname(path).length + 1)}.scrape-${process.pid}.tmp`);
  try {
    writeFileSync(temp, body);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Removes the folders a removal emptied (the prefix folder included), deepest first. */
function removeEmptyDirs(dir: string): boolean {
  if (!existsSync(dir)) return false;
  let empty = true;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || !removeEmptyDirs(join(dir, entry.name))) empty = false;
  }
  if (empty) rmdirSync(dir);
  return empty;
}
