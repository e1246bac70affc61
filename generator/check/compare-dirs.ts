import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from '../write/list-files.ts';
import { compareText } from '../diagnostics/diagnostic.ts';

export interface DirDifference {
  file: string;
  change: 'added' | 'removed' | 'changed';
}

/** Files that differ between the committed output folder and a freshly generated one. */
export function compareDirs(committed: string, fresh: string): DirDifference[] {
  const before = listFiles(committed);
  const after = listFiles(fresh);
  const all = [...new Set([...before, ...after])].sort(compareText);
  const differences: DirDifference[] = [];
  for (const file of all) {
    if (!before.includes(file)) differences.push({ file, change: 'added' });
    else if (!after.includes(file)) differences.push({ file, change: 'removed' });
    else if (!readFileSync(join(committed, file)).equals(readFileSync(join(fresh, file)))) {
      differences.push({ file, change: 'changed' });
    }
  }
  return differences;
}
