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

export function inspectTree(root: JsonValue, maxDepth: number): TreeFindings {
  const findings: TreeFindings = { reservedKeys: [], controlCharacters: { count: 0 } };
  const stack: { holder: JsonObject | JsonValue[]; key: string | number; path: Path }[] = [];
  const box: JsonObject = { root };
  stack.push({ holder: box, key: 'root', path: [] });
  while (stack.length > 0) {
    const { holder, key, path } = stack.pop()!;
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
    const object = cleanKeys(value, path, findings);
    if (object !== value) (holder as Record<string | number, JsonValue>)[key] = object;
    const keys = Object.keys(object);
    for (let i = keys.length - 1; i >= 0; i--) {
      const name = keys[i]!;
      if (name === RESERVED_KEY) findings.reservedKeys.push([...path, name]);
      stack.push({ holder: object, key: name, path: [...path, name] });
    }
  }
  findings.reservedKeys.sort((a, b) => a.length - b.length);
  return findings;
}

/** The object itself, or a copy (same key order, same own `__proto__` key) whose keys hold no control character. */
function cleanKeys(object: JsonObject, path: Path, findings: TreeFindings): JsonObject {
  if (!Object.keys(object).some(hasControlCharacters)) return object;
  const entries = Object.entries(object).map(([name, v]): [string, JsonValue] => {
    if (!hasControlCharacters(name)) return [name, v];
    noteControl(findings, [...path, name]);
    return [replaceControlCharacters(name).text, v];
  });
  return Object.fromEntries(entries) as JsonObject;
}

function noteControl(findings: TreeFindings, path: Path): void {
  findings.controlCharacters.count++;
  findings.controlCharacters.first ??= path;
}
