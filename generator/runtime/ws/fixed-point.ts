/**
 * Exact arithmetic on Kalshi's fixed-point decimal strings (`"0.9600"`, `"-54.00"`): each is read as an integer
 * count of millionths (10⁻⁶, Kalshi's finest: `*_dollars` have up to 6 decimals, `*_fp` 2), added and compared as
 * such, and written back as a decimal string. Integers below 2^53 are exact in a JS number; anything that would
 * not be (more than 6 decimals, or beyond ±9 billion) is refused with an error, never rounded. Never a float.
 */
import { KalshiStreamProtocolError } from './errors.js';

export const FIXED_DECIMALS = 6;
const SCALE_TEXT = '0'.repeat(FIXED_DECIMALS);
const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/** `"0.9600"` → `960000`. Throws `KalshiStreamProtocolError` naming `what` for anything else. */
export function parseFixed(text: unknown, what: string): number {
  const match = typeof text === 'string' ? DECIMAL.exec(text) : null;
  if (match === null) {
    throw new KalshiStreamProtocolError(`${what}: expected a fixed-point decimal string, got ${describe(text)}.`);
  }
  const fraction = match[3] ?? '';
  if (fraction.replace(/0+$/, '').length > FIXED_DECIMALS) {
    throw new KalshiStreamProtocolError(`${what}: more than ${FIXED_DECIMALS} decimals in "${String(text)}".`);
  }
  const units = Number(match[2] + (fraction + SCALE_TEXT).slice(0, FIXED_DECIMALS));
  return checked(match[1] === '-' ? -units : units, what);
}

/** The number of decimals written in a decimal string (`"0.960"` → 3). */
export function decimalsOf(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** `960000, 4` → `"0.9600"`: at least `decimals` decimals, more only where digits would be lost. */
export function formatFixed(units: number, decimals: number): string {
  const negative = units < 0;
  const digits = String(negative ? -units : units).padStart(FIXED_DECIMALS + 1, '0');
  const whole = digits.slice(0, digits.length - FIXED_DECIMALS);
  const all = digits.slice(digits.length - FIXED_DECIMALS);
  const fraction = all.slice(0, Math.max(Math.min(decimals, FIXED_DECIMALS), lastNonZero(all)));
  return `${negative ? '-' : ''}${whole}${fraction === '' ? '' : `.${fraction}`}`;
}

/** One dollar in units: the yes and no prices of a contract add up to it. */
export const ONE_DOLLAR: number = 10 ** FIXED_DECIMALS;

/** 1 + the index of the last non-zero digit of a fraction ("120000" → 2). */
function lastNonZero(fraction: string): number {
  let end = fraction.length;
  while (end > 0 && fraction.charCodeAt(end - 1) === 48) end--;
  return end;
}

function checked(units: number, what: string): number {
  if (!Number.isSafeInteger(units)) {
    throw new KalshiStreamProtocolError(`${what}: a value beyond the exact range of fixed-point arithmetic.`);
  }
  return units;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `"${value.slice(0, 40)}"`;
  if (value === undefined || value === null) return String(value);
  return typeof value;
}
