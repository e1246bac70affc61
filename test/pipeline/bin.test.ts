import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.ts';

/** The toolchain's package.json `bin` entries point at files that run: `npx kalshi-generate --help` works. */
describe('package.json bin', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin?: Record<string, string> };
  const bins = Object.entries(manifest.bin ?? {});

  it('declares kalshi-generate, and every bin file exists', () => {
    expect(bins.map(([name]) => name)).toContain('kalshi-generate');
    for (const [name, file] of bins) expect(existsSync(join(ROOT, file)), `${name} → ${file}`).toBe(true);
  });

  it.each(bins)('%s --help prints the usage and exits 0; a bad option exits 2', (_name, file) => {
    const help = spawnSync(process.execPath, [join(ROOT, file), '--help'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(help.stderr).toBe('');
    expect(help.stdout).toMatch(/^usage: .*--specs/);
    expect(help.status).toBe(0);
    const bad = spawnSync(process.execPath, [join(ROOT, file), '--no-such-option'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(bad.stderr).toMatch(/no-such-option/);
    expect(bad.status).toBe(2);
  });
});
