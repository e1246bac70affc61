/**
 * Exact arithmetic on Kalshi's fixed-point decimal strings (`"0.9600"`, `"-54.00"`): each is read as a BigInt
 * count of 10⁻¹² units, added and compared as such, and written back as a decimal string. Never a float.
 */
import { KalshiStreamProtocolError } from './errors.js';

/** Decimals kept: Kalshi sends at most 6 (`*_dollars`) and 2 (`*_fp`); more is refused, never rounded. */
export const FIXED_DECIMALS = 12;
const SCALE_TEXT = '0'.repeat(FIXED_DECIMALS);
const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/**
 * Books see the same few hundred price and size strings over and over: parsed values are remembered, up to
 * this many (the memo starts over when full, so memory stays bounded whatever the feed sends).
 */
const MEMO_LIMIT = 4096;
const memo = new Map<string, bigint>();

/** `"0.9600"` → `960000000000n`. Throws `KalshiStreamProtocolError` naming `what` for anything else. */
export function parseFixed(text: unknown, what: string): bigint {
  if (typeof text === 'string') {
    const known = memo.get(text);
    if (known !== undefined) return known;
  }
  const units = parseUncached(text, what);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(text as string, units);
  return units;
}

function parseUncached(text: unknown, what: string): bigint {
  const match = typeof text === 'string' ? DECIMAL.exec(text) : null;
  if (match === null) {
    throw new KalshiStreamProtocolError(`${what}: expected a fixed-point decimal string, got ${describe(text)}.`);
  }
  const fraction = match[3] ?? '';
  if (fraction.length > FIXED_DECIMALS) {
    throw new KalshiStreamProtocolError(`${what}: more than ${FIXED_DECIMALS} decimals in "${String(text)}".`);
  }
  const units = BigInt(match[2] + fraction + SCALE_TEXT.slice(fraction.length));
  return match[1] === '-' ? -units : units;
}

/** The number of decimals written in a decimal string (`"0.960"` → 3). */
export function decimalsOf(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** `960000000000n, 4` → `"0.9600"`: exactly `decimals` decimals (digits beyond them must be zero). */
export function formatFixed(units: bigint, decimals: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(FIXED_DECIMALS + 1, '0');
  const whole = digits.slice(0, digits.length - FIXED_DECIMALS);
  let fraction = digits.slice(digits.length - FIXED_DECIMALS);
  const kept = fraction.slice(0, decimals);
  if (/[^0]/.test(fraction.slice(decimals))) fraction = fraction.replace(/0+$/, '');
  else fraction = kept;
  return `${negative ? '-' : ''}${whole}${fraction === '' ? '' : `.${fraction}`}`;
}

/** One dollar in units: the yes and no prices of a contract add up to it. */
export const ONE_DOLLAR: bigint = 10n ** BigInt(FIXED_DECIMALS);

function describe(value: unknown): string {
  if (typeof value === 'string') return `"${value.slice(0, 40)}"`;
  if (value === undefined || value === null) return String(value);
  return typeof value;
}
