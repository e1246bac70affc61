import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../generator/index.ts';
import { embeddedPage, oneOperation, specsDir } from '../support/pages.ts';

const EVIL = 'Ends the comment */ globalThis.injected = true; /* then `backticks` and ${globalThis.injected = true} and\n@param x fake tag';

describe('spec text cannot break or inject generated code', () => {
  it('builds a package from a hostile page, with the text kept only inside comments', async () => {
    const document = oneOperation(
      'get',
      '/evil/{weird-id}',
      {
        operationId: 'get`Evil${x}*/Thing',
        summary: EVIL,
        description: EVIL,
        parameters: [
          { name: 'weird-id', in: 'path', required: true, description: EVIL, schema: { type: 'string' } },
          { name: 'default', in: 'query', description: EVIL, schema: { type: 'string', enum: ["it's", 'a"b', '`${x}`'] } },
        ],
        responses: {
          '200': {
            description: EVIL,
            content: { 'application/json': { schema: { type: 'object', description: EVIL, properties: { 'odd key */': { type: 'string', description: EVIL } } } } },
          },
        },
      },
    );
    const out = join(mkdtempSync(join(tmpdir(), 'hostile-emit-')), 'generated');
    const result = await generate({ specsDir: specsDir({ 'evil.md': embeddedPage(document) }), outDir: out });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.ok).toBe(true);
    const client = readFileSync(join(out, 'src/trade/client.ts'), 'utf8');
    expect(client).toMatch(/\n {2}getEvilXThing\(/);
    const functions = readFileSync(join(out, 'src/trade/functions.ts'), 'utf8');
    expect(functions).toMatch(/\nexport function getEvilXThing\(/);
    expect(functions).toMatch(/['"]\/evil\/\{weird-id\}['"]/);
    const built = ['client', 'functions', 'base-client', 'types'].map((name) => readFileSync(join(out, `dist/trade/${name}.js`), 'utf8'));
    const code = built.join('\n');
    const withoutComments = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    expect(withoutComments).not.toContain('injected');
    const types = readFileSync(join(out, 'src/trade/types.ts'), 'utf8');
    expect(types.replace(/\/\*[\s\S]*?\*\//g, '')).not.toContain('injected');
  }, 120_000);
});
