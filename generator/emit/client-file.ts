import type {
  ClassDeclarationStructure,
  FunctionDeclarationStructure,
  ImportDeclarationStructure,
  MethodDeclarationStructure,
  OptionalKind,
  StatementStructures,
  TypeAliasDeclarationStructure,
  VariableStatementStructure,
} from 'ts-morph';

type Morph = typeof import('ts-morph');
import type { OperationModel } from './operation-model.ts';
import { operationDoc } from './jsdoc.ts';
import { operationTypes, type OperationTypeNames } from './operation-types.ts';
import { callStatement, sendsFormData, splitsParams } from './call-statement.ts';

/**
 * Builds `src/<api>/client.ts` as a syntax tree with ts-morph: the signed-operation table, the environments,
 * one exported type per operation's parameters / response / page item, and the client class with one
 * wrapper method per operation. Every name taken from the spec arrives here already made a safe identifier;
 * every string from the spec is written as a JSON string literal; every comment goes through `jsdoc.ts`.
 */

export interface ClientFileInput {
  /** `KalshiClient`, `KalshiPerpsClient`. */
  className: string;
  /** `createKalshiClient`, `createKalshiPerpsClient`. */
  factoryName: string;
  title: string;
  environments: Record<'production' | 'demo', string>;
  operations: readonly OperationModel[];
  /** Names the types module already exports (component schemas): operation types must not clash with them. */
  typeNames: ReadonlySet<string>;
}

export async function emitClientFile(input: ClientFileInput): Promise<string> {
  const morph: Morph = await import('ts-morph');
  const types = new Map(input.operations.map((op) => [op.operationId, operationTypes(op, input.typeNames)]));
  const reused = [...new Set([...types.values()].flatMap((t) => t.reused))].sort();
  const statements: StatementStructures[] = [
    ...imports(morph, input, reused),
    ...tables(morph, input),
    ...input.operations.flatMap((op) => aliases(morph, types.get(op.operationId)!)),
    clientClass(morph, input, types),
    factory(morph, input),
  ];
  // One structure, printed once: far faster than inserting node by node.
  const project = new morph.Project({ useInMemoryFileSystem: true });
  return project.createSourceFile('client.ts', { statements }).getFullText();
}

function imports({ StructureKind }: Morph, input: ClientFileInput, reusedTypes: string[]): ImportDeclarationStructure[] {
  const specs: Omit<ImportDeclarationStructure, 'kind'>[] = [
    { moduleSpecifier: 'openapi-fetch', defaultImport: 'createClient', namedImports: [{ name: 'Client', isTypeOnly: true }] },
    { moduleSpecifier: './types.js', isTypeOnly: true, namedImports: ['operations', 'paths', ...reusedTypes] },
    {
      moduleSpecifier: '../runtime/client-core.js',
      namedImports: ['ClientCore', { name: 'KalshiClientOptions', isTypeOnly: true }, { name: 'RequestOptions', isTypeOnly: true }],
    },
  ];
  if (input.operations.some((op) => op.pagination)) specs.push({ moduleSpecifier: '../runtime/pagination.js', namedImports: ['PagePromise'] });
  if (input.operations.some(splitsParams)) {
    specs.push({ moduleSpecifier: '../runtime/split-params.js', namedImports: ['splitParams'] });
  }
  if (input.operations.some(sendsFormData)) specs.push({ moduleSpecifier: '../runtime/form-data.js', namedImports: ['formDataBody'] });
  specs.push({ moduleSpecifier: '#default-signer', namedImports: ['createDefaultSigner'] });
  return specs.map((spec) => ({ kind: StructureKind.ImportDeclaration, ...spec }));
}

function tables({ StructureKind, VariableDeclarationKind }: Morph, input: ClientFileInput): VariableStatementStructure[] {
  const signed = input.operations.filter((op) => op.signed).map((op) => JSON.stringify(`${op.method.toUpperCase()} ${op.path}`));
  const { production, demo } = input.environments;
  return [
    {
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      docs: [{ description: 'Operations that must carry the Kalshi signature headers (method and path template).' }],
      declarations: [{ name: 'SIGNED_OPERATIONS', type: 'ReadonlySet<string>', initializer: `new Set([${signed.join(', ')}])` }],
    },
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: [{ description: `Server of each Kalshi environment for the ${input.title}.` }],
      declarations: [{ name: 'ENVIRONMENTS', initializer: `{ production: ${JSON.stringify(production)}, demo: ${JSON.stringify(demo)} } as const` }],
    },
  ];
}

function aliases({ StructureKind }: Morph, names: OperationTypeNames): TypeAliasDeclarationStructure[] {
  return names.aliases.map((alias) => ({
    kind: StructureKind.TypeAlias,
    name: alias.name,
    isExported: true,
    type: alias.type,
    docs: [{ description: alias.doc }],
  }));
}

function clientClass({ StructureKind, Scope }: Morph, input: ClientFileInput, types: Map<string, OperationTypeNames>): ClassDeclarationStructure {
  const methods: OptionalKind<MethodDeclarationStructure>[] = input.operations.map((op) => {
    const names = types.get(op.operationId)!;
    return {
      name: op.wrapperName,
      docs: [{ description: operationDoc(op) }],
      parameters: names.parameters,
      returnType: names.returnType,
      statements: [callStatement(op, names)],
    };
  });
  return {
    kind: StructureKind.Class,
    name: input.className,
    isExported: true,
    docs: [
      {
        description:
          `${input.title} client: one method per operation, returning the parsed body and throwing typed errors ` +
          '(`KalshiApiError` and subclasses). Signed operations are signed with the key given at construction.',
      },
    ],
    properties: [
      {
        name: 'raw',
        isReadonly: true,
        type: 'Client<paths>',
        docs: [{ description: 'The underlying openapi-fetch client, for `{ data, error, response }` results.' }],
      },
      { name: 'core', isReadonly: true, scope: Scope.Private, type: 'ClientCore' },
    ],
    ctors: [
      {
        parameters: [{ name: 'options', type: 'KalshiClientOptions', initializer: '{}' }],
        statements: [
          'this.core = new ClientCore(options, { environments: ENVIRONMENTS, signedOperations: SIGNED_OPERATIONS, createDefaultSigner });',
          'this.raw = createClient<paths>(this.core.clientOptions());',
          'this.raw.use(this.core.signingMiddleware());',
        ],
      },
    ],
    methods,
  };
}

function factory({ StructureKind }: Morph, input: ClientFileInput): FunctionDeclarationStructure {
  return {
    kind: StructureKind.Function,
    name: input.factoryName,
    isExported: true,
    docs: [{ description: `Creates a ${input.title} client. See {@link ${input.className}}.` }],
    parameters: [{ name: 'options', type: 'KalshiClientOptions', initializer: '{}' }],
    returnType: input.className,
    statements: [`return new ${input.className}(options);`],
  };
}
