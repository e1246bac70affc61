import { describe, expect, it } from 'vitest';
import { parseYaml, YamlError } from '../../generator/ingest/yaml.ts';

function failure(text: string, firstLine = 1): YamlError {
  try {
    parseYaml(text, firstLine);
  } catch (error) {
    if (error instanceof YamlError) return error;
    throw error;
  }
  throw new Error('expected a YamlError');
}

describe('parseYaml', () => {
  it('parses YAML 1.2: quoted and bare yes/no stay strings', () => {
    expect(parseYaml("enum:\n  - 'yes'\n  - 'no'\nbare: yes\nflag: true\n").value).toEqual({
      enum: ['yes', 'no'],
      bare: 'yes',
      flag: true,
    });
  });

  it('resolves anchors into independent copies', () => {
    const value = parseYaml('a: &r\n  type: string\nb: *r\n').value as { a: object; b: object };
    expect(value.b).toEqual({ type: 'string' });
    expect(value.a).not.toBe(value.b);
  });

  it('maps paths back to page lines', () => {
    const parsed = parseYaml('paths:\n  /x:\n    get:\n      operationId: X\n', 10);
    expect(parsed.lineOf(['paths', '/x', 'get'])).toBe(12);
    expect(parsed.lineOf(['paths', '/x', 'get', 'operationId'])).toBe(13);
    expect(parsed.lineOf(['paths', '/missing', 'deeper'])).toBe(10);
  });

  const lol = (n: number) =>
    ['a: &a ["x","x","x","x","x","x","x","x","x","x"]']
      .concat(Array.from({ length: n }, (_, i) => `${'bcdefghijk'[i]}: &${'bcdefghijk'[i]} [${Array(10).fill(`*${'abcdefghijk'[i]}`).join(',')}]`))
      .join('\n');

  it.each([
    ['malformed', 'a: [1, 2\nb: c', 'yaml-malformed'],
    ['alias bomb', lol(8), 'yaml-alias-bomb'],
    ['circular alias', 'a: &a [*a]', 'yaml-circular-alias'],
    ['too large', `a: "${'x'.repeat(5_000_001)}"`, 'yaml-too-large'],
  ])('rejects %s input with a named error', (_name, text, code) => {
    expect(failure(text).code).toBe(code);
  });

  it.each([
    ['a 10,000-deep block sequence', `${'- '.repeat(10_000)}end`],
    ['a 2,000-deep flow sequence', `${'['.repeat(2_000)}${']'.repeat(2_000)}`],
    ['65 nested maps', Array.from({ length: 65 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' end'],
  ])('refuses %s as too deep, with the page line', (_name, text) => {
    const error = failure(text, 7);
    expect(error.code).toBe('yaml-too-deep');
    expect(error.line).toBeGreaterThanOrEqual(7);
  });

  it('accepts 60 nested maps (real pages stay under 20)', () => {
    const text = Array.from({ length: 60 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' end';
    expect(parseYaml(text).findings.tooDeep).toBeUndefined();
  });

  it('finds __proto__ keys with their path, kept as own keys', () => {
    const parsed = parseYaml('components:\n  schemas:\n    __proto__:\n      type: object\n', 3);
    expect(parsed.findings.reservedKeys).toEqual([['components', 'schemas', '__proto__']]);
    expect(parsed.lineOf(parsed.findings.reservedKeys[0]!)).toBe(5);
    expect(Object.keys((parsed.value as any).components.schemas)).toEqual(['__proto__']);
  });

  it('replaces control characters from YAML escapes, and counts them', () => {
    const parsed = parseYaml('a: "x\\0y"\nb:\n  - "\\e"\n"k\\x01": 1\n');
    expect(parsed.value).toEqual({ a: 'x\uFFFDy', b: ['\uFFFD'], 'k\uFFFD': 1 });
    expect(parsed.findings.controlCharacters.count).toBe(3);
    expect(parsed.findings.controlCharacters.first).toEqual(['a']);
  });

  it('reports the page line of a syntax error', () => {
    const error = failure('a: 1\nb: [1, 2\nc: 3\n', 20);
    expect(error.line).toBeGreaterThanOrEqual(21);
    expect(error.message).toMatch(/malformed YAML/);
  });
});
