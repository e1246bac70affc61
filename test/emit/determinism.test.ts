import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import { listFiles } from '../../generator/write/list-files.ts';
import { ROOT } from '../support/cli.ts';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'determinism-')), 'generated');

describe('generation is deterministic and skips unchanged inputs', () => {
  /**
   * The committed generated/ was written by another process at another time: a fresh run equal to it byte for
   * byte shows the output depends on nothing but the inputs (no timestamps, no unstable order): the specs, and the
   * previous release its version and changelog are decided against (the committed one, unchanged, keeps both).
   * The run also type-checks the package, so the committed sources type-check too.
   */
  it('a full run from the committed specs gives, byte for byte, the committed generated/ (type-checked)', async () => {
    const result = await generate({ specsDir: join(ROOT, 'specs'), outDir: fresh(), previousDir: join(ROOT, 'generated') });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.timings.typecheck).toBeDefined();
    const committed = listFiles(join(ROOT, 'generated'));
    expect(committed).toEqual([...result.files.keys()].sort());
    for (const file of committed) expect(result.files.get(file), file).toBe(readFileSync(join(ROOT, 'generated', file), 'utf8'));
    expect(committed.filter((f) => f.startsWith('dist/')).length).toBeGreaterThan(10);
  }, 180_000);

  it('a second run over an unchanged output is a no-op that reads only hashes; a forced one rewrites nothing', async () => {
    const specsDir = join(ROOT, 'test', 'fixtures', 'mintlify-other');
    const outDir = fresh();
    const first = await generate({ specsDir, outDir });
    expect(first.written).toBe(true);
    const second = await generate({ specsDir, outDir });
    expect(second.upToDate).toBe(true);
    expect(Object.keys(second.timings)).toEqual(['hash']);
    const forced = await generate({ specsDir, outDir, force: true });
    expect(forced.upToDate).toBe(false);
    expect(forced.written).toBe(false);
    expect([...forced.files]).toEqual([...first.files]);
  }, 120_000);
});
