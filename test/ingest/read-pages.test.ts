import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../generator/diagnostics/diagnostic.ts';
import { readPages } from '../../generator/ingest/read-pages.ts';
import { specsDir } from '../support/pages.ts';

describe('readPages', () => {
  it('reads pages in a stable order, skipping the folder README and hidden files', () => {
    const dir = specsDir({ 'b/z.md': 'z', 'a.md': 'a', 'README.md': 'readme', '.hidden/x.md': 'x', 'b/a.md': 'ba' });
    expect(readPages(dir, new Diagnostics()).map((p) => p.file)).toEqual(['a.md', 'b/a.md', 'b/z.md']);
  });

  it('warns about empty and non-UTF-8 pages, naming file and line', () => {
    const dir = specsDir({ 'empty.md': '  \n', 'latin1.md': Buffer.from([0x61, 0x0a, 0x62, 0xe9, 0x0a]), 'ok.md': 'fine' });
    const diagnostics = new Diagnostics();
    expect(readPages(dir, diagnostics).map((p) => p.file)).toEqual(['ok.md']);
    expect(diagnostics.sorted().map((d) => [d.code, d.severity, d.source])).toEqual([
      ['page-empty', 'warning', { file: 'empty.md' }],
      ['page-not-utf8', 'warning', { file: 'latin1.md', line: 2 }],
    ]);
  });

  it('refuses a 50 MB page without reading it', () => {
    const dir = specsDir({});
    const fd = openSync(join(dir, 'huge.md'), 'w');
    writeSync(fd, 'x', 50 * 1024 * 1024 - 1);
    closeSync(fd);
    const diagnostics = new Diagnostics();
    expect(readPages(dir, diagnostics)).toEqual([]);
    expect(diagnostics.sorted()[0]).toMatchObject({ code: 'page-too-large', severity: 'error', source: { file: 'huge.md' } });
  });
});
