import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../generator/diagnostics/diagnostic.ts';
import { ingest } from '../../generator/ingest/index.ts';
import { isAsyncApiDocumentFile, isPageFile } from '../../generator/specs-folder/pages.ts';
import { sha256 } from '../../generator/specs-folder/manifest.ts';
import { specsDir } from '../support/pages.ts';
import { channelPage, derivedChannel } from '../support/asyncapi-pages.ts';

const DOCUMENT = '---\nasyncapi: 3.0.0\ninfo:\n  title: WS\n  version: 2.0.0\nchannels: {}\n';

describe('AsyncAPI documents in a specs folder', () => {
  it.each([
    ['asyncapi.yaml', true],
    ['perps_asyncapi.yml', true],
    ['old/asyncapi.yaml', true],
    ['openapi.yaml', false],
    ['asyncapi.yaml.bak', false],
    ['notes.md', true],
  ])('%s is a page: %s', (file, page) => {
    expect(isPageFile(file)).toBe(page);
    expect(isAsyncApiDocumentFile(file)).toBe(page && file.includes('asyncapi'));
  });

  it('are read as one block from line 1 (a leading `---` is the YAML document marker, not front matter) and, listed undated, take the scrape date', () => {
    const channel = channelPage(derivedChannel('ticker', []));
    const manifest = {
      site: 'https://docs.kalshi.com',
      scrapedAt: '2026-08-22T10:00:00.000Z',
      pages: [
        { file: 'asyncapi.yaml', url: 'https://docs.kalshi.com/asyncapi.yaml', sha256: sha256(DOCUMENT) },
        { file: 'websockets/ticker.md', url: 'https://docs.kalshi.com/websockets/ticker.md', lastmod: '2026-05-06T00:00:00.000Z', sha256: sha256(channel) },
      ],
      dropped: [],
    };
    const dir = specsDir({ 'asyncapi.yaml': DOCUMENT, 'websockets/ticker.md': channel, 'manifest.json': JSON.stringify(manifest) });
    const diagnostics = new Diagnostics();
    const pages = ingest(dir, diagnostics);
    expect(diagnostics.sorted()).toEqual([]);
    const document = pages.find((p) => p.file === 'asyncapi.yaml')!;
    expect(document.kind).toBe('asyncapi-document');
    expect(document.blocks[0]!.yaml.lineOf(['info', 'version'])).toBe(5);
    expect(document.meta.date).toBe('2026-08-22T10:00:00.000Z');
    expect(document.listing).toEqual({ listed: true });
    expect(pages.find((p) => p.file === 'websockets/ticker.md')).toMatchObject({ kind: 'asyncapi', meta: { date: '2026-05-06T00:00:00.000Z' } });
  });

  it('without a manifest carry no date; malformed YAML is reported at its line of the file', () => {
    const dir = specsDir({ 'asyncapi.yaml': 'asyncapi: 3.0.0\ninfo:\n  title: [unclosed\n' });
    const diagnostics = new Diagnostics();
    expect(ingest(dir, diagnostics)).toEqual([]);
    expect(diagnostics.sorted()).toEqual([expect.objectContaining({ code: 'yaml-malformed', severity: 'error', source: { file: 'asyncapi.yaml', line: 4 } })]);
  });
});
