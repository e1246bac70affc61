import { describe, expect, it } from 'vitest';
import { normaliseDate, readPageMeta } from '../../generator/ingest/page-meta.ts';

describe('readPageMeta', () => {
  it('reads front matter, title and the summary under the title', () => {
    const text = '---\nurl: https://docs.kalshi.com/a/b\nlastmod: 2025-11-15T22:33:04.158Z\n---\n> ## Documentation Index\n> banner\n\n# Get Orders\n\n> Lists orders.\n> More.\n';
    expect(readPageMeta(text).meta).toEqual({
      url: 'https://docs.kalshi.com/a/b',
      date: '2025-11-15T22:33:04.158Z',
      title: 'Get Orders',
      description: 'Lists orders. More.',
    });
  });

  it('reads scraped_at without a zone as UTC, and front-matter title and description', () => {
    const text = "---\nurl: https://x/y\ntitle: Get Order - API Documentation\ndescription:  Gets one.\nscraped_at: 2025-11-03T14:46:28.871190\n---\n";
    expect(readPageMeta(text).meta).toEqual({
      url: 'https://x/y',
      title: 'Get Order - API Documentation',
      description: 'Gets one.',
      date: '2025-11-03T14:46:28.871Z',
    });
  });

  it('reads Source and Downloaded comments and # Source lines', () => {
    expect(readPageMeta('<!-- Source: https://a/b -->\n<!-- Downloaded: 2026-02-01 -->\n# T\n').meta).toMatchObject({
      url: 'https://a/b',
      date: '2026-02-01T00:00:00.000Z',
      title: 'T',
    });
    expect(readPageMeta('# Source: https://dev.writer.com/x.md\n\n# List users\n').meta).toMatchObject({
      url: 'https://dev.writer.com/x.md',
      title: 'List users',
    });
  });

  it('keeps the newest of several dates and ignores unparseable ones', () => {
    const text = '---\nlastmod: 2025-01-01T00:00:00Z\nscraped_at: 2025-06-01T00:00:00Z\n---\n';
    expect(readPageMeta(text).meta.date).toBe('2025-06-01T00:00:00.000Z');
    expect(normaliseDate('not a date')).toBeUndefined();
  });
});
