import { readFileSync, statSync } from 'node:fs';
import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import { sha256 } from '../specs-folder/manifest.ts';
import { isPageFile } from '../specs-folder/pages.ts';
import { replaceControlCharacters } from './control-characters.ts';
import { listSpecsEntries, type SpecsEntry } from './list-pages.ts';

/** Largest page read, in bytes. Real pages are under 200 KB. */
export const MAX_PAGE_BYTES = 10 * 1024 * 1024;

export interface RawPage {
  /** Path relative to the specs folder, `/`-separated. */
  file: string;
  text: string;
  /** sha256 of the page's bytes as stored. */
  sha256: string;
}

/**
 * Every page under `specsDir` (see `isPageFile`) in a stable order, decoded as strict UTF-8; unreadable pages
 * are reported and skipped.
 */
export function readPages(specsDir: string, diagnostics: Diagnostics): RawPage[] {
  const pages: RawPage[] = [];
  for (const entry of listSpecsEntries(specsDir)) {
    const { file, path } = entry;
    if (entry.type !== 'file') {
      reportNotAPage(entry, diagnostics);
      continue;
    }
    if (!isPageFile(file)) continue;
    const bytes = readPageBytes(path, file, diagnostics);
    if (!bytes) continue;
    if (bytes.length === 0 || bytes.toString('utf8').trim() === '') {
      diagnostics.warn('page-empty', 'page is empty; nothing to use (re-scrape it or delete it)', { file });
      continue;
    }
    const text = decodeUtf8(bytes);
    if (text === undefined) {
      diagnostics.warn(
        'page-not-utf8',
        'page is not valid UTF-8 and was skipped; re-download it or convert it to UTF-8',
        { file, line: lineOfFirstInvalidByte(bytes) },
      );
      continue;
    }
    const clean = replaceControlCharacters(text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n'));
    if (clean.count > 0) {
      diagnostics.warn(
        'page-control-character',
        `page holds ${clean.count} control character(s) (NUL, ESC, ...) from here on; each was replaced with U+FFFD: re-scrape the page`,
        { file, line: clean.firstLine },
      );
    }
    pages.push({ file, text: clean.text, sha256: sha256(bytes) });
  }
  return pages;
}

/** The bytes of a page, or undefined after reporting why it cannot be read (too large, no permission, ...). */
function readPageBytes(path: string, file: string, diagnostics: Diagnostics): Buffer | undefined {
  try {
    const size = statSync(path).size;
    if (size > MAX_PAGE_BYTES) {
      diagnostics.error(
        'page-too-large',
        `page is ${size} bytes, over the ${MAX_PAGE_BYTES}-byte limit; remove it or replace it with the real page`,
        { file },
      );
      return undefined;
    }
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    diagnostics.error('page-unreadable', `page cannot be read (${code}); fix its permissions or remove it`, { file });
    return undefined;
  }
}

/** Symbolic links are not followed and special files are never opened: each is named, not silently skipped. */
function reportNotAPage(entry: SpecsEntry, diagnostics: Diagnostics): void {
  const source = { file: entry.file };
  if (entry.type === 'symlink') {
    diagnostics.warn(
      'page-symlink',
      'symbolic link, not followed (it could point outside the specs folder or loop); copy the page itself into the folder',
      source,
    );
  } else if (entry.type === 'unreadable') {
    diagnostics.error('page-unreadable', `folder cannot be listed (${entry.error}); fix its permissions or remove it`, source);
  } else {
    diagnostics.warn('page-not-a-file', 'not a regular file (a FIFO, socket or device); skipped', source);
  }
}

function decodeUtf8(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function lineOfFirstInvalidByte(bytes: Buffer): number {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      if (decodeUtf8(bytes.subarray(start, i)) === undefined) return line;
      line++;
      start = i + 1;
    }
  }
  return 1;
}
