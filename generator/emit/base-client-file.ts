import type {
  ClassDeclarationStructure,
  FunctionDeclarationStructure,
  OptionalKind,
  PropertyDeclarationStructure,
  StatementStructures,
  VariableStatementStructure,
} from 'ts-morph';

type Morph = typeof import('ts-morph');
import type { ApiNames } from './api-names.ts';

/**
 * Builds `src/<api>/base-client.ts` with ts-morph: the environments' servers and the client without
 * per-operation methods (`KalshiBaseClient`): options, credentials and transport, which the operation functions
 * take as their first argument. It imports nothing per operation, and no optional part (a signer, a rate limiter, a
 * clock correction come as objects in its options), so a bundle that calls one public function carries one
 * operation and no signing code.
 */
export async function emitBaseClientFile(names: ApiNames): Promise<string> {
  const morph: Morph = await import('ts-morph');
  const { StructureKind } = morph;
  const statements: StatementStructures[] = [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: '../runtime/base-client-core.js',
      namedImports: ['BaseClientCore', { name: 'KalshiBaseClientOptions', isTypeOnly: true }],
    },
    environments(morph, names),
    baseClass(morph, names),
    factory(morph, names),
  ];
  const project = new morph.Project({ useInMemoryFileSystem: true });
  return project.createSourceFile('base-client.ts', { statements }).getFullText();
}

function environments({ StructureKind, VariableDeclarationKind }: Morph, names: ApiNames): VariableStatementStructure {
  const { production, demo } = names.environments;
  return {
    kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: [{ description: `Server of each Kalshi environment for the ${names.title}.` }],
    declarations: [{ name: 'ENVIRONMENTS', initializer: `{ production: ${JSON.stringify(production)}, demo: ${JSON.stringify(demo)} } as const` }],
  };
}

function baseClass({ StructureKind }: Morph, names: ApiNames): ClassDeclarationStructure {
  return {
    kind: StructureKind.Class,
    name: names.baseClassName,
    isExported: true,
    docs: [
      {
        description:
          `${names.title} client without per-operation methods: pass it to the operation functions ` +
          '(`getMarket(client, ticker)`), and a bundle carries only the operations it calls. Its optional parts come ' +
          'as objects, so a bundle carries only those it is given: credentials as ' +
          '`{ apiKeyId, signer: createDefaultSigner(privateKeyPem) }`, `rateLimit: createRateLimiter({ readsPerSecond })`, ' +
          `\`correctClockSkew: new ClockCorrection()\`. \`${names.className}\` also takes \`privateKeyPem\`, plain ` +
          '`rateLimit` options and `correctClockSkew: true`, and has one method per operation.',
      },
    ],
    properties: [
      apiProperty(names),
      {
        name: 'core',
        isReadonly: true,
        type: 'BaseClientCore',
        docs: [{ description: 'Options, credentials, base URL and transport (signing, timeouts, retries, rate limits): what every call goes through.' }],
      },
    ],
    ctors: [
      {
        parameters: [{ name: 'options', type: 'KalshiBaseClientOptions', initializer: '{}' }],
        statements: ['this.core = new BaseClientCore(options, { environments: ENVIRONMENTS });'],
      },
    ],
  };
}

/** `readonly api: 'trade'`: what keeps one API's client out of another API's operation functions (types are structural). */
export function apiProperty(names: ApiNames): OptionalKind<PropertyDeclarationStructure> {
  return {
    name: 'api',
    isReadonly: true,
    type: JSON.stringify(names.api),
    initializer: JSON.stringify(names.api),
    docs: [{ description: `The API this client calls: the ${names.title}. Operation functions of another API do not accept it.` }],
  };
}

function factory({ StructureKind }: Morph, names: ApiNames): FunctionDeclarationStructure {
  return {
    kind: StructureKind.Function,
    name: names.baseFactoryName,
    isExported: true,
    docs: [{ description: `Creates a ${names.title} client for the operation functions. See {@link ${names.baseClassName}}.` }],
    parameters: [{ name: 'options', type: 'KalshiBaseClientOptions', initializer: '{}' }],
    returnType: names.baseClassName,
    statements: [`return new ${names.baseClassName}(options);`],
  };
}
