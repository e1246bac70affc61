import { describe, expect, it } from 'vitest';
import { NO_PAGES } from '../../generator/changelog/pages.ts';
import { driftReport } from '../../generator/check/drift-report.ts';
import { doc, object, op } from '../changelog/documents.ts';

const LABELS = { specs: 'specs', out: 'generated' };
const BEFORE = doc({ '/x': { get: op({ response: object({ a: { type: 'string' }, b: { type: 'string' } }) }) } });
const AFTER = doc({ '/x': { get: op({ response: object({ a: { type: 'string' } }) }) } });
const FILES = [
  { file: 'openapi/trade.json', change: 'changed' as const },
  { file: 'src/trade/extra.ts', change: 'added' as const },
];

describe('the drift report of make check', () => {
  it('lists the differing files, then the changelog, then what to do', () => {
    const release = { previous: '4.0.0', version: '5.0.0', level: 'major' as const, changelogs: [] };
    const report = driftReport(LABELS, FILES, new Map([['trade', BEFORE]]), new Map([['trade', AFTER]]), NO_PAGES, release);
    expect(report.text).toBe(
      [
        'generated/ has drifted from specs/ (2 file(s)):',
        '  changed  generated/openapi/trade.json',
        '  added    generated/src/trade/extra.ts',
        '',
        'Changes from the committed generated/openapi/ to what specs/ gives now:',
        '',
        'API changes in trade: 1 breaking, 0 warnings, 0 non-breaking',
        '  BREAKING',
        '    GET /x (GetThing)',
        '      - response 200: property `b` removed',
        '',
        "run 'make generate' (4.0.0 → 5.0.0, major) and commit generated/",
        '',
      ].join('\n'),
    );
    expect(report.markdown).toContain('# API drift: specs/ vs committed generated/');
    expect(report.markdown).toContain('- changed `generated/openapi/trade.json`');
  });

  it('says when only the package differs, when only the text of a document differs, and when the committed documents cannot be read', () => {
    const same = driftReport(LABELS, FILES.slice(1), new Map([['trade', AFTER]]), new Map([['trade', AFTER]]), NO_PAGES);
    expect(same.text).toContain("The merged documents (generated/openapi/) are identical: the 1 differing file(s) are the generated package's");
    const paths = AFTER.paths as Record<string, Record<string, object>>;
    const described = { ...AFTER, paths: { '/x': { get: { ...paths['/x']!['get'], description: 'Now documented.' } } } };
    const text = driftReport(LABELS, FILES, new Map([['trade', AFTER]]), new Map([['trade', described as never]]), NO_PAGES);
    expect(text.text).not.toContain('identical');
    expect(text.text).toContain('      - `description` added');
    const unreadable = driftReport(LABELS, FILES, { error: 'generated/openapi/trade.json is not valid JSON' }, new Map([['trade', AFTER]]), NO_PAGES);
    expect(unreadable.text).toContain('No API changelog: generated/openapi/trade.json is not valid JSON');
    expect(unreadable.changelogs).toEqual([]);
  });
});
