import type { OperationFragment, PageInfo } from '../normalise/fragment.ts';

/** One page's definition of an operation, competing with other pages' for a place in the document. */
export interface Candidate extends OperationFragment {
  page: PageInfo;
}

/** `get /markets/{ticker}` and `get /markets/{market_ticker}` are one operation. */
export function operationKey(method: string, path: string): string {
  return `${method} ${path.replace(/\{[^}]*\}/g, '{}')}`;
}

/** Whether the candidate comes from an OpenAPI page (derived or embedded), the authoritative kinds. */
export const isYaml = (c: Candidate): boolean => c.page.kind === 'derived' || c.page.kind === 'embedded';
