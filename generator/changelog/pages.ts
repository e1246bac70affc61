import { Diagnostics, formatLocation } from '../diagnostics/diagnostic.ts';
import { chooseComponents, type ComponentChoice } from '../merge/components.ts';
import { chooseOperations } from '../merge/operations.ts';
import type { PageFragment } from '../normalise/fragment.ts';
import { operationIdentity } from './operations.ts';

/** Where the pages of specs/ define each operation and each component schema of each API. */
export interface PageIndex {
  operation(api: string, method: string, path: string): string | undefined;
  /** The schema's definition, or with `property` (`orders[].status`) the line of that property in it when the page shows it. */
  schema(api: string, name: string, property?: string): string | undefined;
}

export const NO_PAGES: PageIndex = { operation: () => undefined, schema: () => undefined };

/**
 * The merged documents do not say which page each piece came from, so this asks the merge stage's own
 * precedence rules (`chooseOperations`, `chooseComponents`) which page wins, on the same fragments: the page
 * named is the one whose definition is in the document, even when stale copies of the page exist.
 * `prefix` is put before each page path (`specs/`); a line number follows when known.
 */
export function pageIndex(fragments: readonly PageFragment[], prefix: string): PageIndex {
  const operations = new Map<string, string>();
  const schemas = new Map<string, ComponentChoice>();
  const scratch = new Diagnostics();
  for (const api of new Set(fragments.map((f) => f.api))) {
    const own = fragments.filter((f) => f.api === api);
    for (const winner of chooseOperations(own, scratch)) {
      operations.set(`${api} ${operationIdentity(winner.method, winner.path)}`, prefix + formatLocation(winner.source));
    }
    for (const [name, choice] of chooseComponents(own).schemas) schemas.set(`${api} ${name}`, choice);
  }
  return {
    operation: (api, method, path) => operations.get(`${api} ${operationIdentity(method, path)}`),
    schema: (api, name, property) => {
      const choice = schemas.get(`${api} ${name}`);
      if (!choice) return undefined;
      const line = property && choice.locate ? choice.locate(schemaPathOf(property)) : choice.source.line;
      return prefix + formatLocation({ file: choice.source.file, ...(line ? { line } : {}) });
    },
  };
}

/** A property path of the changelog (`orders[].status`, `meta.*`, `x<2>`) as a path inside a schema object. */
export function schemaPathOf(property: string): (string | number)[] {
  const path: (string | number)[] = [];
  for (const part of property.match(/\[\]|<\d+>|\*|[^.[<*]+/g) ?? []) {
    if (part === '[]') path.push('items');
    else if (part === '*') path.push('additionalProperties');
    else if (part.startsWith('<')) path.push('oneOf', Number(part.slice(1, -1)) - 1);
    else path.push('properties', part);
  }
  return path;
}
