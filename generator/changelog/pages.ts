import { Diagnostics, formatLocation } from '../diagnostics/diagnostic.ts';
import { chooseComponents, type ComponentChoice } from '../merge/components.ts';
import { chooseOperations } from '../merge/operations.ts';
import type { PageFragment } from '../normalise/fragment.ts';
import type { AsyncApiFragment } from '../normalise/asyncapi-fragment.ts';
import { chooseChannels } from '../merge/asyncapi/channels.ts';
import { chooseAsyncApiComponents } from '../merge/asyncapi/index.ts';
import { operationIdentity } from './operations.ts';
import { componentName, isObject } from '../openapi/json.ts';

/** Where the pages of specs/ define each operation and each component schema of each API. */
export interface PageIndex {
  operation(api: string, method: string, path: string): string | undefined;
  /** The schema's definition, or with `property` (`orders[].status`) the line of that property in it when the page shows it. */
  schema(api: string, name: string, property?: string): string | undefined;
  /** The WebSocket API's channels, messages and component schemas (as `schema`), when the index has its pages. */
  channel?(api: string, name: string): string | undefined;
  /** A message's definition, or with `property` (`msg.price_dollars`) the line of that field of its payload. */
  message?(api: string, name: string, property?: string): string | undefined;
  streamSchema?(api: string, name: string, property?: string): string | undefined;
}

export const NO_PAGES: PageIndex = { operation: () => undefined, schema: () => undefined };

/**
 * The merged documents do not say which page each piece came from, so this asks the merge stage's own
 * precedence rules (`chooseOperations`, `chooseComponents`) which page wins, on the same fragments: the page
 * named is the one whose definition is in the document, even when stale copies of the page exist.
 * `prefix` is put before each page path (`specs/`); a line number follows when known. The WebSocket pages
 * (`streams`) are asked the same way, of the AsyncAPI lane's rules.
 */
export function pageIndex(fragments: readonly PageFragment[], prefix: string, streams: readonly AsyncApiFragment[] = []): PageIndex {
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
  const channels = new Map<string, string>();
  const messages = new Map<string, ComponentChoice>();
  const streamSchemas = new Map<string, ComponentChoice>();
  for (const api of new Set(streams.map((f) => f.api))) {
    const own = streams.filter((f) => f.api === api);
    for (const channel of chooseChannels(own, scratch)) channels.set(`${api} ${channel.name}`, prefix + formatLocation(channel.source));
    const table = chooseAsyncApiComponents(own);
    for (const [name, choice] of table.messages) messages.set(`${api} ${name}`, choice);
    for (const [name, choice] of table.schemas) streamSchemas.set(`${api} ${name}`, choice);
  }
  const located = (choice: ComponentChoice | undefined, property: string | undefined, exact = false) => {
    if (!choice) return undefined;
    const path = property ? schemaPathOf(property) : [];
    const line = property && choice.locate ? choice.locate(path) : choice.source.line;
    // `locate` answers with the nearest ancestor's line for a path the page does not spell out (inside an `allOf`).
    if (exact && property && choice.locate && line === choice.locate(path.slice(0, -1))) return undefined;
    return prefix + formatLocation({ file: choice.source.file, ...(line ? { line } : {}) });
  };
  return {
    operation: (api, method, path) => operations.get(`${api} ${operationIdentity(method, path)}`),
    schema: (api, name, property) => located(schemas.get(`${api} ${name}`), property),
    channel: (api, name) => channels.get(`${api} ${name}`),
    message: (api, name, property) => {
      const choice = messages.get(`${api} ${name}`);
      const payload = choice && isObject(choice.value.payload) ? choice.value.payload : undefined;
      if (!choice || !property) return located(choice, undefined);
      const schema = typeof payload?.$ref === 'string' ? componentName(payload.$ref) : undefined;
      if (schema !== undefined) return located(streamSchemas.get(`${api} ${schema}`), property, true);
      return located(choice.locate ? { ...choice, locate: (path) => choice.locate!(['payload', ...path]) } : undefined, property, true);
    },
    streamSchema: (api, name, property) => located(streamSchemas.get(`${api} ${name}`), property, true),
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
