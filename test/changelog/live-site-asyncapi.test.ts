import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiChangelogs } from '../../generator/changelog/api-changelog.ts';
import { renderText } from '../../generator/changelog/render-text.ts';
import { specsDocuments, type SpecsDocuments } from '../../generator/changelog/specs-documents.ts';
import { ROOT } from '../support/cli.ts';

/**
 * The drift report on a real change of the WebSocket pages between two days of the docs site: on 2026-07-07 the
 * market lifecycle messages' `price_level_structure` gained seven values. Read from the whole document and its
 * pages, and from the pages alone (the perps API has only pages): the same change, classified for code reading
 * those messages, pointing at the newer page's line that defines the field.
 */

const SITE = join(ROOT, 'test', 'fixtures', 'live-site');
const ADDED = '"center_half_edge_deci_cent", "center_half_edge_half_cent", "center_half_edge_quint_cent", "center_quint_edge_deci_cent", "center_quint_edge_quint_cent", "center_whole_edge_half_cent", "center_whole_edge_quint_cent"';

/** A specs folder with the day's WebSocket pages (and, unless `pagesOnly`, its asyncapi.yaml): the REST pages are left out. */
function webSocketPages(day: string, pagesOnly = false): string {
  const dir = mkdtempSync(join(tmpdir(), `ws-${day}-`));
  for (const part of ['websockets', 'margin-ws', ...(pagesOnly ? [] : ['asyncapi.yaml'])]) cpSync(join(SITE, day, part), join(dir, part), { recursive: true });
  return dir;
}

function report(before: SpecsDocuments, after: SpecsDocuments): string {
  expect(before.ok && after.ok).toBe(true);
  return renderText(apiChangelogs(before.documents, after.documents, { before: before.streams, after: after.streams }), after.pages);
}

/** Every `(line N)` of a report names a line of the entry's page (in the newer copy) holding the field. */
function expectLinesPointAtFields(text: string, dir: string): number {
  let checked = 0;
  let page = '';
  for (const line of text.split('\n')) {
    const heading = /— specs\/(\S+):\d+$/.exec(line);
    if (heading) page = heading[1]!;
    const at = /`([\w.[\]*]+)`.* \(line (\d+)\)$/.exec(line);
    if (!at) continue;
    const source = readFileSync(join(dir, page), 'utf8').split('\n')[Number(at[2]) - 1];
    expect(source?.trim(), `${page}:${at[2]}`).toBe(`${at[1]!.split('.').pop()}:`);
    checked++;
  }
  return checked;
}

describe('the drift report on a real change of the WebSocket pages (2026-07-05 → 07-07)', () => {
  let days: Record<'before' | 'after' | 'beforePages' | 'afterPages', string>;
  let docs: Record<keyof typeof days, SpecsDocuments>;
  beforeAll(() => {
    days = { before: webSocketPages('2026-07-05'), after: webSocketPages('2026-07-07'), beforePages: webSocketPages('2026-07-05', true), afterPages: webSocketPages('2026-07-07', true) };
    docs = Object.fromEntries(Object.entries(days).map(([k, dir]) => [k, specsDocuments(dir, 'specs/')])) as typeof docs;
  }, 60_000);

  it('from asyncapi.yaml and the pages: the new values of a response field, a warning for code switching over it', () => {
    const text = report(docs.before, docs.after);
    expect(text).toBe(
      [
        'API changes in perps: none',
        'API changes in trade: 0 breaking, 2 warnings, 0 non-breaking',
        '  WARNING',
        '    message marketLifecycleV2 — specs/asyncapi.yaml:1428',
        `      - \`msg.price_level_structure\`: enum values ${ADDED} added (line 2606)`,
        '    message multivariateMarketLifecycle — specs/asyncapi.yaml:1493',
        `      - \`msg.price_level_structure\`: enum values ${ADDED} added`,
        '',
      ].join('\n'),
    );
    expect(expectLinesPointAtFields(text, days.after)).toBe(1);
  });

  it('from the derived pages alone: the same change, at the lines of the newer pages', () => {
    const text = report(docs.beforePages, docs.afterPages);
    expect(text).toBe(
      [
        'API changes in perps: none',
        'API changes in trade: 0 breaking, 2 warnings, 0 non-breaking',
        '  WARNING',
        '    message marketLifecycleV2 — specs/websockets/market-and-event-lifecycle.md:59',
        `      - \`msg.price_level_structure\`: enum values ${ADDED} added (line 411)`,
        '    message multivariateMarketLifecycle — specs/websockets/multivariate-market-and-event-lifecycle.md:64',
        `      - \`msg.price_level_structure\`: enum values ${ADDED} added`,
        '',
      ].join('\n'),
    );
    expect(expectLinesPointAtFields(text, days.afterPages)).toBe(1);
  });

  it('the other way round the values are removed: breaking, since comparisons with them stop compiling', () => {
    const text = report(docs.after, docs.before);
    expect(text).toContain('API changes in trade: 2 breaking, 0 warnings, 0 non-breaking');
    expect(text).toContain(`      - \`msg.price_level_structure\`: enum values ${ADDED} removed`);
  });

  it('each day gives one AsyncAPI document per API, the same whether or not the REST pages are beside it', () => {
    expect([...docs.after.streams.keys()]).toEqual(['perps', 'trade']);
    const full = specsDocuments(join(SITE, '2026-07-07'), 'specs/');
    expect(JSON.stringify(full.streams.get('trade'))).toBe(JSON.stringify(docs.after.streams.get('trade')));
    expect(JSON.stringify(full.streams.get('perps'))).toBe(JSON.stringify(docs.after.streams.get('perps')));
  }, 60_000);
});
