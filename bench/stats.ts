/** Median and range of per-round figures, and ratios between contenders computed from medians. */

export interface Summary {
  median: number;
  min: number;
  max: number;
  /** The per-round figures, in round order. */
  runs: number[];
}

export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) throw new Error('summarize: no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median: round(median), min: round(sorted[0]!), max: round(sorted.at(-1)!), runs: values.map(round) };
}

/** `value / floor` from two medians, two decimals. */
export function ratio(value: Summary | number, floor: Summary | number): number {
  const a = typeof value === 'number' ? value : value.median;
  const b = typeof floor === 'number' ? floor : floor.median;
  return Math.round((a / b) * 100) / 100;
}

/** Three significant digits at most, so results.json stays readable. */
export function round(value: number): number {
  if (!Number.isFinite(value) || value === 0) return value;
  const digits = Math.max(0, 2 - Math.floor(Math.log10(Math.abs(value))));
  const factor = 10 ** Math.min(digits, 6);
  return Math.round(value * factor) / factor;
}
