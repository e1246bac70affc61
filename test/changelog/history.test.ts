import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiChangelogs, type ApiChangelog } from '../../generator/changelog/api-changelog.ts';
import { renderMarkdown } from '../../generator/changelog/render-markdown.ts';
import { renderText } from '../../generator/changelog/render-text.ts';
import { specsDocuments, type SpecsDocuments } from '../../generator/changelog/specs-documents.ts';
import type { JsonObject } from '../../generator/openapi/json.ts';
import { ROOT } from '../support/cli.ts';

const FIXTURES = join(ROOT, 'test', 'fixtures');
const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** The document's operations as `METHOD /path/{}` strings, computed here without the changelog's code. */
function operationSet(document: JsonObject | undefined): Set<string> {
  const found = new Set<string>();
  for (const [path, item] of Object.entries((document?.paths ?? {}) as Record<string, Record<string, unknown>>)) {
    for (const method of Object.keys(item)) if (METHODS.has(method)) found.add(`${method.toUpperCase()} ${path.replace(/\{[^}]*\}/g, '{}')}`);
  }
  return found;
}

const minus = (a: Set<string>, b: Set<string>) => [...a].filter((x) => !b.has(x)).sort();

describe('the changelog between the real snapshots 2025-11-15 and 2026-08-22', () => {
  let before: SpecsDocuments;
  let after: SpecsDocuments;
  let changelogs: ApiChangelog[];
  beforeAll(() => {
    before = specsDocuments(join(FIXTURES, 'kalshi-docs-2025-11-15'), 'specs/');
    after = specsDocuments(join(FIXTURES, 'kalshi-docs-2026-08-22'), 'specs/');
    changelogs = apiChangelogs(before.documents, after.documents);
  });

  it('generates both snapshots', () => {
    expect(before.ok && after.ok).toBe(true);
    expect([...before.documents.keys()]).toEqual(['trade']);
    expect([...after.documents.keys()]).toEqual(['perps', 'trade']);
  });

  it.each(['trade', 'perps'])('lists exactly the operations added to and removed from %s', (api) => {
    const changes = changelogs.find((c) => c.api === api)!.changes;
    const listed = (kind: string) =>
      changes.filter((c) => c.kind === kind).map((c) => `${c.operation!.method} ${c.operation!.path.replace(/\{[^}]*\}/g, '{}')}`).sort();
    const old = operationSet(before.documents.get(api));
    const now = operationSet(after.documents.get(api));
    expect(listed('operation-added')).toEqual(minus(now, old));
    expect(listed('operation-removed')).toEqual(minus(old, now));
    expect(listed('operation-added').length).toBeGreaterThan(10);
  });

  it('classifies what a client of the trade API would notice', () => {
    const changes = changelogs.find((c) => c.api === 'trade')!.changes;
    expect(changes.some((c) => c.kind === 'operation-id-renamed' && c.severity === 'breaking')).toBe(true);
    expect(changes.some((c) => c.kind === 'property-removed' && c.side === 'response' && c.severity === 'breaking')).toBe(true);
    expect(changes.some((c) => c.kind === 'enum-value-added' && c.side === 'response' && c.severity === 'warning')).toBe(true);
    expect(changes.some((c) => c.kind === 'property-deprecated' && c.severity === 'warning')).toBe(true);
    expect(changes.some((c) => c.kind === 'server-added')).toBe(true);
    expect(changes.find((c) => c.kind === 'info-version-changed')?.message).toBe('version 0.0.0 → 3.28.0');
    expect(changes.filter((c) => c.severity === 'breaking').length).toBeGreaterThan(0);
  });

  it('names the page of every operation still present and of every changed schema, and renders deterministically', () => {
    for (const { api, changes } of changelogs) {
      for (const change of changes.filter((c) => c.operation && c.kind !== 'operation-removed')) {
        const { method, path } = change.operation!;
        expect(after.pages.operation(api, method, path), `${method} ${path}`).toMatch(/^specs\/(api-reference|margin-rest|typescript-sdk)\/.+\.md:\d+$/);
      }
      for (const change of changes.filter((c) => c.schema)) {
        expect(after.pages.schema(api, change.schema!), change.schema).toMatch(/^specs\/(api-reference|margin-rest)\/.+\.md:\d+$/);
      }
    }
    // One entry per changed schema: ErrorResponse (shared by dozens of operations) is printed once per severity.
    const text = renderText(changelogs, after.pages);
    expect(text.match(/^ {4}schema ErrorResponse /gm)?.length).toBe(1);
    expect(text).toMatch(/^ {6}used by \d{2} operations: .* and \d+ more$/m);
    const again = apiChangelogs(before.documents, after.documents);
    expect(renderText(again, after.pages)).toBe(renderText(changelogs, after.pages));
    expect(renderMarkdown(again, after.pages)).toBe(renderMarkdown(changelogs, after.pages));
  });
});
