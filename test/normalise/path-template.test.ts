import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../generator/diagnostics/diagnostic.ts';
import { pathTemplateProblem, templateParameters } from '../../generator/normalise/common/path-template.ts';
import { normalise } from '../../generator/normalise/index.ts';
import { embeddedPage, oneOperation, pageOf } from '../support/pages.ts';

describe('operation paths the client can request safely', () => {
  const table: [string, RegExp | undefined][] = [
    ['/portfolio/orders/{order_id}', undefined],
    ['/markets/{ticker}/orderbook', undefined],
    ['/v1/files/', undefined],
    ['/../exchange/status', /"\." or "\.\." segment/],
    ['/portfolio/./orders', /"\." or "\.\." segment/],
    ['/a/%2e%2E/b', /"\." or "\.\." segment/],
    ['/a/%2e/b', /"\." or "\.\." segment/],
    ['/a/..', /"\." or "\.\." segment/],
    ['/a\\..\\b', /or "\\"/],
    ['/a?x=1', /"\?"/],
    ['/a#frag', /"#"/],
    ['/a b', /white space/],
    ['/a/\u0000', /control character/],
    ['portfolio/orders', /does not start with "\/"/],
    ['/a/{id', /braces/],
    ['/a/{x}}', /braces/],
    ['/a/{}', /empty \{\}/],
    ['/a/{id}/b/{id}', /twice/],
    ['/things/{__proto__}', /__proto__/],
  ];
  it.each(table)('%j', (path, problem) => {
    const found = pathTemplateProblem(path);
    if (problem) expect(found).toMatch(problem);
    else expect(found).toBeUndefined();
  });

  it('lists template parameters in order', () => {
    expect(templateParameters('/a/{x}/b/{y_z}')).toEqual(['x', 'y_z']);
  });

  it('refuses such an operation with an error naming page and line; the page\'s other operations stay', () => {
    const document = oneOperation('get', '/good', { operationId: 'Good' }) as any;
    document.paths['/../admin/{id}'] = { get: { operationId: 'Escape', responses: { '200': { description: 'OK' } } } };
    const { page, diagnostics } = pageOf('api-reference/x/page.md', embeddedPage(document));
    const fragments = normalise([page!], diagnostics);
    expect(fragments[0]!.operations.map((op) => op.path)).toEqual(['/good']);
    expect(diagnostics.sorted()).toContainEqual(
      expect.objectContaining({ code: 'operation-path-invalid', severity: 'error', source: { file: 'api-reference/x/page.md', line: expect.any(Number) } }),
    );
  });
});
