import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recoverLeftovers } from '../../generator/write/leftovers.ts';

/** The id of a process that has exited: a child that ran `true`. */
function deadPid(): number {
  const child = spawnSync('true');
  expect(child.pid).toBeGreaterThan(0);
  return child.pid!;
}

function folder(path: string, marker: string): void {
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, 'marker.txt'), marker);
}

describe('recoverLeftovers', () => {
  it('puts back the output a run killed between its two renames left aside, and removes its staging folder', () => {
    const parent = mkdtempSync(join(tmpdir(), 'leftovers-'));
    const out = join(parent, 'generated');
    const pid = deadPid();
    folder(`${out}.prev-${pid}`, 'previous output');
    folder(`${out}.next-${pid}`, 'complete staging');
    const actions = recoverLeftovers(out);
    expect(readFileSync(join(out, 'marker.txt'), 'utf8')).toBe('previous output');
    expect(readdirSync(parent)).toEqual(['generated']);
    expect(actions).toEqual([expect.stringMatching(/^restored generated from generated\.prev-/), expect.stringMatching(/^removed generated\.next-/)]);
  });

  it('removes the staging folders of dead runs, leaves those of a running one, and keeps the output', () => {
    const parent = mkdtempSync(join(tmpdir(), 'leftovers-'));
    const out = join(parent, 'generated');
    folder(out, 'current');
    folder(`${out}.next-${deadPid()}`, 'half written');
    folder(`${out}.prev-${deadPid()}`, 'old, never removed');
    const running = `${out}.next-${process.ppid}`;
    folder(running, 'in progress');
    expect(recoverLeftovers(out)).toHaveLength(2);
    expect(readdirSync(parent).sort()).toEqual(['generated', `generated.next-${process.ppid}`]);
    expect(readFileSync(join(out, 'marker.txt'), 'utf8')).toBe('current');
    expect(existsSync(running)).toBe(true);
  });

  it('does nothing when nothing was left', () => {
    const parent = mkdtempSync(join(tmpdir(), 'leftovers-'));
    expect(recoverLeftovers(join(parent, 'generated'))).toEqual([]);
    expect(recoverLeftovers(join(parent, 'missing-parent', 'generated'))).toEqual([]);
  });
});
