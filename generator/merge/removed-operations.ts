import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import type { JsonObject } from '../openapi/json.ts';
import { REMOVED_EXTENSION } from '../openapi/removed.ts';
import { operationKey, type Candidate } from './candidate.ts';

/**
 * Operations that only pages the docs site no longer lists define (dropped pages, seeds, old mirrors): Kalshi
 * no longer documents them. By default they are left out of the client, each with an info finding; kept on
 * request, each is marked deprecated with the date it left the docs and its replacement where the docs name one.
 */

const label = (op: Candidate) => `${op.method.toUpperCase()} ${op.path}${op.operation.operationId ? ` (${String(op.operation.operationId)})` : ''}`;

export function reportRemoved(removed: readonly Candidate[], diagnostics: Diagnostics): void {
  for (const op of removed) {
    diagnostics.info(
      'operation-not-listed',
      `${label(op)} is only on pages the docs site no longer lists; left out of the client (generate --keep-removed keeps it, deprecated)`,
      op.source,
    );
  }
}

/**
 * The removed operations, kept: each marked `deprecated` with `x-removed-from-docs` recording the last date the
 * docs listed it and the operationId of its replacement, when known (the emitter words the deprecation from it).
 */
export function keepRemoved(removed: readonly Candidate[], live: readonly Candidate[], diagnostics: Diagnostics): Candidate[] {
  return removed.map((op) => {
    const replacement = findReplacement(op, live);
    const left = op.page.lastListed ?? op.page.date;
    const record: JsonObject = {
      ...(left ? { lastListed: left } : {}),
      ...(replacement ? { replacement: String(replacement.operation.operationId) } : {}),
    };
    const instead = replacement ? `; use ${label(replacement)} instead` : '';
    diagnostics.info('operation-kept-removed', `${label(op)} is kept, deprecated: last listed ${left?.slice(0, 10) ?? 'at an unknown date'}${instead}`, op.source);
    return { ...op, operation: { ...op.operation, deprecated: true, [REMOVED_EXTENSION]: record } };
  });
}

/**
 * The live operation the docs name as a removed one's replacement, on the evidence of the pages themselves:
 * the removed operation says "use METHOD /path instead"; or a live operation of the same method calls the
 * removed one's path "legacy"; or a live operation's id is the removed one's with a `V2` suffix.
 */
export function findReplacement(removed: Candidate, live: readonly Candidate[]): Candidate | undefined {
  const text = `${String(removed.operation.summary ?? '')} ${String(removed.operation.description ?? '')}`;
  const named = /\buse\s+`?(GET|PUT|POST|DELETE|PATCH)\s+(\/[^\s`]+?)`?\s+instead/i.exec(text);
  if (named) {
    const key = operationKey(named[1]!.toLowerCase(), named[2]!.replace(/[.,;:]+$/, ''));
    const found = live.find((op) => operationKey(op.method, op.path) === key);
    if (found) return found;
  }
  const legacy = live.find(
    (op) => op.method === removed.method && new RegExp(`legacy\\s+\`${escape(removed.path)}\``, 'i').test(String(op.operation.description ?? '')),
  );
  if (legacy) return legacy;
  const id = String(removed.operation.operationId ?? '').toLowerCase();
  return id ? live.find((op) => String(op.operation.operationId ?? '').toLowerCase() === `${id}v2`) : undefined;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
