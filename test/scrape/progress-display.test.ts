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
  { type: 'page', file: 'api-reference/a.md', outcome: 'changed', done: 1, total: 12 },
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
    expect(chunks.at(-2)).toBe('\r\x1b[2K[ 2/12] failed    api-reference/b.md: HTTP 404');
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
        '[ 1/12] changed   api-reference/a.md',
        '[ 2/12] failed    api-reference/b.md: HTTP 404',
        '',
      ].join('\n'),
    );
  });

  it('summarises what changed', () => {
    const text = summaryText(
      { ok: false, added: ['a.md'], changed: [], unchanged: ['b.md', 'c.md'], removed: ['d.md'], failed: [{ file: 'e.md', error: 'HTTP 404' }] },
      'specs',
    );
    expect(text).toBe(
      [
        'scrape: 1 added, 0 changed, 2 unchanged, 1 removed, 1 failed',
        '  added    specs/a.md',
        '  removed  specs/d.md',
        '  failed   specs/e.md: HTTP 404 (old copy kept)',
        '',
      ].join('\n'),
    );
  });
});
