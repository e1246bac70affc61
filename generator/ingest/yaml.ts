import { nestingEstimate } from './nesting.ts';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { JsonValue } from '../openapi/json.ts';
import { inspectTree, type TreeFindings } from './yaml-tree.ts';
import { expandedNodeCount } from './yaml-aliases.ts';

/**
 * YAML 1.2 (core schema) parsing with resource bounds and line numbers.
 *
 * - Quoted `'yes'` / `'no'` stay strings; unquoted `yes` is a string too under YAML 1.2.
 * - Anchors and aliases are resolved; the size of the expanded tree is bounded first, so an alias bomb fails fast.
 * - The result is an independent tree (aliases copied), safe to transform without aliasing surprises, and no
 *   deeper than `maxDepth` (every later stage may recurse over it without exhausting the stack).
 * - `lineOf(path)` maps a path in the result back to the 1-based page line.
 */

export const YAML_LIMITS = {
  /** Largest YAML block accepted, in characters. */
  maxChars: 5_000_000,
  /** Most nodes a block may have once its aliases are expanded; real pages stay far below it. */
  maxExpandedNodes: 1_000_000,
  /** Largest expanded JSON accepted, in characters: catches expansion that stays under the alias budget. */
  maxExpandedChars: 20_000_000,
  /** Deepest nesting accepted (maps and sequences); real pages stay under 20. */
  maxDepth: 64,
};

export interface ParsedYaml {
  value: JsonValue;
  /** Page line of the node at `path` (or of its nearest ancestor that has one). */
  lineOf(path: readonly (string | number)[]): number;
  /** What the parser let through but later stages must hear about: reserved keys, control characters. */
  findings: TreeFindings;
}

export class YamlError extends Error {
  constructor(
    readonly code: 'yaml-malformed' | 'yaml-too-large' | 'yaml-too-deep' | 'yaml-alias-bomb' | 'yaml-circular-alias',
    message: string,
    /** 1-based page line the problem was found at. */
    readonly line: number,
  ) {
    super(message);
  }
}

/**
 * Parses `text`, whose first line is line `firstLine` of the page.
 * Throws `YamlError` for anything the caller should report instead of using.
 */
export function parseYaml(text: string, firstLine = 1): ParsedYaml {
  if (text.length > YAML_LIMITS.maxChars) {
    throw new YamlError(
      'yaml-too-large',
      `YAML block is ${text.length} characters, over the limit of ${YAML_LIMITS.maxChars}`,
      firstLine,
    );
  }
  // Far deeper than any page: refused before the library recurses into it (see nesting.ts).
  const nesting = nestingEstimate(text);
  if (nesting.depth > YAML_LIMITS.maxDepth * 4) throw tooDeep(nesting.line + firstLine - 1);
  const lineCounter = new LineCounter();
  const doc = guardDepth(firstLine, () =>
    parseDocument(text, { version: '1.2', schema: 'core', lineCounter, prettyErrors: false, uniqueKeys: false }),
  );
  const pageLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const first = doc.errors[0];
  if (first) {
    const message = first.message.split('\n')[0] ?? first.message;
    if (/call stack/i.test(message)) throw tooDeep(pageLine(first.pos[0]));
    throw new YamlError('yaml-malformed', `malformed YAML: ${message}`, pageLine(first.pos[0]));
  }
  if (expandedNodeCount(doc.contents, YAML_LIMITS.maxExpandedNodes) > YAML_LIMITS.maxExpandedNodes) {
    throw new YamlError('yaml-alias-bomb', 'YAML aliases expand beyond the safety limit (alias bomb?)', firstLine);
  }
  let value: unknown;
  try {
    // The expansion was bounded above; the library's own alias budget would walk the document once per alias.
    value = guardDepth(firstLine, () => doc.toJS({ maxAliasCount: -1 }));
  } catch (error) {
    if (error instanceof YamlError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new YamlError('yaml-malformed', `malformed YAML: ${message}`, firstLine);
  }
  const copy = independentCopy(value, firstLine);
  const lineOf = (path: readonly (string | number)[]): number => {
    let node: unknown = doc.contents;
    let best = firstLine;
    for (const key of path) {
      const step = childNode(node, key);
      if (!step) break;
      const range = (step.at as Node | null)?.range;
      if (range) best = pageLine(range[0]);
      node = step.node;
    }
    return best;
  };
  const { value: checked, findings } = inspectTree(copy, YAML_LIMITS.maxDepth);
  if (findings.tooDeep) {
    throw tooDeep(lineOf(findings.tooDeep));
  }
  return { value: checked, lineOf, findings };
}

/** Runs a recursive step of the YAML library; a stack overflow there means the input nests far too deep. */
function guardDepth<T>(line: number, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof RangeError && /call stack/i.test(error.message)) throw tooDeep(line);
    throw error;
  }
}

function tooDeep(line: number): YamlError {
  return new YamlError('yaml-too-deep', `YAML nests deeper than ${YAML_LIMITS.maxDepth} levels (real pages stay under 20)`, line);
}

/** The child at `key`: the node to descend into, and the node whose line names it (a map key, or the item). */
function childNode(node: unknown, key: string | number): { node: unknown; at: unknown } | undefined {
  if (isAlias(node)) return undefined;
  if (isMap(node)) {
    const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(key));
    return pair ? { node: pair.value, at: pair.key } : undefined;
  }
  if (isSeq(node) && typeof key === 'number') {
    const item = node.items[key];
    return item ? { node: item, at: item } : undefined;
  }
  return undefined;
}

/** Deep copy through JSON, which also rejects cycles and bounds the expanded size. */
function independentCopy(value: unknown, line: number): JsonValue {
  let text: string | undefined;
  try {
    text = JSON.stringify(value ?? null, (_key, v: unknown) => (typeof v === 'bigint' ? Number(v) : v));
  } catch (error) {
    if (error instanceof RangeError && /call stack/i.test(error.message)) throw tooDeep(line);
    if (error instanceof RangeError) {
      throw new YamlError('yaml-alias-bomb', 'YAML expands beyond the safety limit', line);
    }
    throw new YamlError('yaml-circular-alias', 'YAML contains an alias inside its own anchor (a cycle)', line);
  }
  if ((text ?? '').length > YAML_LIMITS.maxExpandedChars) {
    throw new YamlError('yaml-alias-bomb', 'YAML expands beyond the safety limit after resolving aliases', line);
  }
  return JSON.parse(text ?? 'null') as JsonValue;
}
