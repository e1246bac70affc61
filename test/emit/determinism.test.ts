import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import { listFiles } from '../../generator/write/list-files.ts';
import { ROOT } from '../support/cli.ts';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'determinism-')), 'generated');

describe('generation is deterministic and skips unchanged inputs', () => {
  it('two full runs from the committed specs give byte-identical packages, equal to the committed generated/', async () => {
    const specsDir = join(ROOT, 'specs');
    const one = await generate({ specsDir, outDir: fresh() });
    const two = await generate({ specsDir, outDir: fresh() });
    expect(one.ok && two.ok).toBe(true);
    expect([...two.files.keys()]).toEqual([...one.files.keys()]);
    for (const [file, content] of one.files) expect(two.files.get(file), file).toBe(content);
    expect(listFiles(join(ROOT, 'generated')).filter((f) => !one.files.has(f))).toEqual([]);
    expect([...one.files.keys()].filter((f) => f.startsWith('dist/')).length).toBeGreaterThan(10);
  }, 180_000);

  it('a second run over an unchanged output is a no-op that reads only hashes', async () => {
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
  }, 120_000);
});
