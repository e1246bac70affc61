/** Plain-text tables for the benchmark's report. */
import type { Summary } from './stats.ts';

/** Columns padded to their widest cell; the first left-aligned, the others right-aligned. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** `1152 [1089–1300]`, values scaled by `scale` and shown with `digits` decimals. */
export function range(summary: Summary, scale = 1, digits = 0): string {
  const f = (v: number): string => (v * scale).toFixed(digits);
  return `${f(summary.median)} [${f(summary.min)}–${f(summary.max)}]`;
}

export function times(value: number): string {
  return `${value.toFixed(2)}x`;
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export function heading(title: string): string {
  return `\n${title}\n${'='.repeat(title.length)}`;
}
