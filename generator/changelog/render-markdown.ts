import { countBySeverity, SEVERITIES, type Severity } from './change.ts';
import type { ApiChangelog } from './api-changelog.ts';
import { groupChanges } from './group.ts';
import { NO_PAGES, type PageIndex } from './pages.ts';

const HEADINGS: Record<Severity, string> = { breaking: 'Breaking', warning: 'Warnings', 'non-breaking': 'Non-breaking' };

/** The changelog as markdown, for release notes and CI job summaries. */
export function renderMarkdown(changelogs: readonly ApiChangelog[], pages: PageIndex = NO_PAGES, title = 'API changes'): string {
  const out: string[] = [`# ${title}`, ''];
  for (const { api, changes } of changelogs) {
    out.push(`## ${api}`, '');
    if (changes.length === 0) {
      out.push('No changes.', '');
      continue;
    }
    out.push(`${countsLine(countBySeverity(changes), true)}.`, '');
    for (const severity of SEVERITIES) {
      const groups = groupChanges(api, changes, severity, pages);
      if (groups.length === 0) continue;
      out.push(`### ${HEADINGS[severity]}`, '');
      for (const group of groups) {
        const details = [group.operation.operationId, group.page].filter((x): x is string => x !== undefined).map(code);
        out.push(`- ${code(`${group.operation.method} ${group.operation.path}`)}${details.length ? ` (${details.join(', ')})` : ''}`);
        for (const line of group.lines) out.push(`  - ${escapeMarkdown(line)}`);
        if (group.schemas.length > 0) out.push(`  - <sub>schemas from other pages: ${group.schemas.map(escapeMarkdown).join(', ')}</sub>`);
      }
      out.push('');
    }
  }
  return out.join('\n');
}

export function countsLine(counts: Record<Severity, number>, bold = false): string {
  const breaking = `${counts.breaking} breaking`;
  return [
    bold && counts.breaking > 0 ? `**${breaking}**` : breaking,
    `${counts.warning} warning${counts.warning === 1 ? '' : 's'}`,
    `${counts['non-breaking']} non-breaking`,
  ].join(', ');
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

/** Lines already use backticks for names; only what could start HTML or break a list item is escaped. */
function escapeMarkdown(text: string): string {
  return text.replace(/</g, '&lt;').replace(/\r?\n/g, ' ');
}
