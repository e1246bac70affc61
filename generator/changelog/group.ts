import { compareText } from '../diagnostics/diagnostic.ts';
import { wrapperName } from '../emit/identifiers.ts';
import { SEVERITIES, type Change, type OperationRef, type Severity } from './change.ts';
import type { PageIndex } from './pages.ts';

/**
 * One entry of a printed changelog, for one severity: the changes of one component schema (made once in its
 * definition, seen through every operation using it), of one operation, or of the document as a whole. Each
 * line is one distinct change.
 */
export type EntrySubject =
  | { kind: 'document' }
  | { kind: 'schema'; name: string; lane?: 'asyncapi' }
  | { kind: 'operation'; operation: OperationRef }
  | { kind: 'channel'; name: string }
  | { kind: 'message'; name: string };

export interface ChangeEntry {
  subject: EntrySubject;
  /** `page:line` where the newer pages define it, when known. */
  page?: string;
  lines: string[];
  /** For a schema: the wrappers (from operationIds), or the WebSocket messages, the change reaches users through, sorted. */
  usedBy?: string[];
}

/** Changes shown in the header rather than as entries. */
export const HEADER_KINDS = new Set(['info-version-changed']);

/**
 * Groups an API's changes of one severity: the document's first, then one entry per component schema (sorted),
 * then one per operation (in the changes' order); then the WebSocket API's: its component schemas, its channels,
 * its messages. The same change at several places of one operation (a shared error schema under responses 400,
 * 401 and 500) becomes one line, and so does the same change of a schema seen through many operations or messages.
 */
export function groupChanges(api: string, changes: readonly Change[], severity: Severity, pages: PageIndex): ChangeEntry[] {
  const selected = changes.filter((c) => c.severity === severity && !HEADER_KINDS.has(c.kind));
  const rest = selected.filter((c) => c.lane !== 'asyncapi');
  const stream = selected.filter((c) => c.lane === 'asyncapi');
  const document = selected.filter((c) => !c.schema && !c.operation && !c.channel && !c.messageName);
  return [
    ...(document.length > 0 ? [{ subject: { kind: 'document' } as const, lines: unique(document.map((c) => c.message)) }] : []),
    ...schemaEntries(api, rest.filter((c) => c.schema), pages),
    ...operationEntries(api, rest.filter((c) => !c.schema && c.operation), pages),
    ...schemaEntries(api, stream.filter((c) => c.schema), pages, 'asyncapi'),
    ...streamEntries(api, stream.filter((c) => !c.schema && c.channel), 'channel', pages),
    ...streamEntries(api, stream.filter((c) => !c.schema && !c.channel && c.messageName), 'message', pages),
  ];
}

/** The subject of an entry in a line of text: `schema Order`, `GET /markets`, `channel ticker`, `message ticker`. */
export function subjectLabel(subject: EntrySubject): string {
  switch (subject.kind) {
    case 'document':
      return 'the document';
    case 'schema':
      return subject.lane === 'asyncapi' ? `WebSocket schema ${subject.name}` : `schema ${subject.name}`;
    case 'operation':
      return `${subject.operation.method} ${subject.operation.path}`;
    default:
      return `${subject.kind} ${subject.name}`;
  }
}

/** One entry per channel or per message, in the changes' order; a message's changed field points at its line. */
function streamEntries(api: string, changes: readonly Change[], kind: 'channel' | 'message', pages: PageIndex): ChangeEntry[] {
  const groups = new Map<string, Change[]>();
  for (const change of changes) {
    const name = kind === 'channel' ? change.channel! : change.messageName!;
    groups.set(name, [...(groups.get(name) ?? []), change]);
  }
  return [...groups].map(([name, own]) => {
    const page = kind === 'channel' ? pages.channel?.(api, name) : pages.message?.(api, name);
    const lines = own.map((change) => {
      const at = kind === 'message' && change.property && change.kind !== 'property-removed' ? pages.message?.(api, name, change.property) : undefined;
      return `${change.message}${at && at !== page && sameFile(at, page) ? ` (line ${at.slice(at.lastIndexOf(':') + 1)})` : ''}`;
    });
    return { subject: { kind, name }, ...(page ? { page } : {}), lines: unique(lines) };
  });
}

function schemaEntries(api: string, changes: readonly Change[], pages: PageIndex, lane?: 'asyncapi'): ChangeEntry[] {
  const bySchema = new Map<string, Change[]>();
  for (const change of changes) bySchema.set(change.schema!, [...(bySchema.get(change.schema!) ?? []), change]);
  const pageOf = (name: string, property?: string) => (lane ? pages.streamSchema?.(api, name, property) : pages.schema(api, name, property));
  return [...bySchema.keys()].sort(compareText).map((name) => {
    const own = bySchema.get(name)!;
    const page = pageOf(name);
    const lines = new Map<string, string>();
    for (const change of own) {
      const text = change.schemaMessage ?? change.message;
      if (lines.has(`${change.kind}\n${text}`)) continue;
      // A removed property is on no newer page: only what the newer pages still define gets its line.
      const at = change.schemaProperty && change.kind !== 'property-removed' ? pageOf(name, change.schemaProperty) : undefined;
      const line = at && at !== page && sameFile(at, page) ? ` (line ${at.slice(at.lastIndexOf(':') + 1)})` : '';
      lines.set(`${change.kind}\n${text}`, `${text}${line}`);
    }
    const usedBy = unique(own.flatMap((c) => (c.operation ? [label(c.operation)] : c.messageName ? [`message ${c.messageName}`] : []))).sort(compareText);
    const subject: EntrySubject = lane ? { kind: 'schema', name, lane } : { kind: 'schema', name };
    return { subject, ...(page ? { page } : {}), lines: [...lines.values()], ...(usedBy.length > 0 ? { usedBy } : {}) };
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

/** `used by getOrder()` or `used by 96 operations: a, b, c, d, e and 91 more` (`messages: message a, …` for WebSocket schemas). */
export function usedByText(usedBy: readonly string[], shown = 5): string {
  if (usedBy.length === 1) return `used by ${usedBy[0]}`;
  const messages = usedBy.every((u) => u.startsWith('message '));
  const names = messages ? usedBy.map((u) => u.slice('message '.length)) : usedBy;
  const list = names.length <= shown + 1 ? names.join(', ') : `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`;
  return `used by ${usedBy.length} ${messages ? 'messages' : 'operations'}: ${list}`;
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
