import { compareText } from '../diagnostics/diagnostic.ts';
import type { JsonObject } from '../openapi/json.ts';
import type { Change } from './change.ts';
import { diffRequestBody, diffResponses } from './diff-bodies.ts';
import { diffParameters } from './diff-parameters.ts';
import { diffDocumentation, diffDocumentInfo } from './diff-document.ts';
import { diffSecurity } from './diff-security.ts';
import { emitter } from './emit.ts';
import { wrapperName } from '../emit/identifiers.ts';
import { listOperations, type OperationEntry } from './operations.ts';

export type { Change, ChangeKind, OperationRef, Severity, Side } from './change.ts';

/**
 * The semantic changelog between two merged OpenAPI 3.0 documents of one API: the document's version and
 * servers, then operations matched by method and path template, compared part by part with every `$ref`
 * resolved, so renaming or inlining a component is not a change. When nothing a client sees changed but the
 * documents still differ, the differing text is listed. Pure: the inputs are not modified. Changes come in
 * document, then path, method and document order (operation, parameters, request body, responses).
 */
export function diffDocuments(before: JsonObject, after: JsonObject): Change[] {
  const b = listOperations(before);
  const a = listOperations(after);
  const keys = [...new Set([...b.keys(), ...a.keys()])].sort(compareKeys);
  const out: Change[] = [];
  diffDocumentInfo(before, after, out);
  for (const key of keys) {
    const ob = b.get(key);
    const oa = a.get(key);
    if (!ob) emitter(out, oa!.ref)('operation-added', 'operation added');
    else if (!oa) emitter(out, ob.ref)('operation-removed', 'operation removed');
    else diffOperation({ before, after }, ob, oa, out);
  }
  if (out.every((c) => c.kind === 'info-version-changed')) diffDocumentation(before, after, out);
  return out;
}

function diffOperation(docs: { before: JsonObject; after: JsonObject }, b: OperationEntry, a: OperationEntry, out: Change[]): void {
  const emit = emitter(out, a.ref);
  const idBefore = b.ref.operationId;
  const idAfter = a.ref.operationId;
  if (idBefore !== idAfter) {
    emit('operation-id-renamed', `operationId renamed from ${idBefore ?? '(none)'} to ${idAfter ?? '(none)'}${wrappers(idBefore, idAfter)}`);
  }
  const wasDeprecated = b.operation.deprecated === true;
  const isDeprecated = a.operation.deprecated === true;
  if (wasDeprecated !== isDeprecated) {
    emit(isDeprecated ? 'operation-deprecated' : 'operation-undeprecated', isDeprecated ? 'operation deprecated' : 'operation no longer deprecated');
  }
  diffSecurity(b.security, a.security, emit);
  diffParameters(docs, b, a, out);
  diffRequestBody(docs, a.ref, b.operation, a.operation, out);
  diffResponses(docs, a.ref, b.operation, a.operation, out);
}

/** `: wrapper createOrder() → submitOrder()`, when both sides have an operationId. */
function wrappers(before: string | undefined, after: string | undefined): string {
  return before && after ? `: wrapper ${wrapperName(before)}() → ${wrapperName(after)}()` : '';
}

/** `get /a` before `post /a` before `get /a/{}`: by path, then method. */
function compareKeys(x: string, y: string): number {
  const [mx, px] = split(x);
  const [my, py] = split(y);
  return compareText(px, py) || compareText(mx, my);
}

function split(key: string): [string, string] {
  const space = key.indexOf(' ');
  return [key.slice(0, space), key.slice(space + 1)];
}
