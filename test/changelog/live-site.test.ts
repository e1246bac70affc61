import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiChangelogs } from '../../generator/changelog/api-changelog.ts';
import { renderText } from '../../generator/changelog/render-text.ts';
import { specsDocuments, type SpecsDocuments } from '../../generator/changelog/specs-documents.ts';
import { ROOT } from '../support/cli.ts';

/**
 * The drift report on real documentation changes between consecutive days of the docs site: complete (every
 * change the pages made), without noise, classified for code written against the older client, and pointing at
 * the line of the newer page that defines what changed.
 */

const SITE = join(ROOT, 'test', 'fixtures', 'live-site');

/** Each day's documents, made once for the file (every day appears in several reports). */
const days = new Map<string, SpecsDocuments>();
function documentsOf(day: string): SpecsDocuments {
  let documents = days.get(day);
  if (!documents) days.set(day, (documents = specsDocuments(join(SITE, day), 'specs/')));
  return documents;
}

function report(from: string, to: string): string {
  const before = documentsOf(from);
  const after = documentsOf(to);
  expect(before.ok && after.ok).toBe(true);
  return renderText(apiChangelogs(before.documents, after.documents), after.pages);
}

/** Every `page.md:N (line M)` of a report names a line of that page (in the newer copy) holding `name:`. */
function expectLinesPointAtDefinitions(text: string, day: string): number {
  let checked = 0;
  let page = '';
  for (const line of text.split('\n')) {
    const heading = /— specs\/(\S+\.md):\d+$/.exec(line);
    if (heading) page = heading[1]!;
    const at = /`([\w.[\]*]+)`.* \(line (\d+)\)$/.exec(line);
    if (!at) continue;
    const name = at[1]!.split('.').pop()!;
    const source = readFileSync(join(SITE, day, page), 'utf8').split('\n')[Number(at[2]) - 1];
    expect(source?.trim(), `${page}:${at[2]} for ${at[1]}`).toBe(`${name}:`);
    checked++;
  }
  return checked;
}

describe('the drift report on real changes of the docs site', () => {
  it('2026-06-30 → 07-01: the version bump, a perps field made optional and nullable, an enum value added to an API key scope', () => {
    const text = report('2026-06-30', '2026-07-01');
    expect(text).toBe(
      [
        'API changes in perps: 2 breaking, 0 warnings, 0 non-breaking',
        '  BREAKING',
        '    schema MarginPosition — specs/margin-rest/portfolio/get-positions.md:98',
        '      - property `margin_used` became optional (line 127)',
        '      - `margin_used` became nullable (line 127)',
        '      used by getMarginPositions()',
        'API changes in trade (3.22.0 → 3.23.0): 0 breaking, 1 warning, 1 non-breaking',
        '  WARNING',
        '    schema ApiKeyScope — specs/api-reference/api-keys/create-api-key.md:138',
        '      - enum value "write::trade" added',
        '      used by getApiKeys()',
        '  NON-BREAKING',
        '    schema ApiKeyScope — specs/api-reference/api-keys/create-api-key.md:138',
        '      - enum value "write::trade" added',
        '      used by 2 operations: createApiKey(), generateApiKey()',
        '',
      ].join('\n'),
    );
    expect(expectLinesPointAtDefinitions(text, '2026-07-01')).toBe(2);
  });

  it('2026-07-05 → 07-07: a request field replaced and made required, a response field removed, a parameter and properties added, a page dropped', () => {
    const text = report('2026-07-05', '2026-07-07');
    expect(text).toBe(
      [
        'API changes in perps: none',
        'API changes in trade: 4 breaking, 0 warnings, 3 non-breaking',
        '  BREAKING',
        '    schema ApplySubaccountPositionTransferRequest — specs/api-reference/portfolio/transfer-position-between-subaccounts.md:105',
        '      - property `price` added as required (line 161)',
        '      - property `price_cents` removed',
        '      used by applySubaccountPositionTransfer()',
        '    schema SubaccountTransfer — specs/api-reference/portfolio/get-subaccount-transfers.md:127',
        '      - property `price_cents` removed',
        '      used by getSubaccountTransfers()',
        '    GET /exchange/announcements (GetExchangeAnnouncements)',
        '      - operation removed',
        '  NON-BREAKING',
        '    schema SubaccountNettingConfig — specs/api-reference/portfolio/get-subaccount-netting.md:96',
        '      - property `exchange_index` added as required (line 109)',
        '      used by getSubaccountNetting()',
        '    schema SubaccountTransfer — specs/api-reference/portfolio/get-subaccount-transfers.md:127',
        '      - property `price` added (line 179)',
        '      used by getSubaccountTransfers()',
        '    GET /portfolio/balance (GetBalance) — specs/api-reference/portfolio/get-balance.md:64',
        '      - query parameter `exchange_index`: added',
        '',
      ].join('\n'),
    );
    expect(expectLinesPointAtDefinitions(text, '2026-07-07')).toBe(3);
  });

  it('the same days in the other direction: what was added is reported removed, and breaking where code would stop compiling', () => {
    const text = report('2026-07-07', '2026-07-05');
    expect(text).toContain('API changes in trade: 5 breaking, 0 warnings, 2 non-breaking');
    expect(text).toContain('      - query parameter `exchange_index`: removed');
    expect(text).toMatch(/BREAKING[\s\S]*schema SubaccountTransfer[\s\S]*property `price` removed[\s\S]*NON-BREAKING/);
    expect(text).toMatch(/NON-BREAKING[\s\S]*GET \/exchange\/announcements \(GetExchangeAnnouncements\)[^\n]*\n {6}- operation added/);
  });
});
