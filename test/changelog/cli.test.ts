import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { specsDocuments } from '../../generator/changelog/specs-documents.ts';
import { main as changelogMain } from '../../generator/changelog/cli.ts';
import { ROOT, runInProcess, runTs } from '../support/cli.ts';
import { editAmendOrderPage } from '../check/edit-page.ts';

const PAGES = ['api-reference/orders/amend-order-v2.md', 'api-reference/api-keys/create-api-key.md'];

/** A throwaway git repository whose first commit holds three real pages and their merged document. */
function repository(): string {
  const repo = mkdtempSync(join(tmpdir(), 'changelog-repo-'));
  for (const page of PAGES) {
    mkdirSync(join(repo, 'specs', page, '..'), { recursive: true });
    cpSync(join(ROOT, 'test', 'fixtures', 'check', page), join(repo, 'specs', page));
    chmodSync(join(repo, 'specs', page), 0o644);
  }
  const { documents } = specsDocuments(join(repo, 'specs'), 'specs/');
  mkdirSync(join(repo, 'generated', 'openapi'), { recursive: true });
  for (const [api, document] of documents) writeFileSync(join(repo, 'generated', 'openapi', `${api}.json`), JSON.stringify(document, null, 2) + '\n');
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo, stdio: 'pipe' });
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', 'snapshot');
  git('tag', 'v1');
  return repo;
}

describe('make changelog FROM=<ref> (generator/changelog/cli.ts)', () => {
  let repo: string;
  beforeAll(() => {
    repo = repository();
    editAmendOrderPage(join(repo, 'specs', 'api-reference/orders/amend-order-v2.md'));
  });

  it('prints the markdown changelog between the documents at the ref and the current specs/', () => {
    const run = runTs('generator/changelog/cli.ts', ['--from', 'v1', '--repo', repo, '--specs', join(repo, 'specs')]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('# API changes since v1');
    expect(run.stdout).toContain('**3 breaking**, 0 warnings, 0 non-breaking.');
    expect(run.stdout).toMatch(/- `POST \/portfolio\/events\/orders\/\{order_id\}\/amend` \(`ModifyOrderV2`, `.*\/specs\/api-reference\/orders\/amend-order-v2\.md:\d+`\)/);
    expect(run.stdout).toContain('  - operationId renamed from AmendOrderV2 to ModifyOrderV2: wrapper amendOrderV2() → modifyOrderV2()');
    expect(run.stdout).toMatch(/- schema `AmendOrderV2Request` \(`.*amend-order-v2\.md:\d+`\)\n {2}- property `reason` added as required \(line \d+\)\n/);
    expect(run.stdout).toMatch(/- schema `AmendOrderV2Response` \(`.*amend-order-v2\.md:\d+`\)\n {2}- property `client_order_id` removed\n/);
  });

  // The CLI's own process is run above; the other cases call its main in-process (same code, no Node start).
  it('prints text on request, and nothing changed at HEAD of an unedited tree', async () => {
    const clean = repository();
    const run = await runInProcess(changelogMain, ['--from', 'HEAD', '--repo', clean, '--specs', join(clean, 'specs'), '--format', 'text']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('API changes in trade: none\n');
  });

  it.each([
    [['--from', 'no-such-ref'], 'unknown git ref: no-such-ref'],
    [['--from=--upload-pack=x'], 'not a git ref'],
    [[], 'missing --from'],
    [['--from', 'v1', '--format', 'html'], 'unknown format: html'],
  ])('exits 2 on %j', async (args, message) => {
    const run = await runInProcess(changelogMain, [...args, '--repo', repo]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
  });
});
