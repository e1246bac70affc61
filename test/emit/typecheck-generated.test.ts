import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.ts';

/**
 * The package is compiled without re-checking types (fast, deterministic emit); this is the check:
 * the committed sources of generated/ type-check under the package's own strict tsconfig.
 */
describe('generated/src', () => {
  it('type-checks under strict settings with noUncheckedIndexedAccess', () => {
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const run = spawnSync(process.execPath, [tsc, '--noEmit', '-p', join(ROOT, 'generated', 'tsconfig.json')], { encoding: 'utf8', timeout: 170_000 });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 180_000);
});
