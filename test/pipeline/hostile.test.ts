import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReport, runCli } from '../support/cli.ts';
import { embeddedPage, oneOperation, specsDir } from '../support/pages.ts';

const GOOD = embeddedPage(oneOperation('get', '/good', { operationId: 'GetGood' }));
const ref = (name: string) => ({ responses: { '200': { description: 'OK', content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } } } } });

/** Runs the CLI over `files` into an output folder that already holds a previous generation. */
function generateInto(files: Record<string, string>, extra: string[] = []) {
  const specs = specsDir({ 'good.md': GOOD });
  const work = mkdtempSync(join(tmpdir(), 'hostile-'));
  const out = join(work, 'generated');
  const report = join(work, 'report.json');
  expect(runCli(['--specs', specs, '--out', out]).status).toBe(0);
  writeFileSync(join(out, 'previous.txt'), 'kept');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(specs, name), text);
  const before = readdirSync(join(out, 'openapi')).map((f) => readFileSync(join(out, 'openapi', f), 'utf8'));
  const run = runCli(['--specs', specs, '--out', out, '--report', report, ...extra]);
  const after = existsSync(join(out, 'openapi')) ? readdirSync(join(out, 'openapi')).map((f) => readFileSync(join(out, 'openapi', f), 'utf8')) : [];
  return { run, report: readReport(report), untouched: existsSync(join(out, 'previous.txt')) && JSON.stringify(before) === JSON.stringify(after), specs };
}

describe('hostile pages', () => {
  const failing: [string, Record<string, string>, string][] = [
    ['malformed YAML', { 'bad.md': '# Bad\n\n````yaml /openapi.yaml get /bad\nopenapi: 3.0.0\npaths: [unclosed\n````\n' }, 'yaml-malformed'],
    ['an unterminated fence', { 'bad.md': '# Bad\n\n````yaml /openapi.yaml get /bad\nopenapi: 3.0.0\n' }, 'fence-unterminated'],
    [
      'an alias bomb',
      {
        'bad.md':
          '````yaml\na: &a ["x","x","x","x","x","x","x","x","x","x"]\n' +
          Array.from({ length: 8 }, (_, i) => `${'bcdefghi'[i]}: &${'bcdefghi'[i]} [${Array(10).fill(`*${'abcdefghi'[i]}`).join(',')}]`).join('\n') +
          '\n````\n',
      },
      'yaml-alias-bomb',
    ],
    [
      'two pages giving one operationId to different paths',
      {
        'one.md': embeddedPage(oneOperation('get', '/one', { operationId: 'Same' })),
        'two.md': embeddedPage(oneOperation('get', '/two', { operationId: 'Same' })),
      },
      'operation-id-duplicate',
    ],
    [
      'schemas that are only references to each other',
      { 'loop.md': embeddedPage(oneOperation('get', '/loop', { operationId: 'Loop', ...ref('A') }, { schemas: { A: { $ref: '#/components/schemas/B' }, B: { $ref: '#/components/schemas/A' } } })) },
      'schema-ref-cycle',
    ],
  ];

  it.each(failing)('%s: named error, exit 1, previous output untouched', (_name, files, code) => {
    const { run, report, untouched } = generateInto(files);
    expect(run.status).toBe(1);
    const found = report.diagnostics.find((d) => d.code === code);
    expect(found).toMatchObject({ severity: 'error', source: { file: expect.stringMatching(/\.md$/) } });
    expect(run.stderr).toContain(code);
    expect(run.stderr).toMatch(/was not changed/);
    expect(untouched).toBe(true);
  });

  it('a 50 MB page: named error, no crash, previous output untouched', () => {
    const specs = specsDir({ 'good.md': GOOD });
    const fd = openSync(join(specs, 'huge.md'), 'w');
    writeSync(fd, '#', 50 * 1024 * 1024);
    closeSync(fd);
    const work = mkdtempSync(join(tmpdir(), 'hostile-'));
    const run = runCli(['--specs', specs, '--out', join(work, 'out'), '--report', join(work, 'r.json')]);
    expect(run.status).toBe(1);
    expect(readReport(join(work, 'r.json')).diagnostics[0]).toMatchObject({ code: 'page-too-large', source: { file: 'huge.md' } });
    expect(existsSync(join(work, 'out'))).toBe(false);
  });

  it('a $ref that points nowhere: a warning naming page and line; --strict makes it fail', () => {
    const files = { 'dangling.md': embeddedPage(oneOperation('get', '/d', { operationId: 'D', ...ref('Nowhere') })) };
    const lenient = generateInto(files);
    expect(lenient.run.status).toBe(0);
    expect(lenient.report.diagnostics.find((d) => d.code === 'ref-unresolved')).toMatchObject({
      severity: 'warning',
      source: { file: 'dangling.md', line: expect.any(Number) },
    });
    const strict = generateInto(files, ['--strict']);
    expect(strict.run.status).toBe(1);
    expect(strict.untouched).toBe(true);
  });

  it('a recursive schema is fine: generated, with a note', () => {
    const node = { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } };
    const { run, report } = generateInto({ 'tree.md': embeddedPage(oneOperation('get', '/tree', { operationId: 'Tree', ...ref('Node') }, { schemas: { Node: node } })) });
    expect(run.status).toBe(0);
    expect(report.diagnostics.map((d) => d.code)).toContain('schema-circular');
  });
});

describe('CLI usage', () => {
  it('exits 2 on an unknown flag or a missing specs folder, printing usage', () => {
    const unknown = runCli(['--nope']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/usage:/);
    expect(runCli(['--specs', '/definitely/not/here']).status).toBe(2);
  });

  it('prints help and exits 0', () => {
    const help = runCli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--strict/);
  });

  it('groups diagnostics by code with counts and ends with a summary line', () => {
    const specs = specsDir({ 'good.md': GOOD, 'empty.md': '', 'plain.md': '# Title only\n\nSome words.\n' });
    const run = runCli(['--specs', specs, '--dry-run']);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/warning page-empty \(1\)\n {2}empty\.md/);
    expect(run.stderr).toMatch(/warning page-without-openapi \(1\)\n {2}plain\.md/);
    expect(run.stderr).toMatch(/0 error\(s\), 2 warning\(s\)/);
  });
});
