import { Diagnostics } from '../../generator/diagnostics/diagnostic.ts';
import { merge, type MergeOptions } from '../../generator/merge/index.ts';
import type { PageFragment, PageInfo } from '../../generator/normalise/fragment.ts';

/** Normalised pages built directly, for merge tests: one page's operations and component schemas. */

export type Op = { method?: string; path?: string; operation?: Record<string, unknown>; sdkMethod?: string };

/** Every `{name}` of the path, declared (as pages do). */
export const pathParameters = (path: string) =>
  [...path.matchAll(/\{([^}]+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));

/**
 * A page's fragment: each operation on line 10, 11, ... (path parameters declared from the template), each schema on
 * line 50, and, when `server` is set, the page's server.
 */
export function fragment(info: Partial<PageInfo> & { file: string }, ops: Op[], schemas: Record<string, object> = {}, server?: string): PageFragment {
  return {
    page: { kind: 'embedded', ...info },
    api: 'trade',
    operations: ops.map((op, i) => ({
      method: (op.method ?? 'get') as 'get',
      path: op.path ?? '/x',
      operation: { operationId: `Op${i}`, parameters: pathParameters(op.path ?? '/x'), responses: { '200': { description: 'OK' } }, ...op.operation } as never,
      source: { file: info.file, line: 10 + i },
      ...(op.sdkMethod ? { sdkMethod: op.sdkMethod } : {}),
    })),
    components: { schemas: Object.fromEntries(Object.entries(schemas).map(([n, v]) => [n, { value: v as never, source: { file: info.file, line: 50 } }])) },
    ...(server ? { servers: [{ url: server }] } : {}),
  };
}

/** Merges the fragments (one API) and returns its document and every finding, sorted. */
export function mergeFragments(fragments: PageFragment[], options: MergeOptions = {}) {
  const diagnostics = new Diagnostics();
  const [api] = merge(fragments, diagnostics, options);
  return { document: api?.document as any, diagnostics: diagnostics.sorted() };
}
