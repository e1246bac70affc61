import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputFolderProblem } from '../../generator/write/output-guard.ts';
import { ROOT } from '../support/cli.ts';

/** A clone: `.git`, `specs/` with a page, an uncommitted file, a previous `generated/` and a stranger's folder. */
function clone(): string {
  const dir = mkdtempSync(join(tmpdir(), 'guard-'));
  mkdirSync(join(dir, '.git'));
  mkdirSync(join(dir, 'specs', 'api'), { recursive: true });
  writeFileSync(join(dir, 'specs', 'api', 'page.md'), '# page');
  writeFileSync(join(dir, 'notes.txt'), 'uncommitted');
  mkdirSync(join(dir, 'generated'));
  writeFileSync(join(dir, 'generated', 'stats.json'), '{}');
  mkdirSync(join(dir, 'docs'));
  writeFileSync(join(dir, 'docs', 'guide.md'), 'mine');
  symlinkSync(join(dir, 'specs'), join(dir, 'specs-link'));
  writeFileSync(join(dir, 'file.txt'), 'a file');
  return dir;
}

describe('outputFolderProblem', () => {
  const dir = clone();
  const check = (out: string, cwd = dir) => outputFolderProblem(join(cwd, out), { specsDir: join(dir, 'specs'), cwd });
  const table: [string, string, RegExp | undefined][] = [
    ['the current directory, a clone', '.', /is the current directory/],
    ['the specs folder', 'specs', /is the specs folder/],
    ['a folder inside specs', 'specs/out', /inside the specs folder/],
    ['specs through a symbolic link', 'specs-link', /is the specs folder/],
    ['a folder inside specs through a symbolic link', 'specs-link/api', /inside the specs folder/],
    ['a parent of specs', '..', /contains the specs folder/],
    ['a grandparent of specs', '../..', /contains the specs folder/],
    ['a folder holding files the generator did not write', 'docs', /no stats\.json/],
    ['a file', 'file.txt', /a file, not a folder/],
    ['a previous output', 'generated', undefined],
    ['a new folder', 'build/client', undefined],
  ];
  it.each(table)('%s', (_name, out, problem) => {
    const found = check(out);
    if (problem) expect(found).toMatch(problem);
    else expect(found).toBeUndefined();
  });

  it('refuses the root of the repository from a subfolder, and the home and toolchain folders', () => {
    expect(outputFolderProblem(dir, { specsDir: join(dir, 'specs'), cwd: join(dir, 'docs') })).toMatch(/contains the current directory|is the root of the repository/);
    expect(outputFolderProblem(ROOT, { specsDir: join(dir, 'specs'), cwd: tmpdir() })).toMatch(/generator's own folder|repository/);
    expect(outputFolderProblem('/', { specsDir: join(dir, 'specs'), cwd: tmpdir() })).toMatch(/contains the specs folder/);
    expect(outputFolderProblem(homedir(), { specsDir: join(dir, 'specs'), cwd: tmpdir() })).toMatch(/home folder|contains/);
  });

  it('refuses a repository root even when it is neither the current directory nor above specs', () => {
    const other = mkdtempSync(join(tmpdir(), 'guard-other-'));
    mkdirSync(join(other, '.git'));
    expect(outputFolderProblem(other, { specsDir: join(dir, 'specs'), cwd: tmpdir() })).toMatch(/repository/);
  });
});
