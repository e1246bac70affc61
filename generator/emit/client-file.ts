import type {
  ClassDeclarationStructure,
  FunctionDeclarationStructure,
  ImportDeclarationStructure,
  MethodDeclarationStructure,
  OptionalKind,
  StatementStructures,
  VariableStatementStructure,
} from 'ts-morph';

type Morph = typeof import('ts-morph');
import type { ApiNames } from './api-names.ts';
import { apiProperty } from './base-client-file.ts';
import { operationDoc } from './jsdoc.ts';
import type { OperationModel } from './operation-model.ts';
import type { OperationTypeNames } from './operation-types.ts';
import { listingClasses } from './pagination.ts';

/**
 * Builds `src/<api>/client.ts` as a syntax tree with ts-morph: the client class with one method per operation,
 * each calling that operation's function (`functions.ts`) with the client itself (it has the `core` the functions
 * take), plus `raw`, the typed openapi-fetch client, whose requests the signed-operation table decides to sign. Every name taken from the
 * spec arrives here already made a safe identifier; every string from the spec is written as a JSON string
 * literal; every comment goes through `jsdoc.ts`.
 */

export interface ClientFileInput {
  names: ApiNames;
  operations: readonly OperationModel[];
  types: ReadonlyMap<string, OperationTypeNames>;
}

export async function emitClientFile(input: ClientFileInput): Promise<string> {
  const morph: Morph = await import('ts-morph');
  const statements: StatementStructures[] = [...imports(morph, input), signedTable(morph, input), clientClass(morph, input), factory(morph, input.names)];
  // One structure, printed once: far faster than inserting node by node.
  const project = new morph.Project({ useInMemoryFileSystem: true });
  return project.createSourceFile('client.ts', { statements }).getFullText();
}

function imports({ StructureKind }: Morph, input: ClientFileInput): ImportDeclarationStructure[] {
  const types = [...input.types.values()];
  const own = new Set(types.flatMap((t) => t.declarations.map((d) => d.name)));
  const mentioned = new Set(types.flatMap((t) => t.signatureNames));
  const fromTypes = [...mentioned].filter((name) => !own.has(name)).sort();
  const fromFunctions = [...mentioned].filter((name) => own.has(name)).sort();
  const listings = listingClasses(input.operations.map((op) => op.pagination));
  const specs: Omit<ImportDeclarationStructure, 'kind'>[] = [
    { moduleSpecifier: 'openapi-fetch', defaultImport: 'createClient', namedImports: [{ name: 'Client', isTypeOnly: true }] },
    { moduleSpecifier: './types.js', isTypeOnly: true, namedImports: ['paths', ...fromTypes] },
    { moduleSpecifier: './base-client.js', namedImports: ['ENVIRONMENTS'] },
    { moduleSpecifier: './functions.js', namespaceImport: 'functions' },
    { moduleSpecifier: './functions.js', isTypeOnly: true, namedImports: fromFunctions },
    { moduleSpecifier: '../runtime/client-core.js', namedImports: ['ClientCore', { name: 'KalshiClientOptions', isTypeOnly: true }, { name: 'RequestOptions', isTypeOnly: true }] },
    { moduleSpecifier: '../runtime/pagination.js', isTypeOnly: true, namedImports: listings },
    { moduleSpecifier: '#default-signer', namedImports: ['createDefaultSigner'] },
  ];
  return specs
    .filter((spec) => spec.namespaceImport !== undefined || spec.defaultImport !== undefined || (spec.namedImports as unknown[]).length > 0)
    .map((spec) => ({ kind: StructureKind.ImportDeclaration, ...spec }));
}

function signedTable({ StructureKind, VariableDeclarationKind }: Morph, input: ClientFileInput): VariableStatementStructure {
  const signed = input.operations.filter((op) => op.signed).map((op) => JSON.stringify(`${op.method.toUpperCase()} ${op.path}`));
  return {
    kind: StructureKind.VariableStatement,
    declarationKind: VariableDeclarationKind.Const,
    docs: [{ description: 'Operations that must carry the Kalshi signature headers (method and path template), for requests made through `raw`.' }],
    declarations: [{ name: 'SIGNED_OPERATIONS', type: 'ReadonlySet<string>', initializer: `new Set([${signed.join(', ')}])` }],
  };
}

function clientClass({ StructureKind }: Morph, input: ClientFileInput): ClassDeclarationStructure {
  const { names } = input;
  const methods: OptionalKind<MethodDeclarationStructure>[] = input.operations.map((op) => {
    const types = input.types.get(op.operationId)!;
    const args = ['this', ...types.parameters.map((p) => p.name)].join(', ');
    return {
      name: op.wrapperName,
      docs: [{ description: operationDoc(op) }],
      parameters: types.parameters,
      returnType: types.returnType,
      statements: [`return functions.${op.wrapperName}(${args});`],
    };
  });
  return {
    kind: StructureKind.Class,
    name: names.className,
    isExported: true,
    docs: [
      {
        description:
          `${names.title} client: one method per operation, returning the parsed body and throwing typed errors ` +
          '(`KalshiApiError` and subclasses). Signed operations are signed with the key given at construction. ' +
          `Each method is also exported as a function taking the client first, for bundles that should carry only ` +
          `the operations they call (see {@link ${names.baseClassName}}).`,
      },
    ],
    properties: [
      apiProperty(names),
      {
        name: 'core',
        isReadonly: true,
        type: 'ClientCore',
        docs: [{ description: 'Options, credentials, base URL and transport (signing, timeouts, retries, rate limits): what every call goes through.' }],
      },
      {
        name: 'raw',
        isReadonly: true,
        type: 'Client<paths>',
        docs: [{ description: 'The underlying openapi-fetch client, for `{ data, error, response }` results.' }],
      },
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

function factory({ StructureKind }: Morph, names: ApiNames): FunctionDeclarationStructure {
  return {
    kind: StructureKind.Function,
    name: names.factoryName,
    isExported: true,
    docs: [{ description: `Creates a ${names.title} client. See {@link ${names.className}}.` }],
    parameters: [{ name: 'options', type: 'KalshiClientOptions', initializer: '{}' }],
    returnType: names.className,
    statements: [`return new ${names.className}(options);`],
  };
}
