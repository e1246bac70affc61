import type { Diagnostics } from '../../diagnostics/diagnostic.ts';
import type { JsonObject } from '../../openapi/json.ts';
import type { OperationFragment } from '../fragment.ts';
import { pascalCase } from '../names.ts';
import { type Authorization, readAuthorization } from './authorization.ts';
import type { MethodSection } from './method-section.ts';
import type { MethodRow } from './method-table.ts';
import { readParameterTable } from './parameter-table.ts';
import { operationInputs } from './parameters.ts';
import { headerValue, operationResponses } from './responses.ts';

/** One OperationFragment from a method table row and its section (when the page has one). */
export function buildOperation(
  row: MethodRow,
  section: MethodSection | undefined,
  tag: string | undefined,
  file: string,
  diagnostics: Diagnostics,
): { fragment: OperationFragment; authorization?: Authorization } {
  const line = section?.line ?? row.line;
  const where = { file, sdkMethod: row.sdkMethod, path: row.path, line };
  const operation: JsonObject = { operationId: pascalCase(row.sdkMethod) };
  if (row.summary) operation.summary = row.summary;
  if (section?.description) operation.description = section.description;
  if (tag) operation.tags = [tag];
  const rows = section ? readParameterTable(section.parts.get('parameters'), file, diagnostics) : [];
  const mediaType = section ? headerValue(section, 'content-type') : undefined;
  const inputs = operationInputs(rows, { ...where, ...(mediaType ? { mediaType } : {}) }, diagnostics);
  if (inputs.parameters.length > 0) operation.parameters = inputs.parameters;
  if (inputs.requestBody) operation.requestBody = inputs.requestBody;
  operation.responses = operationResponses(section, where, diagnostics);
  const authorization = section ? readAuthorization(section, file, diagnostics) : undefined;
  if (authorization) operation.security = authorization.security;
  operation['x-source-kind'] = 'sdk-reference';
  const fragment: OperationFragment = {
    method: row.method,
    path: row.path,
    operation,
    source: { file, line },
    sdkMethod: row.sdkMethod,
  };
  return { fragment, ...(authorization ? { authorization } : {}) };
}
