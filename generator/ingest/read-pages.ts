import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import { compareText } from '../diagnostics/diagnostic.ts';
import { sha256 } from '../specs-folder/manifest.ts';
import { isPageFile } from '../specs-folder/pages.ts';

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
  for (const path of listFiles(specsDir)) {
    const file = relative(specsDir, path).split(sep).join('/');
    if (!isPageFile(file)) continue;
    const size = statSync(path).size;
    if (size > MAX_PAGE_BYTES) {
      diagnostics.error(
        'page-too-large',
        `page is ${size} bytes, over the ${MAX_PAGE_BYTES}-byte limit; remove it or replace it with the real page`,
        { file },
      );
      continue;
    }
    const bytes = readFileSync(path);
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
    pages.push({ file, text: text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n'), sha256: sha256(bytes) });
  }
  return pages;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => compareText(a.name, b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(path));
    else if (entry.isFile()) out.push(path);
  }
  return out;
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
