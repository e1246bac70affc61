import { createConfig, lintFromString, type NormalizedProblem } from '@redocly/openapi-core';
import type { Diagnostics } from '../diagnostics/diagnostic.ts';
import type { MergedApi } from '../merge/index.ts';

/**
 * Stage 4, validate: each merged document must be a valid OpenAPI 3.0 document. Redocly's `spec` rules
 * check the structure against the specification; any problem is an error, since the generated client
 * would be built on a document other tools reject.
 */
export async function validate(apis: readonly MergedApi[], diagnostics: Diagnostics): Promise<void> {
  const config = await createConfig({ extends: ['spec'] });
  for (const { api, document } of apis) {
    const file = `openapi/${api}.json`;
    let problems: NormalizedProblem[];
    try {
      problems = await lintFromString({ source: JSON.stringify(document), absoluteRef: `/${file}`, config });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      diagnostics.error('openapi-validator-failed', `the OpenAPI validator could not check this document: ${reason}`, { file });
      continue;
    }
    for (const problem of problems) {
      const pointer = problemPointer(problem);
      const message = `${problem.ruleId}: ${problem.message}${pointer ? ` (at ${pointer})` : ''}`;
      if (problem.severity === 'error') diagnostics.error('openapi-invalid', message, { file }, { pointer });
      else diagnostics.warn('openapi-lint', message, { file }, { pointer });
    }
  }
}

function problemPointer(problem: NormalizedProblem): string {
  const location = problem.location[0];
  return location?.pointer?.replace(/^#/, '') ?? '';
}
