import { createHash } from 'node:crypto';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import { generationInputs, upToDate } from '../../generator/stats/stats-file.ts';
import { main as checkMain } from '../../generator/check/cli.ts';
import { ROOT, runInProcess, runTs } from '../support/cli.ts';
import { editAmendOrderPage } from './edit-page.ts';

const PAGES = ['api-reference/orders/amend-order-v2.md', 'api-reference/orders/get-order.md', 'api-reference/api-keys/create-api-key.md'];
/** `make check` as its own process (exit codes, the fast path) and, where it regenerates, in-process (same code, warm). */
const check = (args: string[]) => runTs('generator/check/cli.ts', args);
const checkInProcess = (args: string[]) => runInProcess(checkMain, args);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A small specs folder (three real pages) with its generated/ folder, as a repository would commit them. */
function smallRepo(): { specs: string; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'check-'));
  const specs = join(dir, 'specs');
  for (const page of PAGES) {
    mkdirSync(join(specs, page, '..'), { recursive: true });
    cpSync(join(ROOT, 'test', 'fixtures', 'check', page), join(specs, page));
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

  it('exits 0 when generated/ is in step, answering from stats.json without regenerating', () => {
    const run = check(['--specs', repo.specs, '--out', repo.out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(`${repo.out}/ is in step with ${repo.specs}/ (same pages, generator, tools and options as its stats.json records; every file as recorded)\n`);
  }, 180_000);

  it('does not take the fast path over a hand-edited generated file, nor over options it was not made with', () => {
    const copy = smallRepo();
    cpSync(repo.out, copy.out, { recursive: true });
    expect(upToDate(copy.out, generationInputs(copy.specs, { keepRemoved: false }))).toBe(true);
    expect(upToDate(copy.out, generationInputs(copy.specs, { keepRemoved: true }))).toBe(false);
    writeFileSync(join(copy.out, 'README.md'), readFileSync(join(copy.out, 'README.md'), 'utf8') + '\nedited by hand\n');
    expect(upToDate(copy.out, generationInputs(copy.specs, { keepRemoved: false }))).toBe(false);
  });

  it('exits 1 on drift, listing the files and the breaking changes with operation and page', async () => {
    const copy = smallRepo();
    cpSync(repo.out, copy.out, { recursive: true });
    editAmendOrderPage(join(copy.specs, 'api-reference/orders/amend-order-v2.md'));
    const summary = join(copy.out, '..', 'summary.md');
    const run = await checkInProcess(['--specs', copy.specs, '--out', copy.out, '--markdown', summary]);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toContain(`  changed  ${copy.out}/openapi/trade.json`);
    const breaking = run.stdout.slice(run.stdout.indexOf('  BREAKING'), run.stdout.indexOf('  NON-BREAKING') >>> 0);
    const page = `${copy.specs}/api-reference/orders/amend-order-v2.md:`;
    expect(breaking).toMatch(new RegExp(`^ {4}schema AmendOrderV2Request — ${escape(page)}\\d+\\n {6}- property \`reason\` added as required \\(line \\d+\\)\\n {6}used by modifyOrderV2\\(\\)$`, 'm'));
    expect(breaking).toMatch(new RegExp(`^ {4}schema AmendOrderV2Response — ${escape(page)}\\d+\\n {6}- property \`client_order_id\` removed\\n`, 'm'));
    expect(breaking).toContain(`    POST /portfolio/events/orders/{order_id}/amend (ModifyOrderV2) — ${page}`);
    expect(breaking).toContain('      - operationId renamed from AmendOrderV2 to ModifyOrderV2: wrapper amendOrderV2() → modifyOrderV2()');
    expect(run.stdout).toContain("run 'make generate' (1.0.0 → 2.0.0, major) and commit");
    const markdown = readFileSync(summary, 'utf8');
    expect(markdown).toContain('### Breaking');
    expect(markdown).toMatch(/ {2}- property `reason` added as required \(line \d+\)/);
  }, 180_000);

  it('exits 1 with the diagnostics when specs/ does not generate', async () => {
    const broken = smallRepo();
    writeFileSync(join(broken.specs, 'api-reference/orders/broken.md'), '# Broken\n\n````yaml /openapi.yaml get /x\nopenapi: 3.0.0\n');
    const run = await checkInProcess(['--specs', broken.specs, '--out', repo.out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('fence-unterminated');
    expect(run.stderr).toContain(`generation from ${broken.specs}/ failed`);
  }, 180_000);

  it('regenerates with the options the committed output was made with (--keep-removed, recorded in stats.json)', async () => {
    const kept = smallRepo();
    const dropped = 'dropped/api-reference/orders/amend-order.md';
    mkdirSync(join(kept.specs, dropped, '..'), { recursive: true });
    cpSync(join(ROOT, 'test', 'fixtures', 'check', dropped), join(kept.specs, dropped));
    const pages = PAGES.map((file) => ({ file, url: `https://docs.kalshi.com/${file}`, sha256: sha256(readFileSync(join(kept.specs, file))) }));
    const manifest = { site: 'https://docs.kalshi.com', scrapedAt: '2026-08-22T05:00:00.000Z', pages, dropped: [{ file: dropped, url: 'https://docs.kalshi.com/api-reference/orders/amend-order.md', lastListed: '2026-06-18T00:28:16.066Z' }] };
    writeFileSync(join(kept.specs, 'manifest.json'), JSON.stringify(manifest, null, 2));
    const generated = await generate({ specsDir: kept.specs, outDir: kept.out, keepRemoved: true });
    expect(generated.written, JSON.stringify(generated.diagnostics.filter((d) => d.severity === 'error'))).toBe(true);
    expect(JSON.parse(readFileSync(join(kept.out, 'stats.json'), 'utf8')).options).toEqual({ keepRemoved: true });
    expect(readFileSync(join(kept.out, 'src/trade/client.ts'), 'utf8')).toContain(
      "@deprecated Removed from Kalshi's documentation (last listed 2026-06-18): kept for migration only. Use `amendOrderV2()` instead.",
    );
    // A change of specs/ that changes no page: the check regenerates, keeping the removed operation as committed.
    writeFileSync(join(kept.specs, 'README.md'), 'notes\n');
    const run = await checkInProcess(['--specs', kept.specs, '--out', kept.out]);
    expect(run.stdout).toContain(`  changed  ${kept.out}/stats.json`);
    expect(run.stdout).toContain('are identical');
    expect(run.stdout).not.toContain('operation removed');
  }, 180_000);

  it.each([
    ['its own process', ['--bogus']],
    ['in-process', ['--specs', '/no/such/folder']],
  ])('exits 2 on bad usage (%s): %j', async (how, args) => {
    const run = how === 'in-process' ? await checkInProcess(args) : check(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('usage:');
  });
});
