import { SEVERITIES, type Change, type Severity } from './change.ts';
import type { ApiChangelog } from './api-changelog.ts';
import { groupAll, HEADER_KINDS, subjectLabel, usedByText, type ChangeEntry } from './group.ts';
import { NO_PAGES, type PageIndex } from './pages.ts';

const HEADINGS: Record<Severity, string> = { breaking: 'Breaking', warning: 'Warnings', 'non-breaking': 'Non-breaking' };

/**
 * The changelog as markdown, for release notes, `CHANGELOG.md` and CI job summaries: `level` is the heading depth
 * of the title, `intro` a paragraph under it.
 */
export function renderMarkdown(
  changelogs: readonly ApiChangelog[],
  pages: PageIndex = NO_PAGES,
  title = 'API changes',
  options: { level?: number; intro?: string } = {},
): string {
  const h = (depth: number) => '#'.repeat((options.level ?? 1) + depth);
  const out: string[] = [`${h(0)} ${title}`, '', ...(options.intro ? [options.intro, ''] : [])];
  for (const { api, changes } of changelogs) {
    const version = versionNote(changes);
    out.push(`${h(1)} ${api}${version ? ` (${version})` : ''}`, '');
    if (changes.every((c) => HEADER_KINDS.has(c.kind))) {
      out.push(changes.length === 0 ? 'No changes.' : 'No other changes.', '');
      continue;
    }
    const { entries: bySeverity, counts } = groupAll(api, changes, pages);
    out.push(`${countsLine(counts, true)}.`, '');
    for (const severity of SEVERITIES) {
      const entries = bySeverity[severity];
      if (entries.length === 0) continue;
      out.push(`${h(2)} ${HEADINGS[severity]}`, '');
      for (const entry of entries) out.push(...entryLines(entry));
      out.push('');
    }
  }
  return out.join('\n');
}

function entryLines(entry: ChangeEntry): string[] {
  const subject = entry.subject;
  const page = entry.page ? code(entry.page) : undefined;
  const label = subjectLabel(subject);
  const heading =
    subject.kind === 'document'
      ? '- the document'
      : subject.kind === 'operation'
        ? `- ${code(`${subject.operation.method} ${subject.operation.path}`)}${details([subject.operation.operationId, entry.page])}`
        : `- ${label.slice(0, label.lastIndexOf(' ') + 1)}${code(subject.name)}${page ? ` (${page})` : ''}`;
  const usedBy = entry.usedBy ? [`  - <sub>${escapeMarkdown(usedByText(entry.usedBy))}</sub>`] : [];
  return [heading, ...entry.lines.map((line) => `  - ${escapeMarkdown(line)}`), ...usedBy];
}

/** `3.27.0 → 3.28.0`, from the change of `info.version`, when there is one. */
export function versionNote(changes: readonly Change[]): string | undefined {
  return changes.find((c) => c.kind === 'info-version-changed')?.message.replace(/^version /, '');
}

export function countsLine(counts: Record<Severity, number>, bold = false): string {
  const breaking = `${counts.breaking} breaking`;
  return [
    bold && counts.breaking > 0 ? `**${breaking}**` : breaking,
    `${counts.warning} warning${counts.warning === 1 ? '' : 's'}`,
    `${counts['non-breaking']} non-breaking`,
  ].join(', ');
}

function details(parts: (string | undefined)[]): string {
  const present = parts.filter((x): x is string => x !== undefined).map(code);
  return present.length > 0 ? ` (${present.join(', ')})` : '';
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

/** Lines already use backticks for names; only what could start HTML or break a list item is escaped. */
function escapeMarkdown(text: string): string {
  return text.replace(/</g, '&lt;').replace(/\r?\n/g, ' ');
}
