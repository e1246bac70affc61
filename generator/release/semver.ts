import type { ApiChangelog } from '../changelog/api-changelog.ts';

/**
 * Semantic versioning of the generated package, driven by the API changelog against the previous release:
 * a breaking change → major; any other change a client can see (an addition, a warning) → minor; text,
 * Kalshi's version number alone, or generator changes → patch.
 */
export type ReleaseLevel = 'major' | 'minor' | 'patch';

/** Changes that do not change what a client can call or receive. */
const COSMETIC = new Set(['info-version-changed', 'asyncapi-version-changed', 'documentation-changed']);

export function releaseLevel(changelogs: readonly ApiChangelog[]): ReleaseLevel {
  const changes = changelogs.flatMap((c) => c.changes);
  if (changes.some((c) => c.severity === 'breaking')) return 'major';
  if (changes.some((c) => !COSMETIC.has(c.kind))) return 'minor';
  return 'patch';
}

/** `3.28.0` + major → `4.0.0`; pre-release and build suffixes are dropped. An unreadable version starts at 1.0.0. */
export function bump(version: string, level: ReleaseLevel): string {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!match) return '1.0.0';
  const [major, minor, patch] = match.slice(1).map(Number) as [number, number, number];
  if (level === 'major') return `${major + 1}.0.0`;
  if (level === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}
