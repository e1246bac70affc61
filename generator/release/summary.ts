import { SEVERITIES } from '../changelog/change.ts';
import { groupAll, subjectLabel } from '../changelog/group.ts';
import { NO_PAGES } from '../changelog/pages.ts';
import { countsLine } from '../changelog/render-markdown.ts';
import type { Release } from './index.ts';

/** How many entries the summary shows before pointing at the full changelog. */
const SHOWN = 6;

/**
 * The few lines `make generate` ends with: the API changes it just made (counts by severity, the first entries,
 * breaking first) and the package version they lead to.
 */
export function releaseSummary(release: Release, name: string, outLabel: string): string {
  const lines: string[] = [];
  if (release.level === 'first') {
    lines.push(`first release of ${name}: ${release.version}`);
    return lines.join('\n') + '\n';
  }
  const rows: string[] = [];
  const totals = { breaking: 0, warning: 0, 'non-breaking': 0 };
  for (const { api, changes } of release.changelogs) {
    const { entries, counts } = groupAll(api, changes, NO_PAGES);
    for (const severity of SEVERITIES) {
      totals[severity] += counts[severity];
      for (const entry of entries[severity]) {
        const label = subjectLabel(entry.subject);
        const more = entry.lines.length > 1 ? ` (+${entry.lines.length - 1} more)` : '';
        rows.push(`  ${severity.padEnd(12)} ${api}: ${label}: ${entry.lines[0]}${more}`);
      }
    }
  }
  if (rows.length === 0) lines.push('no API changes since the previous release');
  else {
    lines.push(`API changes since the previous release: ${countsLine(totals)}`);
    lines.push(...rows.slice(0, SHOWN));
    if (rows.length > SHOWN) lines.push(`  … and ${rows.length - SHOWN} more entries: see ${outLabel}/CHANGELOG.md`);
  }
  lines.push(
    release.level === 'unchanged'
      ? `${name} stays at ${release.version} (the package is unchanged)`
      : `${name} ${release.previous} → ${release.version} (${release.level})`,
  );
  return lines.join('\n') + '\n';
}
