/**
 * Wrappers take one object holding an operation's query parameters, header parameters and JSON body fields;
 * this splits it into those parts by the parameter names the generator lists. What no list claims is body.
 */
export function splitParams<K extends string>(
  params: object | undefined,
  sections: Readonly<Record<K, readonly string[]>>,
): Record<K | 'body', Record<string, unknown>> {
  const parts: Record<string, Record<string, unknown>> = { body: {} };
  const names = Object.keys(sections) as K[];
  for (const name of names) parts[name] = {};
  for (const [key, value] of Object.entries(params ?? {})) {
    const section: string = names.find((name) => sections[name].includes(key)) ?? 'body';
    parts[section]![key] = value;
  }
  return parts as Record<K | 'body', Record<string, unknown>>;
}
