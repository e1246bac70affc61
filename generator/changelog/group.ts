import { compareText } from '../diagnostics/diagnostic.ts';
import type { Change, OperationRef, Severity } from './change.ts';
import type { PageIndex } from './pages.ts';

/** The changes of one severity and one operation, ready to print: one line per distinct change. */
export interface OperationGroup {
  operation: OperationRef;
  page?: string;
  lines: string[];
  /** Component schemas the lines are about that another page defines: `Market (specs/...md:104)`. */
  schemas: string[];
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
    const entries = [...lines.values()];
    const file = (p: string | undefined) => p?.replace(/:\d+$/, '');
    const schemas = new Set<string>();
    for (const { change } of entries) {
      const schemaPage = change.schema ? pages.schema(api, change.schema) : undefined;
      if (schemaPage && file(schemaPage) !== file(page)) schemas.add(`${change.schema} (${schemaPage})`);
    }
    return {
      operation,
      ...(page ? { page } : {}),
      lines: entries.map(({ change, locations }) => `${locations.length > 0 ? `${joinLocations(locations)}: ` : ''}${change.message}`),
      schemas: [...schemas].sort(compareText),
    };
  });
}

/** `response 400`, `response 401` → `responses 400, 401`; `query parameter \`a\``, `… \`b\`` → `query parameters \`a\`, \`b\``. */
function joinLocations(locations: string[]): string {
  const split = locations.map((l) => [l.slice(0, l.lastIndexOf(' ')), l.slice(l.lastIndexOf(' ') + 1)] as const);
  const head = split[0]![0];
  if (locations.length > 1 && head && split.every(([h]) => h === head)) return `${head}s ${split.map(([, t]) => t).join(', ')}`;
  return locations.join(', ');
}
