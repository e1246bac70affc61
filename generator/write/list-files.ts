import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { compareText } from '../diagnostics/diagnostic.ts';

/**
 * Every regular file below `dir` as a `/`-separated relative path, sorted; `node_modules` folders are skipped,
 * and so are symbolic links and special files (never followed, never opened).
 */
export function listFiles(dir: string, root = dir): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : listFiles(path, root);
      return entry.isFile() ? [relative(root, path).split(sep).join('/')] : [];
    })
    .sort(compareText);
}
