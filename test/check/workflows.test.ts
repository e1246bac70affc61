import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../support/cli.ts';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, { 'runs-on': string; steps: Step[] }>;
}

const workflow = (name: string): Workflow => parse(readFileSync(join(ROOT, '.github', 'workflows', name), 'utf8'), { strict: true });
const runs = (w: Workflow) => Object.values(w.jobs).flatMap((job) => job.steps.map((s) => s.run ?? ''));
const nodeVersion = (w: Workflow) => Object.values(w.jobs).flatMap((job) => job.steps.filter((s) => s.uses?.startsWith('actions/setup-node@')).map((s) => s.with?.['node-version']));

describe('the GitHub Actions workflows', () => {
  it('ci.yml runs the README test command and the drift check on pull requests and pushes, on Node 20', () => {
    const ci = workflow('ci.yml');
    expect(Object.keys(ci.on)).toEqual(expect.arrayContaining(['pull_request', 'push']));
    expect(runs(ci)).toEqual(expect.arrayContaining(['make test', expect.stringMatching(/^make check\b/)]));
    expect(nodeVersion(ci)).toEqual([20]);
    expect(Object.values(ci.jobs)[0]!.steps[0]!.uses).toMatch(/^actions\/checkout@/);
  });

  it('scrape.yml scrapes on a schedule or by hand, regenerates, writes the changelog to the job summary and fails on drift', () => {
    const nightly = workflow('scrape.yml');
    expect(Object.keys(nightly.on)).toEqual(['schedule', 'workflow_dispatch']);
    const commands = runs(nightly).join('\n');
    const order = ['make scrape', 'make -s changelog FROM=HEAD', 'GITHUB_STEP_SUMMARY', 'make generate', 'git status --porcelain -- specs generated', 'exit 1'];
    const positions = order.map((command) => commands.indexOf(command));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(nodeVersion(nightly)).toEqual([20]);
  });

  it('scrape.yml never proposes a partial specs/: the scrape may not fail quietly and the artifact needs a complete scrape', () => {
    const nightly = workflow('scrape.yml');
    const steps = Object.values(nightly.jobs).flatMap((job) => job.steps) as (Step & { id?: string; if?: string; 'continue-on-error'?: boolean })[];
    const scrape = steps.find((s) => s.run?.startsWith('make scrape'))!;
    expect(scrape.run).not.toContain('--allow-partial');
    expect(scrape['continue-on-error']).toBeUndefined();
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
    expect(upload.if).toBe(`failure() && steps.${scrape.id}.outcome == 'success'`);
  });

  it('.ci/run runs the same commands', () => {
    const script = readFileSync(join(ROOT, '.ci', 'run'), 'utf8');
    expect(script).toMatch(/^make test$/m);
    expect(script).toMatch(/^make check$/m);
  });
});
