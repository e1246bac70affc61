/**
 * Path templates (OpenAPI 3.0 §4.7.8, "Paths Object"): each is appended to the server URL, so it must stay
 * below it. A `.` or `..` segment (also percent-encoded: URL parsers decode `%2e`), a backslash (read as `/`),
 * `?` or `#` (they would end the path) or a control character would make the client request something else
 * than the operation's URL. Template parameters must be well formed and named once.
 */

const PARAMETER = /\{([^{}]*)\}/g;

/** The names of the template's parameters, in order: `/a/{x}/b/{y}` → `['x', 'y']`. */
export function templateParameters(path: string): string[] {
  return [...path.matchAll(PARAMETER)].map((m) => m[1]!);
}

/** Why `path` cannot be used as an operation's path, or undefined when it can. */
export function pathTemplateProblem(path: string): string | undefined {
  if (!path.startsWith('/')) return 'it does not start with "/"';
  if (/[\u0000-\u001F\u007F\s]/.test(path)) return 'it contains white space or a control character';
  if (/[?#\\]/.test(path)) return 'it contains "?", "#" or "\\", which would change the URL requested';
  const literal = path.replace(PARAMETER, 'x');
  if (/[{}]/.test(literal)) return 'its braces do not pair up into {parameter} names';
  const segments = path.split('/').slice(1);
  if (segments.some((s) => isDotSegment(s))) return 'it has a "." or ".." segment, which would leave the API\'s base path';
  const names = templateParameters(path);
  if (names.some((n) => n === '')) return 'it has an empty {} parameter';
  const repeated = names.find((n, i) => names.indexOf(n) !== i);
  if (repeated) return `it names the parameter {${repeated}} twice`;
  if (names.includes('__proto__')) return 'it has a parameter named __proto__, which JavaScript objects cannot hold';
  return undefined;
}

function isDotSegment(segment: string): boolean {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // not percent-encoded text: compare as it is
  }
  return decoded === '.' || decoded === '..';
}
