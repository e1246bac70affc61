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

  it('reports the page line of a syntax error', () => {
    const error = failure('a: 1\nb: [1, 2\nc: 3\n', 20);
    expect(error.line).toBeGreaterThanOrEqual(21);
    expect(error.message).toMatch(/malformed YAML/);
  });
});
