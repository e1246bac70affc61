import { compareText, formatLocation, type Diagnostic, type Severity } from './diagnostic.ts';

/**
 * Renders diagnostics for a terminal: grouped by code, each group sorted by file and line, then one summary
 * line with the counts per severity. Info findings and warnings the baseline knows are listed with `verbose`.
 */
export function formatReport(diagnostics: readonly Diagnostic[], options: { verbose?: boolean } = {}): string {
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    if ((d.severity === 'info' || d.known) && !options.verbose) continue;
    const key = `${d.severity}\u0000${d.code}`;
    const group = groups.get(key) ?? [];
    group.push(d);
    groups.set(key, group);
  }
  const lines: string[] = [];
  const keys = [...groups.keys()].sort((a, b) => severityOrder(a) - severityOrder(b) || compareText(a, b));
  for (const key of keys) {
    const group = groups.get(key)!;
    const first = group[0]!;
    lines.push(`${first.severity} ${first.code} (${group.length})`);
    for (const d of group) {
      lines.push(`  ${formatLocation(d.source)}  ${d.known ? '(known) ' : ''}${d.message}`);
      for (const r of d.related ?? []) lines.push(`      see ${formatLocation(r)}`);
    }
  }
  lines.push(summaryLine(diagnostics, options.verbose ? undefined : 'info'));
  return lines.join('\n');
}

function severityOrder(key: string): number {
  return key.startsWith('error') ? 0 : key.startsWith('warning') ? 1 : 2;
}

export function summaryLine(diagnostics: readonly Diagnostic[], hidden?: Severity): string {
  const count = (s: Severity) => diagnostics.filter((d) => d.severity === s).length;
  const known = diagnostics.filter((d) => d.known).length;
  const infos = count('info');
  const infoText = hidden === 'info' && infos > 0 ? `${infos} info (use --verbose to list)` : `${infos} info`;
  const warnings = known > 0 ? `${count('warning') - known} new warning(s) and ${known} known (in the findings baseline${hidden ? ', not listed' : ''})` : `${count('warning')} warning(s)`;
  return `${count('error')} error(s), ${warnings}, ${infoText}`;
}

/** The `--report` file: every finding, stable order, plus counts. */
export function reportJson(diagnostics: readonly Diagnostic[]): string {
  const counts = { error: 0, warning: 0, info: 0, known: diagnostics.filter((d) => d.known).length };
  const byCode: Record<string, number> = {};
  for (const d of diagnostics) {
    counts[d.severity]++;
    byCode[d.code] = (byCode[d.code] ?? 0) + 1;
  }
  const sortedByCode = Object.fromEntries(Object.entries(byCode).sort(([a], [b]) => compareText(a, b)));
  return JSON.stringify({ counts, byCode: sortedByCode, diagnostics }, null, 2) + '\n';
}
