import { SEVERITIES } from './change.ts';
import type { ApiChangelog } from './api-changelog.ts';
import { groupAll, subjectLabel, usedByText, type ChangeEntry } from './group.ts';
import { NO_PAGES, type PageIndex } from './pages.ts';
import { countsLine, versionNote } from './render-markdown.ts';

/**
 * The changelog for a terminal or a CI log: per API (with its version change), per severity, one entry per
 * changed schema (with the operations it reaches) and per operation, each with the page that defines it.
 */
export function renderText(changelogs: readonly ApiChangelog[], pages: PageIndex = NO_PAGES): string {
  const out: string[] = [];
  for (const { api, changes } of changelogs) {
    const version = versionNote(changes);
    if (changes.length === 0) {
      out.push(`API changes in ${api}: none`);
      continue;
    }
    const { entries: bySeverity, counts } = groupAll(api, changes, pages);
    out.push(`API changes in ${api}${version ? ` (${version})` : ''}: ${countsLine(counts)}`);
    for (const severity of SEVERITIES) {
      const entries = bySeverity[severity];
      if (entries.length === 0) continue;
      out.push(`  ${severity.toUpperCase()}`);
      for (const entry of entries) out.push(...entryLines(entry));
    }
  }
  return out.join('\n') + '\n';
}

function entryLines(entry: ChangeEntry): string[] {
  const page = entry.page ? ` — ${entry.page}` : '';
  const subject = entry.subject;
  const heading =
    subject.kind === 'document'
      ? '    (the document)'
      : subject.kind === 'operation'
        ? `    ${subject.operation.method} ${subject.operation.path}${subject.operation.operationId ? ` (${subject.operation.operationId})` : ''}${page}`
        : `    ${subjectLabel(subject)}${page}`;
  const usedBy = entry.usedBy ? [`      ${usedByText(entry.usedBy)}`] : [];
  return [heading, ...entry.lines.map((line) => `      - ${line}`), ...usedBy];
}
