import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../generator/write/list-files.ts';
import { main as generatorMain } from '../../generator/cli.ts';
import { readReport, runCli, runInProcess, type CliRun } from '../support/cli.ts';
import { embeddedPage, oneOperation, specsDir } from '../support/pages.ts';

/**
 * Hostile inputs through the CLI, as a user meets them. Each folder of pages is run once: every page must end in
 * its own named diagnostic at its own file (never an internal error, exit 70), whatever the other pages hold.
 */

const GOOD = embeddedPage(oneOperation('get', '/good', { operationId: 'GetGood' }));
const ok = (name: string) => ({ responses: { '200': { description: 'OK', content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } } } } });
const yamlPage = (body: string) => `# Page\n\n\`\`\`\`yaml /openapi.yaml get /x\n${body}\n\`\`\`\`\n`;
const lol = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]']
  .concat(Array.from({ length: 8 }, (_, i) => `${'bcdefghi'[i]}: &${'bcdefghi'[i]} [${Array(10).fill(`*${'abcdefghi'[i]}`).join(',')}]`))
  .join('\n');

/** file → the error it must produce. */
const ERRORS: Record<string, [string, string]> = {
  'malformed.md': ['yaml-malformed', yamlPage('openapi: 3.0.0\npaths: [unclosed')],
  'unterminated.md': ['fence-unterminated', '# Bad\n\n````yaml /openapi.yaml get /bad\nopenapi: 3.0.0\n'],
  'bomb.md': ['yaml-alias-bomb', yamlPage(lol)],
  'deep.md': ['yaml-too-deep', yamlPage(`${'- '.repeat(10_000)}end`)],
  'two.md': ['operation-id-duplicate', embeddedPage(oneOperation('get', '/two', { operationId: 'Same' }))],
  'loop.md': [
    'schema-ref-cycle',
    embeddedPage(oneOperation('get', '/loop', { operationId: 'Loop', ...ok('A') }, { schemas: { A: { $ref: '#/components/schemas/B' }, B: { $ref: '#/components/schemas/A' } } })),
  ],
  'proto-schema.md': [
    'name-reserved',
    yamlPage('openapi: 3.0.0\npaths:\n  /p:\n    get:\n      operationId: P\n      responses: {}\ncomponents:\n  schemas:\n    __proto__:\n      type: object'),
  ],
  'dots.md': ['operation-path-invalid', embeddedPage(oneOperation('get', '/markets/../../admin', { operationId: 'Escape' }))],
  'proto-param.md': ['operation-path-invalid', embeddedPage(oneOperation('get', '/things/{__proto__}', { operationId: 'Proto' }))],
  'huge.md': ['page-too-large', ''],
};

/** An output folder as a previous run left it (the run below must not change it). */
function previousOutput(): string {
  const out = join(mkdtempSync(join(tmpdir(), 'hostile-')), 'generated');
  mkdirSync(out);
  writeFileSync(join(out, 'stats.json'), '{"previous":true}\n');
  writeFileSync(join(out, 'kept.txt'), 'kept');
  return out;
}

describe('a folder of hostile pages', () => {
  let run: CliRun;
  let report: ReturnType<typeof readReport>;
  let out: string;
  beforeAll(() => {
    const specs = specsDir({ 'good.md': GOOD, 'one.md': embeddedPage(oneOperation('get', '/one', { operationId: 'Same' })) });
    for (const [file, [, text]] of Object.entries(ERRORS)) if (text) writeFileSync(join(specs, file), text);
    const fd = openSync(join(specs, 'huge.md'), 'w');
    writeSync(fd, '#', 50 * 1024 * 1024);
    closeSync(fd);
    out = previousOutput();
    run = runCli(['--specs', specs, '--out', out, '--report', join(out, '..', 'report.json')]);
    report = readReport(join(out, '..', 'report.json'));
  }, 120_000);

  it('exits 1 with the diagnostics, never an internal error', () => {
    expect(run.status).toBe(1);
    expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(run.stderr).toMatch(/generation failed; .* was not changed/);
  });

  it.each(Object.entries(ERRORS).map(([file, [code]]) => [file, code]))('%s: %s, an error at that page', (file, code) => {
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ code, severity: 'error', source: expect.objectContaining({ file }) }));
    expect(run.stderr).toContain(code);
  });

  it('leaves the previous output as it was', () => {
    expect(listFiles(out)).toEqual(['kept.txt', 'stats.json']);
    expect(readFileSync(join(out, 'stats.json'), 'utf8')).toBe('{"previous":true}\n');
  });
});

