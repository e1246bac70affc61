import { Project, Scope, VariableDeclarationKind, type MethodDeclarationStructure, type OptionalKind, type SourceFile } from 'ts-morph';
import type { OperationModel } from './operation-model.ts';
import { operationDoc } from './jsdoc.ts';
import { operationTypes, type OperationTypeNames } from './operation-types.ts';
import { callStatement } from './call-statement.ts';

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

export function emitClientFile(input: ClientFileInput): string {
  const project = new Project({ useInMemoryFileSystem: true });
  const file = project.createSourceFile('client.ts', '');
  const types = new Map(input.operations.map((op) => [op.operationId, operationTypes(op, input.typeNames)]));
  const reused = [...new Set([...types.values()].flatMap((t) => t.reused))].sort();
  addImports(file, input, reused);
  addTables(file, input);
  for (const op of input.operations) addOperationTypes(file, op, types.get(op.operationId)!);
  addClientClass(file, input, types);
  file.addFunction({
    name: input.factoryName,
    isExported: true,
    docs: [{ description: `Creates a ${input.title} client. See {@link ${input.className}}.` }],
    parameters: [{ name: 'options', type: 'KalshiClientOptions', initializer: '{}' }],
    returnType: input.className,
    statements: [`return new ${input.className}(options);`],
  });
  return file.getFullText();
}

function addImports(file: SourceFile, input: ClientFileInput, reusedTypes: string[]): void {
  const paginated = input.operations.some((op) => op.pagination);
  file.addImportDeclarations([
    { moduleSpecifier: 'openapi-fetch', defaultImport: 'createClient', namedImports: [{ name: 'Client', isTypeOnly: true }] },
    { moduleSpecifier: './types.js', isTypeOnly: true, namedImports: ['operations', 'paths', ...reusedTypes] },
    {
      moduleSpecifier: '../runtime/client-core.js',
      namedImports: ['ClientCore', { name: 'KalshiClientOptions', isTypeOnly: true }, { name: 'RequestOptions', isTypeOnly: true }],
    },
    ...(paginated ? [{ moduleSpecifier: '../runtime/pagination.js', namedImports: ['PagePromise'] }] : []),
    ...(input.operations.some((op) => op.body?.fields && op.queryParameters.length > 0)
      ? [{ moduleSpecifier: '../runtime/split-params.js', namedImports: ['splitParams'] }]
      : []),
    { moduleSpecifier: '#default-signer', namedImports: ['createDefaultSigner'] },
  ]);
}

function addTables(file: SourceFile, input: ClientFileInput): void {
  const signed = input.operations.filter((op) => op.signed).map((op) => JSON.stringify(`${op.method.toUpperCase()} ${op.path}`));
  file.addVariableStatement({
    declarationKind: VariableDeclarationKind.Const,
    docs: [{ description: 'Operations that must carry the Kalshi signature headers (method and path template).' }],
    declarations: [{ name: 'SIGNED_OPERATIONS', type: 'ReadonlySet<string>', initializer: `new Set([${signed.join(', ')}])` }],
  });
  file.addVariableStatement({
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: [{ description: `Server of each Kalshi environment for the ${input.title}.` }],
    declarations: [
      {
        name: 'ENVIRONMENTS',
        initializer: `{ production: ${JSON.stringify(input.environments.production)}, demo: ${JSON.stringify(input.environments.demo)} } as const`,
      },
    ],
  });
}

function addOperationTypes(file: SourceFile, op: OperationModel, names: OperationTypeNames): void {
  for (const alias of names.aliases) {
    file.addTypeAlias({ name: alias.name, isExported: true, type: alias.type, docs: [{ description: alias.doc }] });
  }
}

function addClientClass(file: SourceFile, input: ClientFileInput, types: Map<string, OperationTypeNames>): void {
  const methods: OptionalKind<MethodDeclarationStructure>[] = input.operations.map((op) => {
    const names = types.get(op.operationId)!;
    return {
      name: op.wrapperName,
      docs: [{ description: operationDoc({ ...op, signed: op.signed }) }],
      parameters: names.parameters,
      returnType: names.returnType,
      statements: [callStatement(op, names)],
    };
  });
  file.addClass({
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
  });
}
