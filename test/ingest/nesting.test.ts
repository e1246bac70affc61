import { describe, expect, it } from 'vitest';
import { nestingEstimate } from '../../generator/ingest/nesting.ts';

describe('nestingEstimate (read before the YAML library recurses)', () => {
  it.each<[string, string, number, number]>([
    ['flat keys', 'a: 1\nb: 2', 0, 1],
    ['indented maps', 'a:\n  b:\n    c: 1', 2, 3],
    ['a block sequence of sequences on one line', 'x:\n- - - end', 3, 2],
    ['flow brackets across lines', 'a: [[\n  [1]]]', 3, 2],
    ['brackets inside quotes and comments', 'a: "[[[[" # [[[[\nb: \'{{{{\'', 0, 1],
  ])('%s', (_name, text, depth, line) => expect(nestingEstimate(text)).toEqual({ depth, line }));

  it('finds 10,000 levels in a few milliseconds of linear work', () => {
    expect(nestingEstimate(`${'- '.repeat(10_000)}end`).depth).toBe(10_000);
    expect(nestingEstimate(`${'['.repeat(5_000)}${']'.repeat(5_000)}`).depth).toBe(5_000);
  });
});
