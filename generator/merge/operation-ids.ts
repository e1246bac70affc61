import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import type { Candidate } from './operations.ts';

const fromSpec = (c: Candidate) => c.page.kind === 'derived' || c.page.kind === 'embedded';

/**
 * operationIds must be unique in a document: they become the wrapper method names. Two spec pages giving
 * one id to different operations is an error. An operation taken from an SDK page or an HTML scrape whose
 * id is already used by a spec operation is dropped (reported): the spec's operation is the real one.
 */
export function enforceUniqueOperationIds(operations: readonly Candidate[], diagnostics: Diagnostics): Candidate[] {
  const byId = new Map<string, Candidate>();
  const kept: Candidate[] = [];
  const ordered = [...operations].sort((a, b) => Number(fromSpec(b)) - Number(fromSpec(a)));
  for (const op of ordered) {
    const id = String(op.operation.operationId ?? '');
    const first = byId.get(id.toLowerCase());
    if (!first) {
      byId.set(id.toLowerCase(), op);
      kept.push(op);
      continue;
    }
    const label = (c: Candidate) => `${c.method.toUpperCase()} ${c.path}`;
    if (fromSpec(op)) {
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
        `${label(op)} from ${op.page.kind} page has operationId "${id}", which the spec gives to ${label(first)}; not added`,
        op.source,
        { related: [first.source] },
      );
    }
  }
  return kept;
}
