import { apiChangelogs, type ApiChangelog } from '../changelog/api-changelog.ts';
import { NO_PAGES } from '../changelog/pages.ts';
import { renderMarkdown } from '../changelog/render-markdown.ts';
import { builtFrom } from '../emit/built-from.ts';
import { formatFiles } from '../emit/format.ts';
import type { MergedApi } from '../merge/index.ts';
import type { MergedAsyncApi } from '../merge/asyncapi/index.ts';
import { sha256 } from '../stats/stats-file.ts';
import type { PreviousRelease } from './previous.ts';
import { bump, releaseLevel, type ReleaseLevel } from './semver.ts';

export const FIRST_VERSION = '1.0.0';
export const CHANGELOG_FILE = 'CHANGELOG.md';
/** Files whose content is the release's, not the package's: left out when deciding whether anything changed. */
const RELEASE_FILES = new Set(['stats.json', CHANGELOG_FILE]);

export interface Release {
  /** The previous release of the same package, when there is one. */
  previous?: string;
  version: string;
  /** `first`: no earlier release of this package; `unchanged`: the package is byte for byte the previous one. */
  level: ReleaseLevel | 'first' | 'unchanged';
  /** The API changes since the previous release's documents (against empty documents for a first release). */
  changelogs: ApiChangelog[];
}

/** The version the package is emitted with: the previous release's when it is the same package, else the first. */
export function startingVersion(previous: PreviousRelease | undefined, name: string): string {
  return previous && previous.name === name ? previous.version : FIRST_VERSION;
}

/**
 * Stage 6, release: decides the package's version and its `CHANGELOG.md` entry from what changed since the
 * previous release (the output folder as it was). A package identical to the previous one keeps its version; a
 * changed one is bumped by the API changelog (see semver.ts) and gains a changelog section. The emitted files
 * carry the starting version; only `package.json` and `CHANGELOG.md` are rewritten here.
 */
export async function release(
  files: ReadonlyMap<string, string>,
  apis: readonly MergedApi[],
  previous: PreviousRelease | undefined,
  name: string,
  streams: readonly MergedAsyncApi[] = [],
): Promise<{ files: Map<string, string>; release: Release }> {
  const own = previous && previous.name === name ? previous : undefined;
  const documents = new Map(apis.map((a) => [a.api, a.document]));
  const streamDocuments = { before: own?.streams ?? new Map(), after: new Map(streams.map((s) => [s.api, s.document])) };
  const changelogs = apiChangelogs(own?.documents ?? new Map(), documents, streamDocuments);
  const out = new Map(files);
  if (own && sameRelease(files, own)) {
    if (own.changelog !== undefined) out.set(CHANGELOG_FILE, own.changelog);
    return { files: out, release: { previous: own.version, version: own.version, level: 'unchanged', changelogs } };
  }
  const level = own ? releaseLevel(changelogs) : 'first';
  const version = own ? bump(own.version, level as ReleaseLevel) : FIRST_VERSION;
  const pkg = JSON.parse(files.get('package.json')!) as Record<string, unknown>;
  const section = own ? changeSection(version, builtFrom(apis, streams), changelogs) : firstSection(version, name, builtFrom(apis, streams));
  const formatted = await formatFiles(
    new Map([
      ['package.json', JSON.stringify({ ...pkg, version }, null, 2) + '\n'],
      [CHANGELOG_FILE, changelogFile(section, own?.changelog)],
    ]),
    new Set(),
  );
  for (const [path, text] of formatted) out.set(path, text);
  return { files: out, release: { ...(own ? { previous: own.version } : {}), version, level, changelogs } };
}

/** Whether the package's files (all but the release's own) are exactly those of the previous release. */
function sameRelease(files: ReadonlyMap<string, string>, previous: PreviousRelease): boolean {
  const mine = [...files.keys()].filter((f) => !RELEASE_FILES.has(f));
  const theirs = [...previous.files.keys()].filter((f) => !RELEASE_FILES.has(f));
  return mine.length === theirs.length && mine.every((f) => previous.files.get(f) === sha256(files.get(f)!));
}

function firstSection(version: string, name: string, built: string): string {
  return `## ${version}\n\nFirst release of \`${name}\`. ${built}\n`;
}

/** The section of a release: its API changes, for the APIs that changed. */
function changeSection(version: string, built: string, changelogs: readonly ApiChangelog[]): string {
  const changed = changelogs.filter((c) => c.changes.length > 0);
  if (changed.length === 0) return `## ${version}\n\n${built} No API changes: the generated code changed with the toolchain.\n`;
  return renderMarkdown(changed, NO_PAGES, version, { level: 2, intro: built });
}

/** `# Changelog`, the new section, then the earlier sections (newest first). */
function changelogFile(section: string, previous: string | undefined): string {
  const earlier = previous?.replace(/^# Changelog\s*/, '').trim();
  return ['# Changelog', section.trim(), ...(earlier ? [earlier] : [])].join('\n\n') + '\n';
}
