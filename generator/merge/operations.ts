import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import { compareText } from '../diagnostics/diagnostic.ts';
import { componentName, jsonEqual } from '../openapi/json.ts';
import type { PageFragment } from '../normalise/fragment.ts';
import { isYaml, operationKey, type Candidate } from './candidate.ts';
import { compareNewestFirst, isLive, sameVintage } from './precedence.ts';
import { keepRemoved, reportRemoved } from './removed-operations.ts';
import { crossCheckSdk, type ParameterLookup } from './sdk-crosscheck.ts';
import { reportSdkMapping, type SdkMethodStatus } from './sdk-mapping.ts';

export interface OperationOptions {
  /**
   * Keep the operations only pages the docs site no longer lists define (for users migrating off them), marked
   * deprecated with the date they left the docs and their replacement. Default: left out of the client.
   */
  keepRemoved?: boolean;
}

/**
 * Picks one operation per (method, path). Only pages that define operations count (OpenAPI pages, and HTML
 * scrapes for what no OpenAPI page defines); of those, a page the docs site lists outranks any it does not, then
 * the newest wins. An operation only unlisted pages define has left the docs: it is left out (or kept, deprecated,
 * with `keepRemoved`). SDK reference pages never add an operation: they are cross-checked against the chosen
 * one, and each SDK method is reported as mapping to a live operation, a removed one, or none.
 */
export function chooseOperations(fragments: readonly PageFragment[], diagnostics: Diagnostics, options: OperationOptions = {}): Candidate[] {
  const groups = groupByOperation(fragments);
  const lookup = parameterLookup(fragments);
  const chosen: Candidate[] = [];
  const removed: Candidate[] = [];
  const sdkStatus = new Map<Candidate, SdkMethodStatus>();
  for (const key of [...groups.keys()].sort(compareText)) {
    const candidates = [...groups.get(key)!].sort((a, b) => compareNewestFirst(a.page, b.page));
    const sdk = candidates.filter((c) => c.page.kind === 'sdk-reference');
    const sources = candidates.filter((c) => c.page.kind !== 'sdk-reference');
    const winner = preferYaml(sources.filter((c) => isLive(c.page)))[0];
    if (!winner) {
      const last = preferYaml(sources)[0];
      if (last) removed.push(last);
      for (const entry of sdk) sdkStatus.set(entry, last ? { kind: 'removed', operation: last } : { kind: 'unknown' });
      continue;
    }
    reportLosers(winner, sources.filter((c) => c !== winner && (isYaml(c) || !isYaml(winner))), diagnostics);
    reportScrapes(winner, sources, diagnostics);
    for (const entry of sdk) {
      crossCheckSdk(entry, winner, lookup, diagnostics);
      sdkStatus.set(entry, { kind: 'live', operation: winner });
    }
    chosen.push(winner);
  }
  reportSdkMapping(sdkStatus, chosen, diagnostics);
  if (!options.keepRemoved) {
    reportRemoved(removed, diagnostics);
    return chosen;
  }
  return [...chosen, ...keepRemoved(removed, chosen, diagnostics)];
}

function groupByOperation(fragments: readonly PageFragment[]): Map<string, Candidate[]> {
  const groups = new Map<string, Candidate[]>();
  for (const fragment of fragments) {
    for (const op of fragment.operations) {
      const key = operationKey(op.method, op.path);
      groups.set(key, [...(groups.get(key) ?? []), { ...op, page: fragment.page }]);
    }
  }
  return groups;
}

/** OpenAPI pages first; HTML scrapes only when no OpenAPI page defines the operation. Keeps the given order. */
function preferYaml(candidates: readonly Candidate[]): Candidate[] {
  const yaml = candidates.filter(isYaml);
  return yaml.length > 0 ? yaml : [...candidates];
}

function parameterLookup(fragments: readonly PageFragment[]): ParameterLookup {
  return (ref) => {
    const name = componentName(ref, 'parameters');
    for (const fragment of fragments) {
      const found = name === undefined ? undefined : fragment.components.parameters?.[name];
      if (found) return found.value;
    }
    return undefined;
  };
}

function reportLosers(winner: Candidate, losers: Candidate[], diagnostics: Diagnostics): void {
  const key = operationKey(winner.method, winner.path);
  for (const loser of losers) {
    if (sameVintage(winner.page, loser.page) && !jsonEqual(winner.operation, loser.operation)) {
      diagnostics.warn(
        'operation-conflict',
        `${key} is defined differently by two pages of the same date and version; using ${winner.page.file}`,
        loser.source,
        { related: [winner.source] },
      );
    } else {
      const why = isLive(loser.page) ? 'the newer page' : 'the live page';
      diagnostics.info('operation-superseded', `${key} is superseded by ${why} ${winner.page.file}`, loser.source, {
        related: [winner.source],
      });
    }
  }
}

/** HTML scrapes: unused when an OpenAPI page defines the operation, else the operation is built from one (a warning). */
function reportScrapes(winner: Candidate, sources: readonly Candidate[], diagnostics: Diagnostics): void {
  const key = operationKey(winner.method, winner.path);
  if (!isYaml(winner)) {
    diagnostics.warn('operation-from-html-scrape', `${key} is defined by no OpenAPI page; built from the cURL example of this HTML scrape`, winner.source);
    return;
  }
  for (const page of sources.filter((c) => c.page.kind === 'html-scrape')) {
    diagnostics.info('html-scrape-unused', `${key} is defined by ${winner.page.file}; the scrape is not used`, page.source);
  }
}
