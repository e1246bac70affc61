import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import { ROOT, runTs } from '../support/cli.ts';
import { editAmendOrderPage } from './edit-page.ts';

const PAGES = ['api-reference/orders/amend-order.md', 'api-reference/orders/get-order.md', 'api-reference/api-keys/create-api-key.md'];
const check = (args: string[]) => runTs('generator/check/cli.ts', args);

/** A small specs folder (three real pages) with its generated/ folder, as a repository would commit them. */
function smallRepo(): { specs: string; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'check-'));
  const specs = join(dir, 'specs');
  for (const page of PAGES) {
    mkdirSync(join(specs, page, '..'), { recursive: true });
    cpSync(join(ROOT, 'specs', page), join(specs, page));
    chmodSync(join(specs, page), 0o644);
  }
  return { specs, out: join(dir, 'generated') };
}

describe('make check (generator/check/cli.ts)', () => {
  let repo: { specs: string; out: string };
  // The committed generated/ of the small repository, made in-process (the generator's CLI is tested elsewhere).
  beforeAll(async () => {
    repo = smallRepo();
    const generated = await generate({ specsDir: repo.specs, outDir: repo.out });
    expect(generated.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(generated.written).toBe(true);
  }, 180_000);

  it('exits 0 when generated/ is in step', () => {
    const run = check(['--specs', repo.specs, '--out', repo.out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(`${repo.out}/ is in step with ${repo.specs}/\n`);
  }, 180_000);

  it('exits 1 on drift, listing the files and the breaking changes with operation and page', () => {
    const copy = smallRepo();
    cpSync(repo.out, copy.out, { recursive: true });
    editAmendOrderPage(join(copy.specs, 'api-reference/orders/amend-order.md'));
    const summary = join(copy.out, '..', 'summary.md');
    const run = check(['--specs', copy.specs, '--out', copy.out, '--markdown', summary]);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toContain(`  changed  ${copy.out}/openapi/trade.json`);
    const breaking = run.stdout.slice(run.stdout.indexOf('  BREAKING'), run.stdout.indexOf('  NON-BREAKING') >>> 0);
    const page = `${copy.specs}/api-reference/orders/amend-order.md:`;
    expect(breaking).toContain(`    POST /portfolio/orders/{order_id}/amend (ModifyOrder) — ${page}`);
    expect(breaking).toContain('      - operationId renamed from AmendOrder to ModifyOrder: wrapper amendOrder() → modifyOrder()');
    expect(breaking).toContain('      - request body: property `reason` added as required');
    expect(breaking).toContain('      - response 200: property `old_order` removed');
    expect(run.stdout).toContain("run 'make generate' and commit");
    const markdown = readFileSync(summary, 'utf8');
    expect(markdown).toContain('### Breaking');
    expect(markdown).toContain('  - request body: property `reason` added as required');
  }, 180_000);

  it('exits 1 with the diagnostics when specs/ does not generate', () => {
    const broken = smallRepo();
    writeFileSync(join(broken.specs, 'api-reference/orders/broken.md'), '# Broken\n\n````yaml /openapi.yaml get /x\nopenapi: 3.0.0\n');
    const run = check(['--specs', broken.specs, '--out', repo.out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('fence-unterminated');
    expect(run.stderr).toContain(`generation from ${broken.specs}/ failed`);
  }, 180_000);

  it.each([[['--bogus']], [['--specs', '/no/such/folder']]])('exits 2 on bad usage: %j', (args) => {
    const run = check(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('usage:');
  });
});
