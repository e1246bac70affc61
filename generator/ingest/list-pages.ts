import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { compareText } from '../diagnostics/diagnostic.ts';

/**
 * The entries of a specs folder, listed once for both readers of it: the page reader and the hash the no-op
 * check compares. Hidden names (`.git`, `.DS_Store`) are skipped; real folders are walked; symbolic links are
 * never followed (a link to a folder could loop or leave the specs folder), they are listed as links.
 */

export interface SpecsEntry {
  /** Path relative to the specs folder, `/`-separated. */
  file: string;
  /** Absolute path. */
  path: string;
  /**
   * `file`: a regular file; `symlink`: a link, not followed; `other`: a FIFO, socket or device, never opened;
   * `unreadable`: a folder that could not be listed.
   */
  type: 'file' | 'symlink' | 'other' | 'unreadable';
  /** Why a folder could not be listed (`EACCES`, ...). */
  error?: string;
}

export function listSpecsEntries(specsDir: string, prefix = ''): SpecsEntry[] {
  const out: SpecsEntry[] = [];
  let entries;
  try {
    entries = readdirSync(join(specsDir, prefix), { withFileTypes: true }).sort((a, b) => compareText(a.name, b.name));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return [{ file: prefix || '.', path: join(specsDir, prefix), type: 'unreadable', error: code }];
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const file = prefix ? `${prefix}/${entry.name}` : entry.name;
    const path = join(specsDir, file);
    if (entry.isDirectory()) out.push(...listSpecsEntries(specsDir, file));
    else out.push({ file, path, type: entry.isFile() ? 'file' : entry.isSymbolicLink() ? 'symlink' : 'other' });
  }
  return out;
}

/**
 * A hash of everything the page reader would see: each entry's name and type, a file's bytes, a link's target
 * text (not the target's content). A file that cannot be read hashes as its error code, so the run goes on to
 * ingest, which reports it. Files in `exclude` (relative paths) are left out.
 */
export function hashSpecs(specsDir: string, exclude: ReadonlySet<string> = new Set()): string {
  const hash = createHash('sha256');
  for (const entry of listSpecsEntries(specsDir).filter((e) => !exclude.has(e.file))) {
    hash.update(entry.file).update('\0').update(entry.type).update('\0');
    if (entry.type === 'file') hash.update(readOrError(entry.path));
    else if (entry.type === 'symlink') hash.update(readLink(entry.path));
    else if (entry.error) hash.update(entry.error);
    hash.update('\0');
  }
  return hash.digest('hex');
}

function readLink(path: string): string {
  try {
    return readlinkSync(path);
  } catch (error) {
    return `unreadable: ${(error as NodeJS.ErrnoException).code ?? 'error'}`;
  }
}

function readOrError(path: string): Buffer | string {
  try {
    return readFileSync(path);
  } catch (error) {
    return `unreadable: ${(error as NodeJS.ErrnoException).code ?? 'error'}`;
  }
}
