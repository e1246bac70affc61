/**
 * Secret scrubbing for anything the client may print: error messages, `toString()`, `toJSON()`,
 * `util.inspect`. Private keys and request signatures must never appear; the key id may.
 */

export const REDACTED = '[REDACTED]';

/** Header / property names whose values are secrets. `KALSHI-ACCESS-KEY` (the key id) is not one. */
const SECRET_NAME = /signature|secret|private[-_ ]?key|passw(?:or)?d|authorization|cookie|token/i;

/** A PEM block, also when cut off before its END line. */
const PEM_BLOCK = /-----BEGIN [A-Z0-9 ]*-----[\s\S]*?(?:-----END [A-Z0-9 ]*-----|$)/g;

/**
 * What makes a PEM block a key rather than a mention of its BEGIN line (`expected "-----BEGIN PRIVATE KEY-----"`):
 * a base64 run. Every line of a real key body is one (64 characters); 20 characters of a cut-off key are only the
 * DER header every key of its size shares.
 */
const PEM_BODY = /[A-Za-z0-9+/]{20,}/;

/** `name: value`, `name=value`, `"name":"value"` where the name looks secret. */
const SECRET_PAIR = new RegExp(
  `([A-Za-z0-9_-]*(?:${SECRET_NAME.source})[A-Za-z0-9_-]*)(["']?\\s*[:=]\\s*["']?)(?!\\[REDACTED)((?:Bearer\\s+|Basic\\s+)?[^\\s"',;}]+)`,
  'gi',
);

/** Long base64 runs: a 2048-bit RSA signature is 344 characters, a key body far longer. */
const LONG_BASE64 = /[A-Za-z0-9+/_-]{256,}={0,2}/g;

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** Remove PEM blocks, secret `name: value` pairs and signature-sized base64 runs from a text. */
export function redact(text: string): string {
  return text
    .replace(PEM_BLOCK, (block) => (PEM_BODY.test(block) ? '[REDACTED PEM]' : block))
    .replace(SECRET_PAIR, (_m, name: string, sep: string) => `${name}${sep}${REDACTED}`)
    .replace(LONG_BASE64, (run) => (/\d/.test(run) && /[a-z]/.test(run) && /[A-Z]/.test(run) ? REDACTED : run));
}

export type HeadersInput =
  | { forEach(callback: (value: string, name: string) => void): void }
  | Record<string, string | readonly string[] | number | undefined>;

/** Headers as a plain lower-cased record, secret values replaced by `[REDACTED]`. */
export function redactHeaders(headers: HeadersInput | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (value: unknown, name: string): void => {
    const key = name.toLowerCase();
    if (value !== undefined)
      out[key] = isSecretName(key) ? REDACTED : redact(Array.isArray(value) ? value.join(', ') : String(value));
  };
  if (typeof headers?.forEach === 'function') (headers as Headers).forEach(put);
  else for (const [name, value] of Object.entries(headers ?? {})) put(value, name);
  return out;
}

/** A copy of a JSON-like value with every string redacted and secret-named properties replaced. */
export function redactDeep(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'string') return redact(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value) || depth > 8) return '[…]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = isSecretName(key) ? REDACTED : redactDeep(item, depth + 1, seen);
  }
  return out;
}
