import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import { PACKAGE_NAME } from '../../generator/emit/package-files.ts';
import { bump, releaseLevel } from '../../generator/release/semver.ts';
import { releaseSummary } from '../../generator/release/summary.ts';
import { apiChangelogs } from '../../generator/changelog/api-changelog.ts';
import { doc, object, op } from '../changelog/documents.ts';
import { embeddedPage, oneOperation, specsDir } from '../support/pages.ts';

/** Versioned releases: the package version follows the API changelog against the previous release. */

const str = { type: 'string' };
const response = (properties: Record<string, object>) => ({
  operationId: 'GetThing',
  responses: { '200': { description: 'OK', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } } },
  _components: { schemas: { Thing: object(properties, Object.keys(properties)) } },
});

/** A one-page specs folder: `GET /things` returning `Thing` with these properties, Kalshi API `version`. */
function page(properties: Record<string, object>, version: string, description = 'Gets a thing.'): string {
  const { _components, ...operation } = response(properties);
  return embeddedPage(oneOperation('get', '/things', { ...operation, description }, _components, version), { fence: '/openapi.yaml get /things' });
}

describe('semver from the changelog', () => {
  it.each([
    ['4.2.1', 'major', '5.0.0'],
    ['4.2.1', 'minor', '4.3.0'],
    ['4.2.1', 'patch', '4.2.2'],
    ['4.2.1-beta.1', 'patch', '4.2.2'],
    ['not a version', 'minor', '1.0.0'],
  ] as const)('%s + %s → %s', (version, level, expected) => expect(bump(version, level)).toBe(expected));

  it('breaking → major, anything a client can see → minor, text or version only → patch', () => {
    const before = doc({ '/x': { get: op({ response: object({ a: str }) }) } });
    const level = (after: object) => releaseLevel(apiChangelogs(new Map([['trade', before]]), new Map([['trade', after as never]])));
    expect(level(doc({ '/x': { get: op({ response: object({}) }) } }))).toBe('major');
    expect(level(doc({ '/x': { get: op({ response: object({ a: str, b: str }) }) } }))).toBe('minor');
    expect(level(doc({ '/x': { get: op({ response: object({ a: str }), extra: { description: 'New words.' } }) } }))).toBe('patch');
    expect(level({ ...before, info: { title: 'T', version: '9.9.9' } })).toBe('patch');
    expect(level(before)).toBe('patch');
  });
});

describe('make generate releases the package', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'release-')), 'generated');
  const run = async (text: string) => {
    const result = await generate({ specsDir: specsDir({ 'things.md': text }), outDir: out });
    expect(result.ok, JSON.stringify(result.diagnostics.filter((d) => d.severity === 'error'))).toBe(true);
    return {
      result,
      pkg: JSON.parse(readFileSync(join(out, 'package.json'), 'utf8')) as { version: string; kalshiApiVersions: Record<string, string>; files: string[] },
      changelog: readFileSync(join(out, 'CHANGELOG.md'), 'utf8'),
    };
  };
  let first: Awaited<ReturnType<typeof run>>;
  let additive: Awaited<ReturnType<typeof run>>;
  let breaking: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    first = await run(page({ id: str }, '3.27.0'));
    additive = await run(page({ id: str, name: str }, '3.28.0'));
    writeFileSync(join(out, 'README.md'), 'edited by hand\n'); // not a change of the release: the generator rewrites it
    breaking = await run(page({ name: str }, '3.28.0'));
  }, 120_000);

  it('starts at 1.0.0 with the Kalshi API version in its own field and a first CHANGELOG entry, shipped in the package', () => {
    expect(first.pkg.version).toBe('1.0.0');
    expect(first.pkg.kalshiApiVersions).toEqual({ trade: '3.27.0' });
    expect(first.pkg.files).toContain('CHANGELOG.md');
    expect(first.changelog).toBe(`# Changelog\n\n## 1.0.0\n\nFirst release of \`${PACKAGE_NAME}\`. Built from the Kalshi Trade API 3.27.0.\n`);
    expect(first.result.release).toMatchObject({ level: 'first', version: '1.0.0' });
  });

  it('an additive change (a new response field) is a minor release with its changelog section on top', () => {
    expect(additive.pkg.version).toBe('1.1.0');
    expect(additive.pkg.kalshiApiVersions).toEqual({ trade: '3.28.0' });
    expect(additive.result.release).toMatchObject({ level: 'minor', previous: '1.0.0', version: '1.1.0' });
    expect(additive.changelog.startsWith('# Changelog\n\n## 1.1.0\n\nBuilt from the Kalshi Trade API 3.28.0.\n\n### trade (3.27.0 → 3.28.0)\n')).toBe(true);
    expect(additive.changelog).toContain('#### Non-breaking\n\n- schema `Thing`\n  - property `name` added as required\n  - <sub>used by getThing()</sub>\n');
    expect(additive.changelog.indexOf('## 1.0.0')).toBeGreaterThan(additive.changelog.indexOf('## 1.1.0'));
    expect(readFileSync(join(out, 'README.md'), 'utf8')).not.toBe('edited by hand\n');
  });

  it('a breaking change (a response field removed) is a major release', () => {
    expect(breaking.pkg.version).toBe('2.0.0');
    expect(breaking.result.release).toMatchObject({ level: 'major', previous: '1.1.0', version: '2.0.0' });
    expect(breaking.changelog).toMatch(/^# Changelog\n\n## 2\.0\.0\n\nBuilt from the Kalshi Trade API 3\.28\.0\.\n\n### trade\n\n\*\*1 breaking\*\*, 0 warnings, 0 non-breaking\.\n\n#### Breaking\n\n- schema `Thing`\n {2}- property `id` removed\n/);
    expect([...breaking.changelog.matchAll(/^## (\S+)$/gm)].map((m) => m[1])).toEqual(['2.0.0', '1.1.0', '1.0.0']);
  });

  it('make generate ends with a short summary: counts, the first entries, the version', () => {
    expect(releaseSummary(breaking.result.release!, PACKAGE_NAME, 'generated')).toBe(
      [
        'API changes since the previous release: 1 breaking, 0 warnings, 0 non-breaking',
        '  breaking     trade: schema Thing: property `id` removed',
        `${PACKAGE_NAME} 1.1.0 → 2.0.0 (major)`,
        '',
      ].join('\n'),
    );
  });

  it('regenerating the same specs is not a release: same version, same bytes', async () => {
    const before = readFileSync(join(out, 'CHANGELOG.md'), 'utf8');
    const again = await generate({ specsDir: specsDir({ 'things.md': page({ name: str }, '3.28.0') }), outDir: out, force: true });
    expect(again.release).toMatchObject({ level: 'unchanged', version: '2.0.0' });
    expect(again.written).toBe(false);
    expect(readFileSync(join(out, 'CHANGELOG.md'), 'utf8')).toBe(before);
  }, 60_000);
});
