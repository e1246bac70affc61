import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import { compareText } from '../diagnostics/diagnostic.ts';
import { isYaml, operationKey, type Candidate } from './candidate.ts';

/** What one method of an SDK reference page maps to: a live operation, one the docs removed, or nothing. */
export type SdkMethodStatus = { kind: 'live' | 'removed'; operation: Candidate } | { kind: 'unknown' };

/**
 * SDK reference pages only cross-check: a method that maps to no live operation adds nothing. Each method
 * mapping to nothing is a warning (its HTTP method disagreeing with the spec's, or the operation unknown), and
 * each SDK page gets one info line saying how many of its methods map to live operations and which map to
 * removed ones.
 */
export function reportSdkMapping(status: ReadonlyMap<Candidate, SdkMethodStatus>, live: readonly Candidate[], diagnostics: Diagnostics): void {
  const byPage = new Map<string, { live: number; removed: string[]; unknown: string[]; first: Candidate }>();
  for (const [entry, mapped] of status) {
    const summary = byPage.get(entry.page.file) ?? { live: 0, removed: [], unknown: [], first: entry };
    byPage.set(entry.page.file, summary);
    const name = entry.sdkMethod ?? String(entry.operation.operationId ?? '?');
    if (mapped.kind === 'live') summary.live++;
    else if (mapped.kind === 'removed') summary.removed.push(name);
    else {
      summary.unknown.push(name);
      reportUnknown(entry, live, diagnostics);
    }
  }
  for (const [file, summary] of [...byPage].sort(([a], [b]) => compareText(a, b))) {
    const list = (names: string[]) => names.sort(compareText).join(', ');
    const parts = [`${summary.live} method(s) map to live operations`];
    if (summary.removed.length > 0) parts.push(`${summary.removed.length} to operations the docs removed (${list(summary.removed)})`);
    if (summary.unknown.length > 0) parts.push(`${summary.unknown.length} to none (${list(summary.unknown)})`);
    diagnostics.info('sdk-methods-mapped', `${parts.join('; ')}`, { file });
  }
}

function reportUnknown(entry: Candidate, live: readonly Candidate[], diagnostics: Diagnostics): void {
  const template = operationKey('', entry.path);
  const others = live.filter((c) => operationKey('', c.path) === template && isYaml(c));
  if (others.length > 0) {
    const methods = others.map((c) => c.method.toUpperCase()).join(', ');
    diagnostics.warn(
      'sdk-method-disagrees',
      `the SDK page says ${entry.method.toUpperCase()} ${entry.path} (${entry.sdkMethod}); the spec has only ${methods} there; the spec wins`,
      entry.source,
      { related: others.map((c) => c.source) },
    );
    return;
  }
  diagnostics.warn(
    'sdk-operation-unknown',
    `${operationKey(entry.method, entry.path)} (${entry.sdkMethod}) is on no OpenAPI page; not added (SDK reference pages only cross-check)`,
    entry.source,
  );
}
