import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import { isObject, type JsonObject } from '../openapi/json.ts';
import type { OperationFragment } from '../normalise/fragment.ts';

/**
 * Compares what the SDK reference page says about an operation with the spec's version of it and reports
 * each disagreement (the spec wins): parameters missing on either side, and path-parameter names.
 */
export function crossCheckSdk(
  sdk: OperationFragment,
  spec: OperationFragment & { page: { file: string } },
  parameters: ParameterLookup,
  diagnostics: Diagnostics,
): void {
  const label = `${sdk.method.toUpperCase()} ${spec.path} (${sdk.sdkMethod ?? 'SDK'})`;
  const sdkParams = parameterNames(sdk.operation, parameters);
  const specParams = parameterNames(spec.operation, parameters);
  const onlySdk = [...sdkParams].filter((p) => !specParams.has(p)).sort();
  const onlySpec = [...specParams].filter((p) => !sdkParams.has(p)).sort();
  const problems: string[] = [];
  if (onlySdk.length > 0) problems.push(`the SDK has parameters the spec lacks: ${onlySdk.join(', ')}`);
  if (onlySpec.length > 0) problems.push(`the spec has parameters the SDK lacks: ${onlySpec.join(', ')}`);
  if (Boolean(sdk.operation.requestBody) !== Boolean(spec.operation.requestBody)) {
    problems.push(spec.operation.requestBody ? 'the SDK sends no body' : 'the SDK sends a body the spec does not take');
  }
  if (problems.length === 0) return;
  diagnostics.warn('sdk-disagrees', `${label}: ${problems.join('; ')}; the spec (${spec.page.file}) wins`, sdk.source, {
    related: [spec.source],
  });
}

/** Finds a `#/components/parameters/...` definition on any page of the API. */
export type ParameterLookup = (ref: string) => JsonObject | undefined;

function parameterNames(operation: JsonObject, lookup: ParameterLookup): Set<string> {
  const names = new Set<string>();
  for (const entry of Array.isArray(operation.parameters) ? operation.parameters : []) {
    const p = isObject(entry) && typeof entry.$ref === 'string' ? lookup(entry.$ref) : entry;
    if (isObject(p) && typeof p.name === 'string' && p.in !== 'header') names.add(`${String(p.in)}:${p.name}`);
  }
  return names;
}
