import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentsInDir } from '../changelog/document-sources.ts';
import type { JsonObject } from '../openapi/json.ts';
import { readStats, sha256 } from '../stats/stats-file.ts';
import { listFiles } from '../write/list-files.ts';

/** The release an output folder holds: its package name and version, its merged documents, its changelog, its files. */
export interface PreviousRelease {
  name: string;
  version: string;
  documents: Map<string, JsonObject>;
  /** Its merged AsyncAPI documents (`asyncapi/<api>.json`); none in a release made before the AsyncAPI lane. */
  streams: Map<string, JsonObject>;
  changelog: string | undefined;
  /**
   * The sha256 of each file as the generator wrote it (from `stats.json`, so a hand edit since is not taken for
   * a change of the release; from the files themselves when there is no `stats.json`).
   */
  files: Map<string, string>;
}

/** The release in `dir`, or undefined when it holds none (no folder, no readable package.json or documents). */
export function readPreviousRelease(dir: string): PreviousRelease | undefined {
  const pkgPath = join(dir, 'package.json');
  if (!existsSync(pkgPath)) return undefined;
  try {
    const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { name?: unknown; version?: unknown };
    if (typeof pkg.name !== 'string' || typeof pkg.version !== 'string') return undefined;
    const changelogPath = join(dir, 'CHANGELOG.md');
    return {
      name: pkg.name,
      version: pkg.version,
      documents: documentsInDir(dir),
      streams: documentsInDir(dir, 'asyncapi'),
      changelog: existsSync(changelogPath) ? readFileSync(changelogPath, 'utf8') : undefined,
      files: new Map(
        Object.entries(readStats(dir)?.files ?? Object.fromEntries(listFiles(dir).map((file) => [file, sha256(readFileSync(join(dir, file)))]))),
      ),
    };
  } catch {
    return undefined;
  }
}
