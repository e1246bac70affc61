import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyBaseline, baselineJson, BASELINE_FILE, readBaseline } from '../../generator/diagnostics/baseline.ts';
import type { Diagnostic } from '../../generator/diagnostics/diagnostic.ts';
import { formatReport } from '../../generator/diagnostics/report.ts';
import { generate } from '../../generator/index.ts';
import { main as generatorMain } from '../../generator/cli.ts';
import { runInProcess } from '../support/cli.ts';
import { embeddedPage, oneOperation, specsDir } from '../support/pages.ts';

const warning = (code: string, file: string, message: string, line = 1): Diagnostic => ({ code, severity: 'warning', message, source: { file, line } });

describe('the findings baseline', () => {
  const a = warning('sdk-disagrees', 'typescript-sdk/api/PortfolioApi.md', 'GET /portfolio/balance: the spec has parameters the SDK lacks', 93);
  const b = warning('pagination-unclassified', 'openapi/trade.json', 'GET /portfolio/positions takes a cursor');

  it('marks the warnings it lists as known, whatever their line, and lists entries nothing matches as stale', () => {
    const baseline = JSON.parse(baselineJson([{ ...a, source: { file: a.source!.file, line: 7 } }, warning('gone', 'x.md', 'fixed since')])).findings;
    const { diagnostics, stale } = applyBaseline([a, b], baseline);
    expect(diagnostics.map((d) => d.known === true)).toEqual([true, false]);
    expect(stale).toEqual([{ code: 'gone', file: 'x.md', message: 'fixed since' }]);
    expect(formatReport(diagnostics)).toBe(
      ['warning pagination-unclassified (1)', '  openapi/trade.json:1  GET /portfolio/positions takes a cursor', '0 error(s), 1 new warning(s) and 1 known (in the findings baseline, not listed), 0 info'].join('\n'),
    );
    expect(formatReport(diagnostics, { verbose: true })).toContain('(known) GET /portfolio/balance');
  });

  it('a changed message is a new finding; each entry covers one finding; errors and info are never baselined', () => {
    const entry = { code: a.code, file: a.source!.file, message: a.message };
    const changed = { ...a, message: `${a.message}: query:exchange_index` };
    expect(applyBaseline([changed], [entry]).diagnostics[0]!.known).toBeUndefined();
    expect(applyBaseline([a, a], [entry]).diagnostics.map((d) => d.known === true)).toEqual([true, false]);
    expect(applyBaseline([{ ...a, severity: 'error' }], [entry]).diagnostics[0]!.known).toBeUndefined();
    expect(JSON.parse(baselineJson([{ ...a, severity: 'info' }, { ...a, severity: 'error' }])).findings).toEqual([]);
  });

  it('refuses an unreadable baseline file with a message saying how to fix it', () => {
    const dir = specsDir({ [BASELINE_FILE]: '{ not json' });
    expect(() => readBaseline(dir)).toThrow(/known-findings\.json is not valid JSON .*make baseline/);
  });

  it('--write-baseline records the warnings; then --strict passes, and fails only on a new warning, listing only it', async () => {
    const specs = specsDir({ 'a.md': embeddedPage(oneOperation('get', '/a', { operationId: 'GetA' })), 'extra.md': '# Nothing usable here\n' });
    const out = join(mkdtempSync(join(tmpdir(), 'baseline-')), 'generated');
    const strict = () => generate({ specsDir: specs, outDir: out, strict: true, documentsOnly: true });
    expect((await strict()).ok).toBe(false);
    const recorded = await runInProcess(generatorMain, ['--specs', specs, '--out', out, '--dry-run', '--write-baseline']);
    expect(recorded.stderr).toMatch(/recorded 1 warning\(s\) as known in .*known-findings\.json/);
    expect(JSON.parse(readFileSync(join(specs, BASELINE_FILE), 'utf8')).findings).toEqual([
      { code: 'page-without-openapi', file: 'extra.md', message: 'page has no OpenAPI block, cURL example or SDK table; skipped' },
    ]);
    const passing = await strict();
    expect(passing.ok).toBe(true);
    expect(passing.diagnostics.filter((d) => d.known).map((d) => d.source?.file)).toEqual(['extra.md']);
    writeFileSync(join(specs, 'another.md'), '# Nothing here either\n');
    const failing = await strict();
    expect(failing.ok).toBe(false);
    const report = formatReport(failing.diagnostics);
    expect(report).toContain('  another.md  page has no OpenAPI block');
    expect(report).not.toContain('  extra.md  page has no OpenAPI block');
    expect(report).toContain('0 error(s), 1 new warning(s) and 1 known');
  }, 120_000);
});
