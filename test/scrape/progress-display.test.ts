import { describe, expect, it } from 'vitest';
import { progressDisplay, summaryText } from '../../generator/scrape/progress-display.ts';
import type { ScrapeEvent } from '../../generator/scrape/index.ts';

function capture(isTTY: boolean) {
  const chunks: string[] = [];
  const stream = { isTTY, columns: 60, write: (chunk: string) => (chunks.push(chunk), true) } as unknown as NodeJS.WritableStream;
  return { stream, chunks };
}

const EVENTS: ScrapeEvent[] = [
  { type: 'index', url: 'https://docs.kalshi.com/llms.txt', pages: 12 },
  { type: 'retry', file: 'api-reference/a.md', attempt: 1, reason: 'HTTP 503', delayMs: 500 },
  { type: 'page', file: 'api-reference/a.md', outcome: 'downloaded', done: 1, total: 12 },
  { type: 'page', file: 'api-reference/b.md', outcome: 'failed', error: 'HTTP 404', done: 2, total: 12 },
];

describe('the scrape progress display', () => {
  it('rewrites one line in place on a terminal and ends it with a newline', () => {
    const { stream, chunks } = capture(true);
    const display = progressDisplay(stream);
    EVENTS.forEach(display.onEvent);
    display.finish();
    expect(chunks[0]).toBe('index https://docs.kalshi.com/llms.txt: 12 API pages\n');
    expect(chunks.slice(1, -1).every((c) => c.startsWith('\r\x1b[2K') && !c.includes('\n') && c.length <= 6 + 59)).toBe(true);
    expect(chunks.at(-2)).toBe('\r\x1b[2K[ 2/12] failed     api-reference/b.md: HTTP 404');
    expect(chunks.at(-1)).toBe('\n');
  });

  it('writes plain lines elsewhere', () => {
    const { stream, chunks } = capture(false);
    const display = progressDisplay(stream);
    EVENTS.forEach(display.onEvent);
    display.finish();
    expect(chunks.join('')).toBe(
      [
        'index https://docs.kalshi.com/llms.txt: 12 API pages',
        'retry api-reference/a.md in 500 ms (HTTP 503, attempt 1)',
        '[ 1/12] downloaded api-reference/a.md',
        '[ 2/12] failed     api-reference/b.md: HTTP 404',
        '',
      ].join('\n'),
    );
  });

  const RESULT = { ok: true, written: true, partial: false, added: ['a.md'], changed: [], unchanged: ['b.md', 'c.md'], dropped: ['d.md'], relisted: [], failed: [] };

  it('summarises what changed', () => {
    expect(summaryText(RESULT, 'specs')).toBe(
      [
        'scrape: 1 added, 0 changed, 2 unchanged, 1 dropped, 0 listed again, 0 failed',
        '  added    specs/a.md',
        '  dropped  specs/d.md → specs/dropped/d.md (no longer listed by the site)',
        'specs/ updated',
        '',
      ].join('\n'),
    );
  });

  it('says a failed scrape changed nothing, and a partial one loudly', () => {
    const failed = [{ file: 'e.md', error: 'HTTP 404' }];
    expect(summaryText({ ...RESULT, ok: false, written: false, added: [], dropped: [], failed }, 'specs')).toBe(
      [
        'scrape failed: 1 page(s) could not be downloaded; specs/ left untouched',
        '  failed   e.md: HTTP 404',
        'run make scrape again, or pass --allow-partial to update the other pages anyway',
        '',
      ].join('\n'),
    );
    const partial = summaryText({ ...RESULT, ok: false, partial: true, failed }, 'specs');
    expect(partial).toContain('WARNING: PARTIAL SCRAPE (--allow-partial): 1 page(s) failed; their old copies were kept');
    expect(partial).toContain('Do not publish this specs/ as a release.');
  });
});
