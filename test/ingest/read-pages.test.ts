import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../generator/diagnostics/diagnostic.ts';
import { hashSpecs } from '../../generator/ingest/list-pages.ts';
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

  it('names symbolic links (to pages or folders) and special files instead of following or opening them', () => {
    const outside = specsDir({ 'x.md': '# outside', 'sub/y.md': '# y' });
    const dir = specsDir({ 'ok.md': 'fine' });
    symlinkSync(join(outside, 'x.md'), join(dir, 'file-link.md'));
    symlinkSync(join(outside, 'sub'), join(dir, 'folder-link'));
    symlinkSync(dir, join(dir, 'loop'));
    expect(spawnSync('mkfifo', [join(dir, 'pipe.md')]).status).toBe(0);
    const diagnostics = new Diagnostics();
    expect(readPages(dir, diagnostics).map((p) => p.file)).toEqual(['ok.md']);
    expect(diagnostics.sorted().map((d) => [d.code, d.source?.file])).toEqual([
      ['page-symlink', 'file-link.md'],
      ['page-symlink', 'folder-link'],
      ['page-symlink', 'loop'],
      ['page-not-a-file', 'pipe.md'],
    ]);
  });

  it('replaces raw control characters (a NUL) and warns with the line of the first', () => {
    const dir = specsDir({ 'nul.md': 'line one\nline\u0000two\u001b\n' });
    const diagnostics = new Diagnostics();
    expect(readPages(dir, diagnostics)[0]!.text).toBe('line one\nline\uFFFDtwo\uFFFD\n');
    expect(diagnostics.sorted()).toEqual([expect.objectContaining({ code: 'page-control-character', severity: 'warning', source: { file: 'nul.md', line: 2 } })]);
  });
});

describe('hashSpecs', () => {
  it('covers what the reader sees: a link\'s target path, never the target\'s content', () => {
    const outside = specsDir({ 'x.md': 'one' });
    const dir = specsDir({ 'a.md': 'a' });
    const bare = hashSpecs(dir);
    symlinkSync(join(outside, 'x.md'), join(dir, 'link.md'));
    const linked = hashSpecs(dir);
    expect(linked).not.toBe(bare);
    writeFileSync(join(outside, 'x.md'), 'two');
    expect(hashSpecs(dir)).toBe(linked);
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, '.git', 'HEAD'), 'ref');
    expect(hashSpecs(dir)).toBe(linked);
    writeFileSync(join(dir, 'a.md'), 'b');
    expect(hashSpecs(dir)).not.toBe(linked);
  });
});
