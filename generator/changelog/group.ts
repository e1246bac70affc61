import { compareText } from '../diagnostics/diagnostic.ts';
import { wrapperName } from '../emit/identifiers.ts';
import { SEVERITIES, type Change, type OperationRef, type Severity } from './change.ts';
import type { PageIndex } from './pages.ts';

/**
 * One entry of a printed changelog, for one severity: the changes of one component schema (made once in its
 * definition, seen through every operation using it), of one operation, or of the document as a whole. Each
 * line is one distinct change.
 */
export type EntrySubject = { kind: 'document' } | { kind: 'schema'; name: string } | { kind: 'operation'; operation: OperationRef };

export interface ChangeEntry {
  subject: EntrySubject;
  /** `page:line` where the newer pages define it, when known. */
  page?: string;
  lines: string[];
  /** For a schema: the wrappers (from operationIds) the change reaches users through, sorted. */
  usedBy?: string[];
}

/** Changes shown in the header rather than as entries. */
export const HEADER_KINDS = new Set(['info-version-changed']);

/**
 * Groups an API's changes of one severity: the document's first, then one entry per component schema (sorted),
 * then one per operation (in the changes' order). The same change at several places of one operation (a shared
 * error schema under responses 400, 401 and 500) becomes one line, and so does the same change of a schema seen
 * through many operations.
 */
export function groupChanges(api: string, changes: readonly Change[], severity: Severity, pages: PageIndex): ChangeEntry[] {
  const selected = changes.filter((c) => c.severity === severity && !HEADER_KINDS.has(c.kind));
  const document = selected.filter((c) => !c.schema && !c.operation);
  const schemas = selected.filter((c) => c.schema);
  const operations = selected.filter((c) => !c.schema && c.operation);
  return [
    ...(document.length > 0 ? [{ subject: { kind: 'document' } as const, lines: unique(document.map((c) => c.message)) }] : []),
    ...schemaEntries(api, schemas, pages),
    ...operationEntries(api, operations, pages),
  ];
}

function schemaEntries(api: string, changes: readonly Change[], pages: PageIndex): ChangeEntry[] {
  const bySchema = new Map<string, Change[]>();
  for (const change of changes) bySchema.set(change.schema!, [...(bySchema.get(change.schema!) ?? []), change]);
  return [...bySchema.keys()].sort(compareText).map((name) => {
    const own = bySchema.get(name)!;
    const page = pages.schema(api, name);
    const lines = new Map<string, string>();
    for (const change of own) {
      const text = change.schemaMessage ?? change.message;
      if (lines.has(`${change.kind}\n${text}`)) continue;
      // A removed property is on no newer page: only what the newer pages still define gets its line.
      const at = change.schemaProperty && change.kind !== 'property-removed' ? pages.schema(api, name, change.schemaProperty) : undefined;
      const line = at && at !== page && sameFile(at, page) ? ` (line ${at.slice(at.lastIndexOf(':') + 1)})` : '';
      lines.set(`${change.kind}\n${text}`, `${text}${line}`);
    }
    const usedBy = unique(own.flatMap((c) => (c.operation ? [label(c.operation)] : []))).sort(compareText);
    return { subject: { kind: 'schema', name }, ...(page ? { page } : {}), lines: [...lines.values()], ...(usedBy.length > 0 ? { usedBy } : {}) };
  });
}

function operationEntries(api: string, changes: readonly Change[], pages: PageIndex): ChangeEntry[] {
  const groups = new Map<string, { operation: OperationRef; lines: Map<string, { change: Change; locations: string[] }> }>();
  for (const change of changes) {
    const operation = change.operation!;
    const key = `${operation.method} ${operation.path}`;
    const group = groups.get(key) ?? { operation, lines: new Map() };
    groups.set(key, group);
    const lineKey = `${change.kind}\n${change.message}`;
    const line = group.lines.get(lineKey) ?? { change, locations: [] };
    group.lines.set(lineKey, line);
    if (change.location !== undefined && !line.locations.includes(change.location)) line.locations.push(change.location);
  }
  return [...groups.values()].map(({ operation, lines }) => {
    const page = pages.operation(api, operation.method, operation.path);
    return {
      subject: { kind: 'operation', operation },
      ...(page ? { page } : {}),
      lines: [...lines.values()].map(({ change, locations }) => `${locations.length > 0 ? `${joinLocations(locations)}: ` : ''}${change.message}`),
    };
  });
}

/** `getOrders()` for an operation with an id, else `GET /x`. */
function label(operation: OperationRef): string {
  return operation.operationId ? `${wrapperName(operation.operationId)}()` : `${operation.method} ${operation.path}`;
}

/** `used by getOrder()` or `used by 96 operations: a, b, c, d, e and 91 more`. */
export function usedByText(usedBy: readonly string[], shown = 5): string {
  if (usedBy.length === 1) return `used by ${usedBy[0]}`;
  const list = usedBy.length <= shown + 1 ? usedBy.join(', ') : `${usedBy.slice(0, shown).join(', ')} and ${usedBy.length - shown} more`;
  return `used by ${usedBy.length} operations: ${list}`;
}

/** The entries of every severity, and how many distinct changes (printed lines) each severity has. */
export function groupAll(api: string, changes: readonly Change[], pages: PageIndex): { entries: Record<Severity, ChangeEntry[]>; counts: Record<Severity, number> } {
  const entries = Object.fromEntries(SEVERITIES.map((s) => [s, groupChanges(api, changes, s, pages)])) as Record<Severity, ChangeEntry[]>;
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, entries[s].reduce((n, e) => n + e.lines.length, 0)])) as Record<Severity, number>;
  return { entries, counts };
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

function sameFile(a: string, b: string | undefined): boolean {
  return b !== undefined && a.replace(/:\d+$/, '') === b.replace(/:\d+$/, '');
}

/** `response 400`, `response 401` → `responses 400, 401`; `query parameter \`a\``, `… \`b\`` → `query parameters \`a\`, \`b\``. */
function joinLocations(locations: string[]): string {
  const split = locations.map((l) => [l.slice(0, l.lastIndexOf(' ')), l.slice(l.lastIndexOf(' ') + 1)] as const);
  const head = split[0]![0];
  if (locations.length > 1 && head && split.every(([h]) => h === head)) return `${head}s ${split.map(([, t]) => t).join(', ')}`;
  return locations.join(', ');
}
