import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import { compareText } from '../diagnostics/diagnostic.ts';
import { componentName, jsonEqual } from '../openapi/json.ts';
import type { OperationFragment, PageFragment, PageInfo } from '../normalise/fragment.ts';
import { compareNewestFirst, sameVintage } from './precedence.ts';
import { crossCheckSdk, type ParameterLookup } from './sdk-crosscheck.ts';

export interface Candidate extends OperationFragment {
  page: PageInfo;
}

/** `get /markets/{ticker}` and `get /markets/{market_ticker}` are one operation. */
export function operationKey(method: string, path: string): string {
  return `${method} ${path.replace(/\{[^}]*\}/g, '{}')}`;
}

const isYaml = (c: Candidate) => c.page.kind === 'derived' || c.page.kind === 'embedded';

/**
 * Picks one operation per (method, path): the newest YAML page wins; HTML scrapes fill in only what no
 * YAML page defines; SDK reference pages are cross-checked against the winner and fill in the rest.
 */
export function chooseOperations(fragments: readonly PageFragment[], diagnostics: Diagnostics): Candidate[] {
  const groups = new Map<string, Candidate[]>();
  for (const fragment of fragments) {
    for (const op of fragment.operations) {
      const key = operationKey(op.method, op.path);
      groups.set(key, [...(groups.get(key) ?? []), { ...op, page: fragment.page }]);
    }
  }
  const lookup = parameterLookup(fragments);
  const chosen: Candidate[] = [];
  const sdkOnly: Candidate[] = [];
  for (const key of [...groups.keys()].sort(compareText)) {
    const candidates = [...groups.get(key)!].sort((a, b) => compareNewestFirst(a.page, b.page));
    const primary = candidates.filter(isYaml);
    const scraped = candidates.filter((c) => c.page.kind === 'html-scrape');
    const sdk = candidates.filter((c) => c.page.kind === 'sdk-reference');
    const pool = primary.length > 0 ? primary : scraped;
    const winner = pool[0];
    if (!winner) {
      sdkOnly.push(sdk[0]!);
      continue;
    }
    reportLosers(winner, pool.slice(1), diagnostics);
    if (primary.length > 0) {
      for (const page of scraped) {
        diagnostics.info('html-scrape-unused', `${key} is defined by ${winner.page.file}; the scrape is not used`, page.source);
      }
    } else {
      diagnostics.warn(
        'operation-from-html-scrape',
        `${key} is defined by no OpenAPI page; built from the cURL example of this HTML scrape`,
        winner.source,
      );
    }
    for (const entry of sdk) crossCheckSdk(entry, winner, lookup, diagnostics);
    chosen.push(winner);
  }
  return [...chosen, ...addSdkOnly(sdkOnly, chosen, diagnostics)];
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
      diagnostics.info('operation-superseded', `${key} is superseded by the newer page ${winner.page.file}`, loser.source, {
        related: [winner.source],
      });
    }
  }
}

/** Operations only an SDK page knows, unless the spec has the same path under another method. */
function addSdkOnly(sdkOnly: Candidate[], chosen: Candidate[], diagnostics: Diagnostics): Candidate[] {
  const added: Candidate[] = [];
  for (const entry of sdkOnly) {
    const template = operationKey('', entry.path);
    const others = chosen.filter((c) => operationKey('', c.path) === template && isYaml(c));
    if (others.length > 0) {
      const methods = others.map((c) => c.method.toUpperCase()).join(', ');
      diagnostics.warn(
        'sdk-method-disagrees',
        `the SDK page says ${entry.method.toUpperCase()} ${entry.path} (${entry.sdkMethod}); the spec has only ${methods} there; the spec wins`,
        entry.source,
        { related: others.map((c) => c.source) },
      );
      continue;
    }
    diagnostics.warn(
      'operation-from-sdk-reference',
      `${operationKey(entry.method, entry.path)} (${entry.sdkMethod}) is on no OpenAPI page; added from the SDK reference`,
      entry.source,
    );
    added.push(entry);
  }
  return added;
}
