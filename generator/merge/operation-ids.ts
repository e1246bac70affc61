import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import { isYaml, type Candidate } from './candidate.ts';
import { isLive } from './precedence.ts';

/** Live spec operations first, then removed ones kept for migration, then HTML scrapes. */
const rank = (c: Candidate) => (isLive(c.page) ? 0 : 1) + (isYaml(c) ? 0 : 2);

/**
 * operationIds must be unique in a document: they become the wrapper method names. Two live spec pages giving
 * one id to different operations is an error. An operation from an HTML scrape, or a removed one kept for
 * migration, whose id is already used by a live spec operation is dropped (reported): that one is the real one.
 */
export function enforceUniqueOperationIds(operations: readonly Candidate[], diagnostics: Diagnostics): Candidate[] {
  const byId = new Map<string, Candidate>();
  const kept: Candidate[] = [];
  const ordered = [...operations].sort((a, b) => rank(a) - rank(b));
  for (const op of ordered) {
    const id = String(op.operation.operationId ?? '');
    const first = byId.get(id.toLowerCase());
    if (!first) {
      byId.set(id.toLowerCase(), op);
      kept.push(op);
      continue;
    }
    const label = (c: Candidate) => `${c.method.toUpperCase()} ${c.path}`;
    if (rank(op) === 0) {
      diagnostics.error(
        'operation-id-duplicate',
        `operationId "${id}" is given to ${label(first)} (${first.page.file}) and to ${label(op)}; rename one on its page`,
        op.source,
        { related: [first.source] },
      );
      kept.push(op);
    } else {
      diagnostics.warn(
        'operation-id-taken',
        `${label(op)} from ${isLive(op.page) ? `${op.page.kind} page` : 'a page the docs no longer list'} has operationId "${id}", which the spec gives to ${label(first)}; not added`,
        op.source,
        { related: [first.source] },
      );
    }
  }
  return kept;
}
