import type { FunctionDeclarationStructure, ImportDeclarationStructure, InterfaceDeclarationStructure, StatementStructures, TypeAliasDeclarationStructure } from 'ts-morph';

type Morph = typeof import('ts-morph');
import { bodyEncoder, callFunction, callStatement, passesPathEncoder, splitsParams } from './call-statement.ts';
import { operationDoc } from './jsdoc.ts';
import type { OperationModel } from './operation-model.ts';
import type { OperationTypeNames, TypeDeclaration } from './operation-types.ts';
import { listingClasses } from './pagination.ts';

/**
 * Builds `src/<api>/functions.ts` as a syntax tree with ts-morph: the named types of every operation (its
 * parameters, its response and page item when not a component) and one exported function per operation taking
 * the client first (`getMarket(client, ticker)`). A bundler keeps only the functions a consumer imports; the
 * client class (`client-file.ts`) is built on them.
 */

export interface FunctionsFileInput {
  /** `KalshiBaseClient`: the type of every function's first parameter. */
  baseClassName: string;
  operations: readonly OperationModel[];
  types: ReadonlyMap<string, OperationTypeNames>;
}

export async function emitFunctionsFile(input: FunctionsFileInput): Promise<string> {
  const morph: Morph = await import('ts-morph');
  const statements: StatementStructures[] = [
    ...imports(morph, input),
    ...input.operations.flatMap((op) => input.types.get(op.operationId)!.declarations.map((d) => declaration(morph, d))),
    ...input.operations.map((op) => operationFunction(morph, op, input.types.get(op.operationId)!, input.baseClassName)),
  ];
  const project = new morph.Project({ useInMemoryFileSystem: true });
  return project.createSourceFile('functions.ts', { statements }).getFullText();
}

function imports({ StructureKind }: Morph, input: FunctionsFileInput): ImportDeclarationStructure[] {
  const components = [...new Set([...input.types.values()].flatMap((t) => t.imports))].sort();
  const usesOperations = [...input.types.values()].some((t) => t.usesOperations);
  const specs: Omit<ImportDeclarationStructure, 'kind'>[] = [
    { moduleSpecifier: './types.js', isTypeOnly: true, namedImports: [...(usesOperations ? ['operations'] : []), ...components] },
    { moduleSpecifier: './base-client.js', isTypeOnly: true, namedImports: [input.baseClassName] },
    { moduleSpecifier: '../runtime/options.js', isTypeOnly: true, namedImports: ['RequestOptions'] },
    { moduleSpecifier: '../runtime/operation-call.js', namedImports: [...new Set(input.operations.map(callFunction))].sort() },
  ];
  const listings = listingClasses(input.operations.map((op) => op.pagination));
  if (listings.length > 0) specs.push({ moduleSpecifier: '../runtime/pagination.js', namedImports: listings });
  if (input.operations.some(passesPathEncoder)) specs.push({ moduleSpecifier: '../runtime/path-params.js', namedImports: ['encodePathValue'] });
  if (input.operations.some(splitsParams)) specs.push({ moduleSpecifier: '../runtime/split-params.js', namedImports: ['splitParams'] });
  const encoders = [...new Set(input.operations.map(bodyEncoder).filter((e): e is string => e !== undefined))].sort();
  if (encoders.length > 0) specs.push({ moduleSpecifier: '../runtime/body-encoders.js', namedImports: encoders });
  return specs.filter((spec) => spec.namedImports?.length !== 0).map((spec) => ({ kind: StructureKind.ImportDeclaration, ...spec }));
}

function declaration({ StructureKind }: Morph, d: TypeDeclaration): InterfaceDeclarationStructure | TypeAliasDeclarationStructure {
  const common = { name: d.name, isExported: true, docs: [{ description: d.doc }] };
  return d.kind === 'interface'
    ? { kind: StructureKind.Interface, ...common, extends: d.extends }
    : { kind: StructureKind.TypeAlias, ...common, type: d.type };
}

function operationFunction({ StructureKind }: Morph, op: OperationModel, names: OperationTypeNames, baseClassName: string): FunctionDeclarationStructure {
  return {
    kind: StructureKind.Function,
    name: op.wrapperName,
    isExported: true,
    docs: [{ description: operationDoc(op) }],
    parameters: [{ name: 'client', type: baseClassName }, ...names.parameters],
    returnType: names.returnType,
    statements: [callStatement(op, names)],
  };
}
