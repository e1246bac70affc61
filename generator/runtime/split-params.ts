/**
 * Wrappers take one object holding both an operation's query parameters and its JSON body fields; this
 * splits it by the query parameter names the generator lists.
 */
export function splitParams(params: object | undefined, queryKeys: readonly string[]): [Record<string, unknown>, Record<string, unknown>] {
  const query: Record<string, unknown> = {};
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params ?? {})) {
    if (queryKeys.includes(key)) query[key] = value;
    else fields[key] = value;
  }
  return [query, fields];
}
