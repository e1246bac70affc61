/** How error messages name a value they got: `null`, `undefined`, `an array`, `an object`, `a number`, ... */
export function valueKind(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
