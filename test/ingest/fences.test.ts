import { describe, expect, it } from 'vitest';
import { findYamlFences, parseInfo } from '../../generator/ingest/fences.ts';

describe('parseInfo', () => {
  const table: [string, ReturnType<typeof parseInfo>][] = [
    ['openapi.yaml get /portfolio/orders', { specFile: 'openapi.yaml', method: 'get', path: '/portfolio/orders' }],
    ['/openapi.yaml post /portfolio/orders', { specFile: '/openapi.yaml', method: 'post', path: '/portfolio/orders' }],
    ['/perps_openapi.yaml delete /margin/orders/{id}', { specFile: '/perps_openapi.yaml', method: 'delete', path: '/margin/orders/{id}' }],
    ['https://spec.example.com/x get /v1/things', { specFile: 'https://spec.example.com/x', method: 'get', path: '/v1/things' }],
    ['get /user', { method: 'get', path: '/user' }],
    ['', {}],
    ['openapi.yaml', { specFile: 'openapi.yaml' }],
  ];
  it.each(table)('%j', (info, want) => expect(parseInfo(info)).toEqual(want));
});

describe('findYamlFences', () => {
  it('finds four-backtick fences and reports their lines', () => {
    const text = 'a\n````yaml openapi.yaml get /x\npaths: {}\n````\nb';
    const { fences, unterminated } = findYamlFences(text);
    expect(unterminated).toEqual([]);
    expect(fences).toHaveLength(1);
    expect(fences[0]).toMatchObject({ line: 2, body: 'paths: {}', method: 'get', path: '/x' });
  });

  it('does not close a four-backtick fence on a three-backtick line', () => {
    const text = '````yaml\na: |\n  ```\n  code\n  ```\n````\n';
    const { fences } = findYamlFences(text);
    expect(fences[0]!.body).toBe('a: |\n  ```\n  code\n  ```');
  });

  it('accepts three backticks and tildes, and several fences', () => {
    const text = '```yaml\na: 1\n```\n~~~yml get /y\nb: 2\n~~~\n';
    const { fences } = findYamlFences(text);
    expect(fences.map((f) => f.body)).toEqual(['a: 1', 'b: 2']);
    expect(fences[1]!.path).toBe('/y');
  });

  it('reports an unterminated fence with its line', () => {
    const { fences, unterminated } = findYamlFences('# T\n\n````yaml /openapi.yaml get /x\nopenapi: 3.0.0\n');
    expect(fences).toEqual([]);
    expect(unterminated).toEqual([{ line: 3, info: '/openapi.yaml get /x' }]);
  });

  it('ignores fences of other languages', () => {
    expect(findYamlFences('```typescript\nconst a = 1;\n```\n').fences).toEqual([]);
  });
});
