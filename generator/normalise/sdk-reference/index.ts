import type { Diagnostics } from '../../diagnostics/diagnostic.ts';
import type { Page } from '../../ingest/page.ts';
import { apiOfPage } from '../api-name.ts';
import type { PageFragment, SourcedValue } from '../fragment.ts';
import { KALSHI_SCHEMES } from './authorization.ts';
import { pageLines } from './markdown.ts';
import { type MethodSection, readMethodSections } from './method-section.ts';
import { type MethodRow, readMethodTable } from './method-table.ts';
import { buildOperation } from './operation.ts';
import { apiClassName, readServerUrl, tagOf } from './page-info.ts';

/**
 * Normalises one page of the official `kalshi-typescript` SDK reference (`typescript-sdk/api/*Api.md`):
 * one operation per row of its method table, completed from the method's `# **name**` section.
 * Problems are reported as `sdk-reference-*` warnings; returns undefined only for a page without a
 * method table. Never throws.
 */
export function normaliseSdkReference(page: Page, diagnostics: Diagnostics): PageFragment | undefined {
  try {
    return normalise(page, diagnostics);
  } catch (error) {
    diagnostics.warn(
      'sdk-reference-unusable',
      `the page could not be read (${error instanceof Error ? error.message : String(error)}); skipped`,
      { file: page.file, line: 1 },
    );
    return undefined;
  }
}

function normalise(page: Page, diagnostics: Diagnostics): PageFragment | undefined {
  const file = page.file;
  const lines = pageLines(page.text ?? '');
  const rows = readMethodTable(lines, file, diagnostics);
  if (!rows) {
    diagnostics.warn(
      'sdk-reference-unusable',
      'the page has no | Method | HTTP request | Description | table; skipped',
      { file, line: 1 },
    );
    return undefined;
  }
  const server = readServerUrl(lines);
  if (!server)
    diagnostics.warn(
      'sdk-reference-no-server',
      'the page has no "All URIs are relative to" line; no server is recorded',
      { file, line: 1 },
    );
  const className = apiClassName(page);
  if (!className)
    diagnostics.warn(
      'sdk-reference-no-tag',
      'cannot tell the SDK class of the page from its file name, URL or title; operations are untagged',
      { file, line: 1 },
    );
  const tag = className ? tagOf(className) : undefined;
  const sections = readMethodSections(lines, new Set(rows.map((r) => r.sdkMethod)));

  const fragment: PageFragment = {
    page: { file, kind: 'sdk-reference', ...(page.meta.date ? { date: page.meta.date } : {}) },
    api: apiOfPage(page, undefined, server?.url),
    operations: [],
    components: {},
  };
  if (server) fragment.servers = [{ url: server.url }];
  if (tag) fragment.tags = [{ name: tag }];

  const used = new Set<MethodSection>();
  const seen = new Map<string, number>();
  let signedAt: number | undefined;
  for (const row of rows) {
    const section = sectionOf(row, sections);
    if (section) used.add(section);
    else
      diagnostics.warn(
        'sdk-reference-section-missing',
        `${row.sdkMethod} has no "# **${row.sdkMethod}**" section; only the table row is used`,
        { file, line: row.line },
      );
    const key = `${row.method.toUpperCase()} ${row.path}`;
    const first = seen.get(key);
    if (first !== undefined) {
      diagnostics.warn(
        'sdk-reference-duplicate-operation',
        `${key} is listed again (first on line ${first})`,
        { file, line: row.line },
        { related: [{ file, line: first }] },
      );
    } else seen.set(key, row.line);
    const { fragment: operation, authorization } = buildOperation(row, section, tag, file, diagnostics);
    fragment.operations.push(operation);
    if (authorization && authorization.sdkSchemes.length > 0) signedAt ??= authorization.line;
  }
  for (const section of sections) {
    if (!used.has(section)) {
      diagnostics.warn(
        'sdk-reference-section-without-row',
        `section ${section.name} is not listed in the method table; it is ignored`,
        { file, line: section.line },
      );
    }
  }
  if (signedAt !== undefined) {
    const schemes: Record<string, SourcedValue> = {};
    for (const { name, scheme } of KALSHI_SCHEMES)
      schemes[name] = { value: { ...scheme }, source: { file, line: signedAt } };
    fragment.components.securitySchemes = schemes;
  }
  return fragment;
}

/** The section of a row: same name, else the row's anchor, else the same name ignoring case. */
function sectionOf(row: MethodRow, sections: readonly MethodSection[]): MethodSection | undefined {
  return (
    sections.find((s) => s.name === row.sdkMethod) ??
    (row.anchor ? sections.find((s) => s.name.toLowerCase() === row.anchor!.toLowerCase()) : undefined) ??
    sections.find((s) => s.name.toLowerCase() === row.sdkMethod.toLowerCase())
  );
}
