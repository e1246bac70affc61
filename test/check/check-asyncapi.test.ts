import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import { main as checkMain } from '../../generator/check/cli.ts';
import { ROOT, runInProcess } from '../support/cli.ts';

const REST = ['api-reference/orders/get-order.md'];
const WEBSOCKETS = ['websockets/orderbook-updates.md', 'websockets/market-and-event-lifecycle.md', 'websockets/websocket-connection.md'];
const SITE = join(ROOT, 'test', 'fixtures', 'live-site');
// In-process (check-cli.test.ts runs the CLI as its own process): same code, the loaded generator reused.
const check = (args: string[]) => runInProcess(checkMain, args);

/** A REST page and three WebSocket pages of 2026-07-05, with their generated/ folder. */
function repo(): { specs: string; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'check-ws-'));
  const specs = join(dir, 'specs');
  for (const page of REST) {
    mkdirSync(join(specs, page, '..'), { recursive: true });
    cpSync(join(ROOT, 'test', 'fixtures', 'check', page), join(specs, page));
  }
  for (const page of WEBSOCKETS) {
    mkdirSync(join(specs, page, '..'), { recursive: true });
    cpSync(join(SITE, '2026-07-05', page), join(specs, page));
  }
  return { specs, out: join(dir, 'generated') };
}

describe('make check with WebSocket pages', () => {
  let committed: { specs: string; out: string };
  beforeAll(async () => {
    committed = repo();
    const result = await generate({ specsDir: committed.specs, outDir: committed.out });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.written).toBe(true);
  }, 180_000);

  it('commits the AsyncAPI document and the generated channel map beside the OpenAPI document', () => {
    const document = JSON.parse(readFileSync(join(committed.out, 'asyncapi/trade.json'), 'utf8')) as { asyncapi: string; channels: object };
    expect(document.asyncapi).toBe('3.0.0');
    expect(Object.keys(document.channels)).toEqual(['market_lifecycle_v2', 'orderbook_delta', 'root']);
    const map = readFileSync(join(committed.out, 'src/runtime/ws/trade-channels.ts'), 'utf8');
    expect(map).toContain('export type TradeChannels = {');
    expect(map).toMatch(/market_lifecycle_v2: \{\n {4}params: SubscribeParams;\n {4}message: EventFeeUpdateMessage \| EventLifecycleMessage \| MarketLifecycleV2Message;/);
    const pkg = JSON.parse(readFileSync(join(committed.out, 'package.json'), 'utf8'));
    expect(pkg.exports['./ws']).toEqual({ types: './dist/ws.d.ts', default: './dist/ws.js' });
    expect(pkg.exports['./asyncapi/trade.json']).toBe('./asyncapi/trade.json');
    expect(pkg.files).toContain('asyncapi');
    // No perps pages here at all: no perps real-time entry.
    expect(pkg.exports['./perps/ws']).toBeUndefined();
  });

  it('exits 1 when a WebSocket page changed, listing the files and the message change with its page and line', async () => {
    const changed = repo();
    cpSync(committed.out, changed.out, { recursive: true });
    cpSync(join(SITE, '2026-07-07', WEBSOCKETS[1]!), join(changed.specs, WEBSOCKETS[1]!));
    const run = await check(['--specs', changed.specs, '--out', changed.out]);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toContain(`  changed  ${changed.out}/asyncapi/trade.json`);
    expect(run.stdout).toContain(`  changed  ${changed.out}/src/runtime/ws/trade-channels.ts`);
    expect(run.stdout).toContain(`Changes from the committed ${changed.out}/openapi/ and ${changed.out}/asyncapi/ to what ${changed.specs}/ gives now:`);
    expect(run.stdout).toContain('API changes in trade: 0 breaking, 1 warning, 0 non-breaking');
    expect(run.stdout).toMatch(
      new RegExp(`^ {4}message marketLifecycleV2 — ${changed.specs.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/websockets/market-and-event-lifecycle\\.md:59\\n {6}- \`msg\\.price_level_structure\`: enum values .* added \\(line 411\\)$`, 'm'),
    );
    expect(run.stdout).toContain("run 'make generate' (1.0.0 → 1.1.0, minor) and commit");
  }, 180_000);
});
