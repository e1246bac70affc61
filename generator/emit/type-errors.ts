import type { Diagnostics, SourceLocation } from '../diagnostics/diagnostic.ts';
import type { OperationModel } from './operation-model.ts';
import type { TypeProblem } from './typecheck.ts';

/**
 * A type error in the generated package is a generator bug or a page the generator accepted but should not
 * have: either way the run fails, and the report names what to look at: the operation (method, path,
 * wrapper) and the page that defined it, or the schema and its page, then the generated file and line.
 */

export interface ApiSources {
  api: string;
  operations: readonly OperationModel[];
  /** Page of each operation, keyed `get /path`. */
  operationPages: ReadonlyMap<string, SourceLocation>;
  /** Page of each component schema, by name. */
  schemaPages: ReadonlyMap<string, SourceLocation>;
  /** For an API with a generated channel map: the page a type error in its real-time entry points at. */
  streamPage?: SourceLocation;
}

export function reportTypeProblems(problems: readonly TypeProblem[], apis: readonly ApiSources[], diagnostics: Diagnostics): void {
  for (const problem of problems) {
    const api = apis.find((a) => problem.path.startsWith(`src/${a.api}/`));
    const within = problem.enclosing.slice(0, 2).join('.');
    const where = within ? `${problem.path} (in ${within})` : problem.path;
    const owner = api ? ownerOf(problem, api) : streamOwner(problem, apis);
    const subject = owner ? `${owner.label}: ` : '';
    diagnostics.error(
      'package-type-error',
      `${subject}the generated ${where} does not type-check: ${problem.message}`,
      owner?.page ?? { file: `generated/${problem.path}` },
    );
  }
}

/** A problem in an API's real-time entry or its generated channel map (`src/runtime/ws/<api>[-channels].ts`). */
function streamOwner(problem: TypeProblem, apis: readonly ApiSources[]): { label: string; page?: SourceLocation } | undefined {
  const match = /^src\/runtime\/ws\/([\w-]+?)(-channels)?\.ts$/.exec(problem.path);
  const api = match ? apis.find((a) => a.api === match[1] && a.streamPage !== undefined) : undefined;
  return api ? { label: `the ${api.api} WebSocket channel map (asyncapi/${api.api}.json)`, page: api.streamPage! } : undefined;
}

function ownerOf(problem: TypeProblem, api: ApiSources): { label: string; page?: SourceLocation } | undefined {
  const operation = operationOf(problem, api.operations);
  if (operation) {
    const page = api.operationPages.get(`${operation.method} ${operation.path}`);
    return { label: `${operation.method.toUpperCase()} ${operation.path} (${operation.wrapperName})`, ...(page ? { page } : {}) };
  }
  const [root, group, name] = problem.enclosing;
  if (root === 'components' && group === 'schemas' && name !== undefined) {
    const page = api.schemaPages.get(name);
    return { label: `schema ${name}`, ...(page ? { page } : {}) };
  }
  return undefined;
}

/**
 * The operation a problem belongs to: the wrapper method around it, the `operations["Id"]` entry of the
 * types around it, or the first operation its statement names (an exported alias of the client file).
 */
function operationOf(problem: TypeProblem, operations: readonly OperationModel[]): OperationModel | undefined {
  if (problem.path.endsWith('/client.ts')) {
    const byWrapper = operations.find((op) => problem.enclosing.includes(op.wrapperName));
    if (byWrapper) return byWrapper;
  }
  const [root, id] = problem.enclosing;
  if (root === 'operations' && id !== undefined) return operations.find((op) => op.operationId === id);
  if (root === 'paths' && id !== undefined) return operations.find((op) => op.path === id);
  const named = /operations\["((?:[^"\\]|\\.)*)"\]/.exec(problem.statement);
  if (named) {
    const id = JSON.parse(`"${named[1]}"`) as string;
    return operations.find((op) => op.operationId === id);
  }
  return undefined;
}
