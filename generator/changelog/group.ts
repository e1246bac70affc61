import { compareText } from '../diagnostics/diagnostic.ts';
import type { Change, OperationRef, Severity } from './change.ts';
import type { PageIndex } from './pages.ts';

/** The changes of one severity and one operation, ready to print: one line per distinct change. */
export interface OperationGroup {
  operation: OperationRef;
  page?: string;
  lines: string[];
}

/**
 * Groups an API's changes of one severity by operation, in the changes' order. The same change at several
 * places of one operation (a shared error schema under responses 400, 401 and 500) becomes one line.
 */
export function groupChanges(api: string, changes: readonly Change[], severity: Severity, pages: PageIndex): OperationGroup[] {
  const groups = new Map<string, { operation: OperationRef; lines: Map<string, { change: Change; locations: string[] }> }>();
  for (const change of changes) {
    if (change.severity !== severity) continue;
    const key = `${change.operation.method} ${change.operation.path}`;
    const group = groups.get(key) ?? { operation: change.operation, lines: new Map() };
    groups.set(key, group);
    const lineKey = `${change.kind}\n${change.schema ?? ''}\n${change.message}`;
    const line = group.lines.get(lineKey) ?? { change, locations: [] };
    group.lines.set(lineKey, line);
    if (change.location !== undefined && !line.locations.includes(change.location)) line.locations.push(change.location);
  }
  return [...groups.values()].map(({ operation, lines }) => {
    const page = pages.operation(api, operation.method, operation.path);
    return {
      operation,
      ...(page ? { page } : {}),
      lines: [...lines.values()].map(({ change, locations }) => describe(api, change, locations, page, pages)),
    };
  });
}

function describe(api: string, change: Change, locations: string[], page: string | undefined, pages: PageIndex): string {
  const where = locations.length > 0 ? `${joinLocations(locations)}: ` : '';
  const schemaPage = change.schema ? pages.schema(api, change.schema) : undefined;
  const pageOf = (p: string | undefined) => p?.replace(/:\d+$/, '');
  const origin = change.schema && schemaPage && pageOf(schemaPage) !== pageOf(page) ? ` (schema ${change.schema}, ${schemaPage})` : '';
  return `${where}${change.message}${origin}`;
}

/** `response 400`, `response 401` → `responses 400, 401`. */
function joinLocations(locations: string[]): string {
  const first = locations[0]!.split(' ')[0]!;
  if (locations.length > 1 && locations.every((l) => /^\S+ \S+$/.test(l) && l.startsWith(`${first} `))) {
    return `${first}s ${locations.map((l) => l.slice(first.length + 1)).sort(compareText).join(', ')}`;
  }
  return locations.join(', ');
}
