import { isObject, type JsonObject, type JsonValue } from '../openapi/json.ts';
import { hasControlCharacters, replaceControlCharacters } from './control-characters.ts';

type Path = (string | number)[];

/**
 * One pass over a freshly parsed YAML tree, without recursion (the tree may be arbitrarily deep):
 * - the first node nested deeper than `maxDepth`, if any;
 * - keys named `__proto__`: a JavaScript object cannot hold one as a plain key (assigning it replaces the
 *   object's prototype), so no stage could carry it through; the page must rename it;
 * - control characters in keys and strings (from YAML escapes such as `"\0"`), replaced in place by U+FFFD.
 */
export interface TreeFindings {
  tooDeep?: Path;
  reservedKeys: Path[];
  /** Strings and keys that held control characters; the first one's path, for its line. */
  controlCharacters: { count: number; first?: Path };
}

export const RESERVED_KEY = '__proto__';

/** The tree (its root replaced when its keys had to be cleaned) and what was found in it. */
export function inspectTree(root: JsonValue, maxDepth: number): { value: JsonValue; findings: TreeFindings } {
  const findings: TreeFindings = { reservedKeys: [], controlCharacters: { count: 0 } };
  const stack: { holder: JsonObject | JsonValue[]; key: string | number; path: Path; controlKey?: boolean }[] = [];
  const box: JsonObject = { root };
  stack.push({ holder: box, key: 'root', path: [] });
  while (stack.length > 0) {
    const { holder, key, path, controlKey } = stack.pop()!;
    if (controlKey) noteControl(findings, path);
    const value = (holder as Record<string | number, JsonValue>)[key]!;
    if (typeof value === 'string') {
      if (hasControlCharacters(value)) {
        (holder as Record<string | number, JsonValue>)[key] = replaceControlCharacters(value).text;
        noteControl(findings, path);
      }
      continue;
    }
    if (!Array.isArray(value) && !isObject(value)) continue;
    if (path.length >= maxDepth) {
      findings.tooDeep ??= path;
      continue;
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ holder: value, key: i, path: [...path, i] });
      continue;
    }
    const original = Object.keys(value);
    const object = cleanKeys(value);
    if (object !== value) (holder as Record<string | number, JsonValue>)[key] = object;
    const keys = Object.keys(object);
    for (let i = keys.length - 1; i >= 0; i--) {
      const name = keys[i]!;
      if (name === RESERVED_KEY) findings.reservedKeys.push([...path, name]);
      // The path keeps the key as written, for its line.
      const written = keys.length === original.length ? original[i]! : name;
      stack.push({ holder: object, key: name, path: [...path, written], controlKey: name !== written });
    }
  }
  findings.reservedKeys.sort((a, b) => a.length - b.length);
  return { value: box.root!, findings };
}

/** The object itself, or a copy (same key order, same own `__proto__` key) whose keys hold no control character. */
function cleanKeys(object: JsonObject): JsonObject {
  if (!Object.keys(object).some(hasControlCharacters)) return object;
  return Object.fromEntries(Object.entries(object).map(([name, v]) => [replaceControlCharacters(name).text, v])) as JsonObject;
}

function noteControl(findings: TreeFindings, path: Path): void {
  findings.controlCharacters.count++;
  findings.controlCharacters.first ??= path;
}
