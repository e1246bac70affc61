import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readReport, runCli, type CliRun } from '../support/cli.ts';
import { embeddedPage, oneOperation, specsDir } from '../support/pages.ts';
import { channelPage, derivedChannel } from '../support/asyncapi-pages.ts';

/**
 * Hostile WebSocket pages through the CLI, once: each ends in its own named error at its own file and line, never
 * an internal error, and nothing is written.
 */

const wsPage = (body: string) => `# Channel\n\n\`\`\`\`yaml asyncapi.yaml ticker\n${body}\n\`\`\`\`\n`;

/** file → [the error it must produce, the page, the line it must point at]. */
const ERRORS: Record<string, [string, string, number]> = {
  'asyncapi.yaml': ['asyncapi-version-unsupported', 'info:\n  title: Old\n  version: "1"\nasyncapi: 2.6.0\nchannels: {}\n', 4],
  'perps_asyncapi.yaml': ['asyncapi-document-invalid', '- a list\n- not a document\n', 1],
  'websockets/malformed.md': ['yaml-malformed', wsPage('id: ticker\noperations: [unclosed'), 5],
  'websockets/no-id.md': ['asyncapi-channel-invalid', wsPage('title: Ticker\noperations: []'), 4],
  'websockets/proto.md': ['name-reserved', wsPage('id: ticker\noperations:\n  - id: op\n    type: send\n    messages:\n      - id: m\n        jsonPayloadSchema:\n          properties:\n            __proto__:\n              type: string'), 12],
};

describe('a folder of hostile WebSocket pages', () => {
  let run: CliRun;
  let report: ReturnType<typeof readReport>;
  let out: string;
  beforeAll(() => {
    const specs = specsDir({
      'good.md': embeddedPage(oneOperation('get', '/good', { operationId: 'GetGood' })),
      'websockets/good.md': channelPage(derivedChannel('trade', [])),
    });
    for (const [file, [, text]] of Object.entries(ERRORS)) {
      mkdirSync(dirname(join(specs, file)), { recursive: true });
      writeFileSync(join(specs, file), text);
    }
    out = join(mkdtempSync(join(tmpdir(), 'hostile-ws-')), 'generated');
    run = runCli(['--specs', specs, '--out', out, '--report', join(out, '..', 'report.json')]);
    report = readReport(join(out, '..', 'report.json'));
  }, 120_000);

  it('exits 1 with the diagnostics, never an internal error, writing nothing', () => {
    expect(run.status).toBe(1);
    expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(() => readFileSync(join(out, 'stats.json'))).toThrow();
  });

  it.each(Object.entries(ERRORS).map(([file, [code, , line]]) => [file, code, line] as const))('%s: %s at line %i', (file, code, line) => {
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ code, severity: 'error', source: { file, line } }));
    expect(run.stderr).toContain(code);
  });
});
