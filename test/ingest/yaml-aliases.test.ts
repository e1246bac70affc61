import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { expandedNodeCount } from '../../generator/ingest/yaml-aliases.ts';

/** Nodes of the fully expanded tree, counted the slow way (JSON of the resolved value): maps and pairs as nodes. */
function countExpanded(value: unknown): number {
  if (Array.isArray(value)) return 1 + value.reduce((n: number, item) => n + countExpanded(item), 0);
  if (value !== null && typeof value === 'object') return 1 + Object.values(value).reduce((n: number, item) => n + 2 + countExpanded(item) - 1, 0);
  return 1;
}

const count = (text: string, limit = 1_000_000) => expandedNodeCount(parseDocument(text).contents, limit);

describe('expandedNodeCount', () => {
  it.each([
    ['no aliases', 'a: 1\nb: [x, y]\n'],
    ['an alias of a map', 'a: &r {type: string, format: date}\nb: *r\nc: [*r, *r]\n'],
    ['nested anchors', 'a: &a [1, 2]\nb: &b [*a, *a, 3]\nc: [*b, *a]\n'],
    ['an anchor defined again: an alias takes the latest before it', 'a: &x [1]\nb: *x\nc: &x [1, 2, 3]\nd: *x\n'],
  ])('%s: the size of the tree the aliases expand to', (_, text) => {
    const expanded = countExpanded(parseDocument(text).toJS());
    expect(count(text)).toBe(expanded);
  });

  it('stops past the limit on an alias bomb without expanding it', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i <= 9; i++) levels.push(`l${i}: &l${i} [${Array(10).fill(i === 1 ? '*a' : `*l${i - 1}`).join(', ')}]`);
    expect(count(levels.join('\n'), 1_000)).toBeGreaterThan(1_000);
    expect(count(levels.slice(0, 3).join('\n'))).toBe(countExpanded(parseDocument(levels.slice(0, 3).join('\n')).toJS({ maxAliasCount: -1 })));
  });

  it('counts an alias inside its own anchor once (the copy made later reports the cycle)', () => {
    expect(count('a: &a [*a]')).toBe(4);
  });
});
