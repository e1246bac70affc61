import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../generator/diagnostics/diagnostic.ts';
import { normalise } from '../../generator/normalise/index.ts';
import { embeddedPage, oneOperation, pageOf } from '../support/pages.ts';

function fragmentOf(document: object, fence?: string, file = 'api-reference/orders/page.md') {
  const { page, diagnostics } = pageOf(file, embeddedPage(document, fence ? { fence } : {}));
  return { fragment: normalise(page ? [page] : [], diagnostics)[0], diagnostics };
}

describe('embedded OpenAPI pages', () => {
  it('keeps a $ref with siblings as allOf plus the siblings (nullable, description)', () => {
    const { fragment } = fragmentOf(
      oneOperation('get', '/x', {}, {
        schemas: {
          Order: {
            type: 'object',
            properties: {
              price: { $ref: '#/components/schemas/Dollars', nullable: true, description: 'Price', 'x-omitempty': false },
              plain: { $ref: '#/components/schemas/Dollars' },
              tagged: { allOf: [{ $ref: '#/components/schemas/Dollars' }], 'x-oapi-codegen-extra-tags': { validate: 'required' } },
            },
          },
          Dollars: { type: 'string', 'x-go-type-skip-optional-pointer': true },
        },
      }),
    );
    expect(fragment!.components.schemas!.Order!.value).toEqual({
      type: 'object',
      properties: {
        price: { allOf: [{ $ref: '#/components/schemas/Dollars' }], nullable: true, description: 'Price' },
        plain: { $ref: '#/components/schemas/Dollars' },
        tagged: { $ref: '#/components/schemas/Dollars' },
      },
    });
    expect(fragment!.components.schemas!.Dollars!.value).toEqual({ type: 'string' });
  });

  it('records info.version, page date and the component lines', () => {
    const { fragment } = fragmentOf(oneOperation('get', '/x', {}, { schemas: { A: { type: 'string' } } }, '3.28.0'));
    expect(fragment!.page).toEqual({ file: 'api-reference/orders/page.md', kind: 'embedded', date: '2026-01-01T00:00:00.000Z', version: '3.28.0' });
    expect(fragment!.components.schemas!.A!.source.line).toBeGreaterThan(9);
  });

  it('inherits root security and path-level parameters; keeps x-enum-varnames', () => {
    const doc = oneOperation('get', '/items/{id}', { parameters: [{ name: 'q', in: 'query', schema: { type: 'string', 'x-enum-varnames': ['Q'] } }] }) as any;
    doc.security = [];
    doc.paths['/items/{id}'].parameters = [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }];
    const { fragment } = fragmentOf(doc);
    const op = fragment!.operations[0]!.operation as any;
    expect(op.security).toEqual([]);
    expect(op.parameters.map((p: any) => p.name)).toEqual(['id', 'q']);
    expect(op.parameters[1].schema['x-enum-varnames']).toEqual(['Q']);
  });

  it('drops siblings of references where OpenAPI allows only a Reference Object', () => {
    const { fragment } = fragmentOf(oneOperation('get', '/x', { responses: { '400': { $ref: '#/components/responses/Bad', description: 'x' } } }));
    expect((fragment!.operations[0]!.operation as any).responses['400']).toEqual({ $ref: '#/components/responses/Bad' });
  });

  it('assigns the API from the fence and the folder', () => {
    expect(fragmentOf(oneOperation('get', '/margin/x', {}), '/perps_openapi.yaml get /margin/x').fragment!.api).toBe('perps');
    expect(fragmentOf(oneOperation('get', '/x', {}), undefined, 'margin-rest/orders/x.md').fragment!.api).toBe('perps');
    expect(fragmentOf(oneOperation('get', '/x', {})).fragment!.api).toBe('trade');
  });

  it('derives a missing operationId from the page title, with a note', () => {
    const { fragment, diagnostics } = fragmentOf(oneOperation('get', '/x', {}));
    expect(fragment!.operations[0]!.operation.operationId).toBe('TestPage');
    expect(diagnostics.sorted().map((d) => d.code)).toEqual(['operation-id-derived']);
  });

  it('rejects Swagger 2 documents', () => {
    const { fragment, diagnostics } = fragmentOf({ openapi: '2.0', paths: {} });
    expect(fragment).toBeUndefined();
    expect(diagnostics.hasErrors()).toBe(true);
  });
});

describe('normalise leaves its input alone', () => {
  it('does not mutate the parsed pages', () => {
    const { page } = pageOf('a.md', embeddedPage(oneOperation('get', '/x', {}, { schemas: { A: { $ref: '#/components/schemas/B', nullable: true }, B: { type: 'string' } } })));
    const before = JSON.stringify(page!.blocks[0]!.yaml.value);
    normalise([page!], new Diagnostics());
    expect(JSON.stringify(page!.blocks[0]!.yaml.value)).toBe(before);
  });
});
