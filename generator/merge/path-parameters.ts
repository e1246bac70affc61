import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import { isObject, type JsonObject } from '../openapi/json.ts';
import { templateParameters } from '../normalise/common/path-template.ts';
import type { ComponentTable } from './components.ts';
import type { Candidate } from './candidate.ts';
import { parseRef } from './references.ts';

/**
 * The path template and the declared path parameters must agree (OpenAPI 3.0 §4.7.12: each template
 * expression needs a parameter `in: path`, and such a parameter is always required). A name the template
 * uses but no parameter declares is added as a required string; a declared path parameter the template does
 * not use is dropped. Both are reported: the page is wrong, and the client would not compile or not send it.
 */
export function reconcilePathParameters(op: Candidate, table: ComponentTable, diagnostics: Diagnostics): JsonObject {
  const inTemplate = templateParameters(op.path);
  const list = Array.isArray(op.operation.parameters) ? op.operation.parameters : [];
  const declared = (entry: unknown) => {
    const p = isObject(entry) && typeof entry.$ref === 'string' ? resolveParameter(entry.$ref, table) : entry;
    return isObject(p) && p.in === 'path' && typeof p.name === 'string' ? p.name : undefined;
  };
  const label = `${op.method.toUpperCase()} ${op.path}`;
  const kept = list.filter((entry) => {
    const name = declared(entry);
    if (name === undefined || inTemplate.includes(name)) return true;
    diagnostics.warn('path-parameter-unused', `${label} declares the path parameter "${name}", which its path does not use; dropped`, op.source);
    return false;
  });
  const names = new Set(kept.map(declared));
  const added = inTemplate.filter((name) => !names.has(name));
  for (const name of added) {
    diagnostics.warn(
      'path-parameter-undeclared',
      `${label} uses {${name}} in its path but declares no such path parameter; added as a required string (declare it on the page)`,
      op.source,
    );
  }
  if (added.length === 0 && kept.length === list.length) return op.operation;
  const parameters = [...added.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })), ...kept];
  return { ...op.operation, parameters };
}

function resolveParameter(ref: string, table: ComponentTable): JsonObject | undefined {
  const target = parseRef(ref);
  return target?.kind === 'parameters' ? table.parameters.get(target.name)?.value : undefined;
}
