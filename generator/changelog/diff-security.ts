import { isObject, type JsonValue } from '../openapi/json.ts';
import type { Emit } from './emit.ts';

/**
 * Security requirements (OpenAPI 3.0.3 §4.7.30): a list of alternatives, each a set of schemes that must all
 * be satisfied. A change is stricter when some way the client authenticated before is no longer enough,
 * i.e. when an old alternative is not a superset of any new one; otherwise it only offers more ways in.
 */
export function diffSecurity(before: JsonValue[], after: JsonValue[], emit: Emit): void {
  const b = alternatives(before);
  const a = alternatives(after);
  const label = (list: string[][]) => (list.length === 0 ? 'none' : list.map((alt) => (alt.length === 0 ? 'anonymous' : alt.join(' & '))).join(' | '));
  if (label(b) === label(a)) return;
  const stillEnough = (old: string[]) => a.length === 0 || a.some((alt) => alt.every((scheme) => old.includes(scheme)));
  const stricter = !(b.length === 0 ? a.length === 0 || a.some((alt) => alt.length === 0) : b.every(stillEnough));
  emit('security-changed', `security changed from ${label(b)} to ${label(a)}`, { qualifier: stricter ? 'stricter' : 'looser' });
}

/** Each alternative as sorted `scheme` or `scheme[scope,...]` strings; the alternatives sorted too. */
function alternatives(requirements: JsonValue[]): string[][] {
  return requirements
    .filter(isObject)
    .map((requirement) =>
      Object.entries(requirement)
        .map(([scheme, scopes]) => (Array.isArray(scopes) && scopes.length > 0 ? `${scheme}[${scopes.map(String).sort().join(',')}]` : scheme))
        .sort(),
    )
    .sort((x, y) => (x.join('&') < y.join('&') ? -1 : x.join('&') > y.join('&') ? 1 : 0));
}
