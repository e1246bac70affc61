import { countBySeverity, SEVERITIES } from './change.ts';
import type { ApiChangelog } from './api-changelog.ts';
import { groupChanges } from './group.ts';
import { NO_PAGES, type PageIndex } from './pages.ts';
import { countsLine } from './render-markdown.ts';

/** The changelog for a terminal or a CI log: per API, per severity, per operation, with the defining page. */
export function renderText(changelogs: readonly ApiChangelog[], pages: PageIndex = NO_PAGES): string {
  const out: string[] = [];
  for (const { api, changes } of changelogs) {
    if (changes.length === 0) {
      out.push(`API changes in ${api}: none`);
      continue;
    }
    out.push(`API changes in ${api}: ${countsLine(countBySeverity(changes))}`);
    for (const severity of SEVERITIES) {
      const groups = groupChanges(api, changes, severity, pages);
      if (groups.length === 0) continue;
      out.push(`  ${severity.toUpperCase()}`);
      for (const group of groups) {
        const id = group.operation.operationId ? ` (${group.operation.operationId})` : '';
        out.push(`    ${group.operation.method} ${group.operation.path}${id}${group.page ? ` — ${group.page}` : ''}`);
        for (const line of group.lines) out.push(`      - ${line}`);
        if (group.schemas.length > 0) out.push(`      (schemas from other pages: ${group.schemas.join(', ')})`);
      }
    }
  }
  return out.join('\n') + '\n';
}
