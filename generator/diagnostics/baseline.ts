import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareText, type Diagnostic } from './diagnostic.ts';

/**
 * The findings baseline (`specs/known-findings.json`): warnings a maintainer has accepted as known. A run marks
 * the findings it lists `known`, prints only the others plus a count, and `--strict` fails only on the others.
 * A finding is identified by code, page and message, not by line, so edits elsewhere on a page keep it known;
 * a changed message (the docs changed) makes it new again.
 */

export const BASELINE_FILE = 'known-findings.json';

export interface KnownFinding {
  code: string;
  file: string;
  message: string;
}

export class BaselineError extends Error {}

const keyOf = (f: { code: string; file?: string; message: string }) => `${f.code}\n${f.file ?? ''}\n${f.message}`;

/** The baseline of a specs folder: empty when it has none; throws `BaselineError` when it cannot be read. */
export function readBaseline(specsDir: string): KnownFinding[] {
  const path = join(specsDir, BASELINE_FILE);
  if (!existsSync(path)) return [];
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new BaselineError(`${BASELINE_FILE} is not valid JSON (${(error as Error).message}); rewrite it with make baseline`);
  }
  const findings = (value as { findings?: unknown }).findings;
  if (!Array.isArray(findings)) throw new BaselineError(`${BASELINE_FILE} has no "findings" list; rewrite it with make baseline`);
  return findings.filter((f): f is KnownFinding => typeof f?.code === 'string' && typeof f?.file === 'string' && typeof f?.message === 'string');
}

/**
 * The diagnostics with the warnings the baseline lists marked `known` (each entry matching at most as many
 * findings as it is listed), and the entries nothing matched any more (stale: the finding went away).
 */
export function applyBaseline(diagnostics: readonly Diagnostic[], baseline: readonly KnownFinding[]): { diagnostics: Diagnostic[]; stale: KnownFinding[] } {
  const budget = new Map<string, number>();
  for (const entry of baseline) budget.set(keyOf(entry), (budget.get(keyOf(entry)) ?? 0) + 1);
  const marked = diagnostics.map((d) => {
    const key = keyOf({ code: d.code, file: d.source?.file, message: d.message });
    const left = budget.get(key) ?? 0;
    if (d.severity !== 'warning' || left === 0) return d;
    budget.set(key, left - 1);
    return { ...d, known: true as const };
  });
  const stale: KnownFinding[] = [];
  for (const entry of baseline) {
    const key = keyOf(entry);
    if ((budget.get(key) ?? 0) > 0) {
      stale.push(entry);
      budget.set(key, budget.get(key)! - 1);
    }
  }
  return { diagnostics: marked, stale };
}

/** The baseline file recording every warning of a run. */
export function baselineJson(diagnostics: readonly Diagnostic[]): string {
  const findings = diagnostics
    .filter((d) => d.severity === 'warning')
    .map((d) => ({ code: d.code, file: d.source?.file ?? '', message: d.message }))
    .sort((a, b) => compareText(a.code, b.code) || compareText(a.file, b.file) || compareText(a.message, b.message));
  const note = 'Warnings accepted as known: make generate prints only new ones (and a count of these), and --strict fails only on new ones. Rewrite with make baseline.';
  return JSON.stringify({ note, findings }, null, 2) + '\n';
}