describe('a folder of pages with warnings, and the leftovers of a killed run', () => {
  let specs: string;
  let out: string;
  let run: CliRun;
  let report: ReturnType<typeof readReport>;
  beforeAll(async () => {
    const node = { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } };
    const withNul = embeddedPage(oneOperation('get', '/nul', { operationId: 'Nul', description: 'escaped "\0" here' }), { title: 'Raw \u0000 title' });
    specs = specsDir({
      'good.md': GOOD,
      'dangling.md': embeddedPage(oneOperation('get', '/d', { operationId: 'D', ...ok('Nowhere') })),
      'tree.md': embeddedPage(oneOperation('get', '/tree', { operationId: 'Tree', ...ok('Node') }, { schemas: { Node: node } })),
      'undeclared.md': embeddedPage(oneOperation('get', '/things/{thing_id}', { operationId: 'GetThing' })),
      'nul.md': withNul,
      'empty.md': '',
      'plain.md': '# Title only\n\nSome words.\n',
      'elsewhere/page.md': GOOD,
    });
    symlinkSync(join(specs, 'elsewhere'), join(specs, 'linked'));
    expect(spawnSync('mkfifo', [join(specs, 'pipe.md')]).status).toBe(0);
    out = join(mkdtempSync(join(tmpdir(), 'hostile-')), 'generated');
    const dead = spawnSync('true').pid!;
    mkdirSync(`${out}.prev-${dead}`);
    writeFileSync(join(`${out}.prev-${dead}`, 'stats.json'), '{}');
    mkdirSync(`${out}.next-${dead}`);
    // In-process (the CLI's own process is tested above and below): the second run reuses the loaded generator.
    run = await runInProcess(generatorMain, ['--specs', specs, '--out', out, '--report', join(out, '..', 'report.json')]);
    report = readReport(join(out, '..', 'report.json'));
  }, 120_000);

  it('generates (exit 0), each page named by its warning', () => {
    expect(run.status, run.stderr).toBe(0);
    const found = report.diagnostics.filter((d) => d.severity === 'warning').map((d) => [d.code, d.source?.file]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['ref-unresolved', 'dangling.md'],
        ['path-parameter-undeclared', 'undeclared.md'],
        ['page-control-character', 'nul.md'],
        ['yaml-control-character', 'nul.md'],
        ['page-symlink', 'linked'],
        ['page-not-a-file', 'pipe.md'],
        ['page-empty', 'empty.md'],
        ['page-without-openapi', 'plain.md'],
      ]),
    );
    expect(report.diagnostics.find((d) => d.code === 'schema-circular')).toMatchObject({ severity: 'info', source: { file: 'tree.md' } });
  });

  it('prints diagnostics grouped by code with counts, ending with a summary line', () => {
    expect(run.stderr).toMatch(/warning page-empty \(1\)\n {2}empty\.md/);
    expect(run.stderr).toMatch(/warning page-symlink \(1\)\n {2}linked {2}symbolic link, not followed/);
    expect(run.stderr).toMatch(/\d+ error\(s\), \d+ warning\(s\), \d+ info/);
  });

  it('recovers the output folder the killed run left aside and removes its staging folder', () => {
    expect(report.diagnostics.filter((d) => d.code === 'output-recovered').map((d) => d.message)).toEqual([
      expect.stringMatching(/^removed generated\.next-\d+, left by a run \(process \d+\) that was stopped$/),
      expect.stringMatching(/^restored generated from generated\.prev-\d+/),
    ]);
    expect(readdirSync(join(out, '..')).sort()).toEqual(['generated', 'report.json']);
  });

  it('writes a package (type-checked in the run) with no control character in any file', () => {
    const files = listFiles(out);
    expect(files).toContain('src/trade/client.ts');
    for (const file of files) expect(readFileSync(join(out, file), 'utf8'), file).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(readFileSync(join(out, 'src/trade/client.ts'), 'utf8')).toContain('thingId: ');
  });

  it('--strict fails on those warnings and leaves the output alone', async () => {
    const before = listFiles(out).map((f) => readFileSync(join(out, f), 'utf8'));
    const strict = await runInProcess(generatorMain, ['--specs', specs, '--out', out, '--strict', '--force']);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toMatch(/--strict: new warnings count as errors/);
    expect(listFiles(out).map((f) => readFileSync(join(out, f), 'utf8'))).toEqual(before);
  }, 120_000);
});

describe('output folders that would destroy work', () => {
  /** A clone: `.git`, the pages, an uncommitted file. */
  const clone = () => {
    const dir = mkdtempSync(join(tmpdir(), 'clone-'));
    mkdirSync(join(dir, '.git'));
    mkdirSync(join(dir, 'specs'));
    writeFileSync(join(dir, 'specs', 'good.md'), GOOD);
    writeFileSync(join(dir, 'notes.txt'), 'uncommitted');
    return dir;
  };
  const snapshot = (dir: string) => [...listFiles(dir), ...readdirSync(dir)].map((f) => (existsSync(join(dir, f)) ? f : `missing ${f}`));

  it.each([
    ['.', /it is the current directory/],
    ['specs', /it is the specs folder/],
    ['specs/generated', /inside the specs folder/],
  ])('--out %s: exit 2, a clear message, nothing touched', (outArg, message) => {
    const dir = clone();
    const before = snapshot(dir);
    const run = runCli(['--specs', 'specs', '--out', outArg], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/nothing was written or deleted/);
    expect(snapshot(dir)).toEqual(before);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('uncommitted');
  });
});

describe('CLI usage', () => {
  it('exits 2 on an unknown flag or a missing specs folder, printing usage', async () => {
    const unknown = runCli(['--nope']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/usage:/);
    expect((await runInProcess(generatorMain, ['--specs', '/definitely/not/here'])).status).toBe(2);
  });

  it('prints help and exits 0', async () => {
    const help = await runInProcess(generatorMain, ['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--strict/);
  });
});
