import type { Diagnostics } from '../../diagnostics/diagnostic.ts';
import type { JsonObject } from '../../openapi/json.ts';
import { snakeCase } from '../names.ts';
import type { SdkParameter } from './parameter-table.ts';
import { defaultValue } from './parameter-types.ts';

/** The OpenAPI parameters and request body of one operation, from its SDK parameter rows. */
export interface OperationInputs {
  parameters: JsonObject[];
  requestBody?: JsonObject;
}

interface Where {
  file: string;
  sdkMethod: string;
  path: string;
  /** Line to report problems that belong to no row (the section heading or table row). */
  line: number;
  /** Request media type from the section's headers; `application/json` when not given. */
  mediaType?: string;
}

/** `{order_id}` names of a path template, in order. */
export function pathParameterNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
}

/**
 * Sorts SDK parameters into path parameters (the name matches a `{param}` of the path after snake_case),
 * the JSON body (a model ending in `Request`, a `body` parameter, or a structured type without a default) and query
 * parameters (everything else, named in snake_case).
 */
export function operationInputs(
  rows: readonly SdkParameter[],
  where: Where,
  diagnostics: Diagnostics,
): OperationInputs {
  const pathNames = pathParameterNames(where.path);
  const pathParameters = new Map<string, JsonObject>();
  const query: JsonObject[] = [];
  const seen = new Set<string>();
  let requestBody: JsonObject | undefined;
  for (const row of rows) {
    const wire = pathNames.find(
      (p) => p === row.name || p === snakeCase(row.name) || snakeCase(p) === snakeCase(row.name),
    );
    if (wire !== undefined) {
      if (row.optional)
        warn(
          diagnostics,
          where,
          row.line,
          'sdk-reference-optional-path-parameter',
          `path parameter ${row.name} is marked optional; path parameters are always required`,
        );
      if (!pathParameters.has(wire)) pathParameters.set(wire, parameter(row, wire, 'path', true));
      continue;
    }
    if (isBody(row)) {
      if (requestBody) {
        warn(
          diagnostics,
          where,
          row.line,
          'sdk-reference-second-body',
          `${where.sdkMethod} has a second body parameter ${row.name}; only the first is kept`,
        );
        continue;
      }
      requestBody = body(row, where.mediaType ?? 'application/json');
      continue;
    }
    const name = snakeCase(row.name) || row.name;
    if (seen.has(name)) {
      warn(
        diagnostics,
        where,
        row.line,
        'sdk-reference-duplicate-parameter',
        `query parameter ${name} appears twice in ${where.sdkMethod}; the second is skipped`,
      );
      continue;
    }
    seen.add(name);
    query.push(parameter(row, name, 'query', !row.optional));
  }
  const parameters: JsonObject[] = [];
  for (const name of pathNames) {
    const found = pathParameters.get(name);
    if (found) parameters.push(found);
    else {
      warn(
        diagnostics,
        where,
        where.line,
        'sdk-reference-path-parameter-missing',
        `${where.sdkMethod} lists no parameter for {${name}} of ${where.path}; it is added as a string`,
      );
      parameters.push({ name, in: 'path', required: true, schema: { type: 'string' } });
    }
  }
  parameters.push(...query);
  return { parameters, ...(requestBody ? { requestBody } : {}) };
}

function isBody(row: SdkParameter): boolean {
  const type = row.type;
  if (!type || type.bracketed) return false;
  if (type.model?.endsWith('Request') || row.name === 'body') return true;
  // The doc template gives every non-body parameter a `defaults to` note; a structured type without one is the body.
  const structured = type.model !== undefined || type.schema.type === 'object' || type.schema.type === 'array';
  return structured && row.defaultText === undefined;
}

function parameter(row: SdkParameter, name: string, location: 'path' | 'query', required: boolean): JsonObject {
  const schema: JsonObject = row.type ? { ...row.type.schema } : {};
  if (row.defaultText !== undefined && typeof schema.$ref !== 'string') {
    const value = defaultValue(row.defaultText, schema);
    if (value !== undefined) schema.default = value;
  }
  const out: JsonObject = { name, in: location, required: location === 'path' || required };
  if (row.description) out.description = row.description;
  out.schema = schema;
  if (row.name !== name) out['x-sdk-name'] = row.name;
  return out;
}

function body(row: SdkParameter, mediaType: string): JsonObject {
  const out: JsonObject = { required: !row.optional };
  if (row.description) out.description = row.description;
  out.content = { [mediaType]: { schema: row.type ? { ...row.type.schema } : {} } };
  return out;
}

function warn(diagnostics: Diagnostics, where: Where, line: number, code: string, message: string): void {
  diagnostics.warn(code, message, { file: where.file, line });
}
