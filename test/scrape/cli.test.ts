import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { main as scrapeMain } from '../../generator/scrape/cli.ts';
import { ROOT, runInProcess } from '../support/cli.ts';
import { startSite, type SiteServer } from './site-server.ts';
import { existingSpecs, SITE, SITE_PAGES, tree } from './tree.ts';

let site: SiteServer | undefined;
afterEach(async () => {
  await site?.close();
  site = undefined;
});

/** Runs the CLI in a child process (asynchronously: the fixture site answers from this process). */
async function scrapeCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', join(ROOT, 'generator/scrape/cli.ts'), ...args], {
      cwd: ROOT,
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** The CLI's main in this process (its own process is run by the first test): same code, no Node start. */
async function scrapeInProcess(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const run = await runInProcess(scrapeMain, args);
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

describe('npx tsx generator/scrape/cli.ts', () => {
  it('prints plain progress lines when not on a terminal and a summary; exit 0', async () => {
    site = await startSite(SITE);
    const specs = existingSpecs();
    const run = await scrapeCli(['--site', site.url, '--specs', specs]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`index ${site.url}/llms.txt: 9 API pages`);
    expect(run.stderr).toMatch(/^\[\d\/9\] downloaded api-reference\/orders\/get-order\.md$/m);
    expect(run.stderr).not.toContain('\r');
    expect(run.stdout).toContain('scrape: 6 added, 2 changed, 1 unchanged, 1 dropped, 0 listed again, 0 failed');
    expect(run.stdout).toContain(`  dropped  ${specs}/api-reference/live_data/get-live-data.md → ${specs}/dropped/api-reference/live_data/get-live-data.md`);
    expect([...tree(specs).keys()].filter((f) => /^(api-reference|margin-rest|typescript-sdk|websockets)\/|^asyncapi/.test(f))).toEqual(SITE_PAGES);
  });

  it('exits 1 and touches nothing when the index fails', async () => {
    site = await startSite(SITE, { '/llms.txt': { kind: 'status', status: 404 } });
    const specs = existingSpecs();
    const before = tree(specs);
    const run = await scrapeInProcess(['--site', site.url, '--specs', specs, '--retries', '0']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`could not use the site's index: ${site.url}/llms.txt: HTTP 404`);
    expect(run.stdout).toContain('left untouched');
    expect(tree(specs)).toEqual(before);
  });

  it('exits 1 and touches nothing when a page fails; --allow-partial updates the rest and says so', async () => {
    site = await startSite(SITE, { '/typescript-sdk/api/ApiKeysApi.md': { kind: 'status', status: 404 } });
    const specs = existingSpecs();
    const before = tree(specs);
    const failed = await scrapeInProcess(['--site', site.url, '--specs', specs, '--retries', '0']);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain(`scrape failed: 1 page(s) could not be downloaded; ${specs}/ left untouched`);
    expect(failed.stdout).toContain('  failed   typescript-sdk/api/ApiKeysApi.md: HTTP 404');
    expect(tree(specs)).toEqual(before);
    const partial = await scrapeInProcess(['--site', site.url, '--specs', specs, '--retries', '0', '--allow-partial']);
    expect(partial.code).toBe(1);
    expect(partial.stdout).toContain('WARNING: PARTIAL SCRAPE (--allow-partial)');
    expect(tree(specs)).not.toEqual(before);
  });

  it.each([[['--concurrency', '0']], [['--site', 'not a url']], [['--bogus']]])('exits 2 on bad usage %j', async (args) => {
    const run = await scrapeInProcess(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('usage:');
  });
});
