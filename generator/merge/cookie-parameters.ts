import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import { isObject, type JsonObject } from '../openapi/json.ts';
import type { ComponentTable } from './components.ts';
import type { Candidate } from './candidate.ts';
import { parseRef } from './references.ts';

/**
 * openapi-fetch sends no cookie parameters (and browsers let no script set `Cookie`), so a wrapper could never
 * send one, and a required one would make the wrapper fail to compile. Cookie parameters are dropped from the
 * operation and reported: a caller sets the `Cookie` header through the request options if it must.
 */
export function dropCookieParameters(op: Candidate, table: ComponentTable, diagnostics: Diagnostics): JsonObject {
  const list = Array.isArray(op.operation.parameters) ? op.operation.parameters : [];
  const cookieName = (entry: unknown): string | undefined => {
    const target = isObject(entry) && typeof entry.$ref === 'string' ? parseRef(entry.$ref) : undefined;
    const p = target?.kind === 'parameters' ? table.parameters.get(target.name)?.value : entry;
    return isObject(p) && p.in === 'cookie' ? String(p.name) : undefined;
  };
  const dropped = list.map(cookieName).filter((name): name is string => name !== undefined);
  if (dropped.length === 0) return op.operation;
  diagnostics.warn(
    'parameter-cookie-dropped',
    `${op.method.toUpperCase()} ${op.path}: cookie parameter(s) ${dropped.join(', ')} dropped: the client sends no cookie parameters (set the Cookie header through the request options)`,
    op.source,
  );
  return { ...op.operation, parameters: list.filter((entry) => cookieName(entry) === undefined) };
}
