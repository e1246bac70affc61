import type { OptionalKind, ParameterDeclarationStructure } from 'ts-morph';
import type { OperationModel } from './operation-model.ts';

/**
 * The named types of one operation and the signature of its function and method. Parameters are interfaces
 * (`interface GetOrdersParams extends NonNullable<operations["GetOrders"]["parameters"]["query"]> {}`,
 * `interface CreateOrderParams extends CreateOrderRequest {}`), so hovers, errors and declarations say
 * `GetOrdersParams` instead of spelling out the object. Component schemas are used by their own names
 * (`Market`, `Order`, see `named-types.ts`); what is not a component indexes `operations` directly, so a user's
 * compiler never has to match URL paths to find it.
 */

export type TypeDeclaration =
  | { kind: 'interface'; name: string; extends: string[]; doc: string }
  | { kind: 'alias'; name: string; type: string; doc: string };

export interface OperationTypeNames {
  declarations: TypeDeclaration[];
  /** Names the declarations and signature take from the types module. */
  imports: string[];
  /** The signature after the client: path parameters, then params or body, then options. */
  parameters: OptionalKind<ParameterDeclarationStructure>[];
  returnType: string;
  /** How the operation passes its arguments: a params object, a raw body, or nothing. */
  argument: 'params' | 'body' | 'none';
  responseType: string;
  itemType?: string;
  /** Some type indexes openapi-typescript's `operations` (which must then be imported). */
  usesOperations: boolean;
  /** The type names the signature mentions (from the types module, or declared here), `operations` included. */
  signatureNames: string[];
}

export interface TypeNaming {
  /** Names the types module exports: operation types must not clash with them. */
  exported: ReadonlySet<string>;
  /** Component schema key → its exported type name. */
  schemas: ReadonlyMap<string, string>;
  /** operationId → its query and header parameter interfaces in the types module. */
  parameters: ReadonlyMap<string, { query?: string; header?: string }>;
}

/** What `callOperation` hands back for a body that is not JSON, by its `parseAs`. */
const PARSED_AS = { stream: 'ReadableStream<Uint8Array> | null', text: 'string', blob: 'Blob' } as const;

export function operationTypes(op: OperationModel, naming: TypeNaming): OperationTypeNames {
  const ref = `operations[${JSON.stringify(op.operationId)}]`;
  const result: OperationTypeNames = {
    declarations: [],
    imports: [],
    parameters: [],
    returnType: '',
    argument: 'none',
    responseType: 'void',
    usesOperations: false,
    signatureNames: [],
  };
  const name = (preferred: string, fallback: string): string => (naming.exported.has(preferred) ? fallback : preferred);
  const component = (key: string | undefined): string | undefined => {
    const found = key === undefined ? undefined : naming.schemas.get(key);
    if (found !== undefined) result.imports.push(found);
    return found;
  };
  for (const p of op.pathParameters) {
    result.parameters.push({ name: p.identifier, type: `${ref}["parameters"]["path"][${JSON.stringify(p.name)}]` });
  }
  const named = naming.parameters.get(op.operationId) ?? {};
  for (const part of [named.query, named.header]) if (part !== undefined) result.imports.push(part);
  parameterTypes(op, ref, result, name, component, named);
  result.parameters.push({ name: 'options', type: 'RequestOptions', hasQuestionToken: true });
  if (op.success?.json) responseTypes(op, ref, result, name, component);
  if (op.success?.parseAs) result.responseType = PARSED_AS[op.success.parseAs];
  if (op.pagination?.itemsKey !== undefined) {
    const schema = component(op.pagination.itemSchemaName);
    const itemName = name(`${op.typeStem}Item`, `${op.typeStem}PageItem`);
    const indexed = `NonNullable<${result.responseType}[${JSON.stringify(op.pagination.itemsKey)}]>[number]`;
    const doc = `One item of \`${op.wrapperName}\`'s pages (\`${op.pagination.itemsKey}\`).`;
    if (schema !== itemName) result.declarations.push({ kind: 'alias', name: itemName, type: schema ?? indexed, doc });
    result.itemType = schema ?? itemName;
    result.returnType = `PagePromise<${result.responseType}, ${result.itemType}>`;
  } else if (op.pagination) {
    result.returnType = `ListingPromise<${result.responseType}>`;
  } else {
    result.returnType = `Promise<${result.responseType}>`;
  }
  result.imports = [...new Set(result.imports)].sort();
  const typeTexts = [
    ...result.declarations.flatMap((d) => (d.kind === 'interface' ? d.extends : [d.type])),
    ...result.parameters.map((p) => String(p.type)),
  ];
  result.usesOperations = typeTexts.some((type) => type.includes(ref));
  const declared = new Set([...result.declarations.map((d) => d.name), ...result.imports]);
  result.signatureNames = [
    ...(op.pathParameters.length > 0 ? ['operations'] : []),
    ...[...result.parameters.map((p) => String(p.type)), result.responseType, result.itemType].filter((t) => t !== undefined && declared.has(t)),
  ] as string[];
  return result;
}

type Namer = (preferred: string, fallback: string) => string;
type ComponentOf = (key: string | undefined) => string | undefined;

/** The params object (an interface over the query, header and body parts) or the raw body. */
function parameterTypes(
  op: OperationModel,
  ref: string,
  result: OperationTypeNames,
  name: Namer,
  component: ComponentOf,
  named: { query?: string; header?: string },
): void {
  // Extending a named interface keeps the name in errors; `NonNullable<…>` of a literal would not.
  const query = op.queryParameters.length > 0 ? (named.query ?? `NonNullable<${ref}["parameters"]["query"]>`) : undefined;
  const header = op.headerParameters.length > 0 ? (named.header ?? `NonNullable<${ref}["parameters"]["header"]>`) : undefined;
  const bodyType = op.body ? `NonNullable<${ref}["requestBody"]>["content"][${JSON.stringify(op.body.mediaType)}]` : undefined;
  if (op.body && bodyType && !op.body.fields) {
    const bodyName = name(`${op.typeStem}Body`, `${op.typeStem}RequestBody`);
    result.declarations.push({ kind: 'alias', name: bodyName, type: component(op.body.schemaName) ?? bodyType, doc: `Request body of \`${op.wrapperName}\`.` });
    result.parameters.push({ name: 'body', type: bodyName, hasQuestionToken: !op.body.required });
    result.argument = 'body';
    return;
  }
  // An object body without fields is sent as `{}`: nothing for the caller to give.
  const bodyFields = op.body?.fields !== undefined && op.body.fields.length > 0;
  if (!query && !header && !bodyFields) return;
  // An object body is extended by its component's name, or through NonNullable (a type reference) otherwise.
  const body = bodyFields ? (component(op.body?.schemaName) ?? `NonNullable<${bodyType}>`) : undefined;
  const parts = [query, header, body].filter((part): part is string => part !== undefined);
  const paramsName = name(`${op.typeStem}Params`, `${op.typeStem}RequestParams`);
  const doc = `Parameters of \`${op.wrapperName}\`${describeParts(op)}.`;
  result.declarations.push(
    overlaps(op)
      ? { kind: 'alias', name: paramsName, type: parts.join(' & '), doc }
      : { kind: 'interface', name: paramsName, extends: parts, doc },
  );
  const required = op.requiredQuery || (bodyFields && op.body?.required === true && op.body.requiredFields);
  const bodyNeeded = bodyFields && op.body?.required === true && !op.requiredQuery;
  result.parameters.push(
    required
      ? { name: 'params', type: paramsName }
      : bodyNeeded
        ? { name: 'params', type: paramsName, initializer: '{}' }
        : { name: 'params', type: paramsName, hasQuestionToken: true },
  );
  result.argument = 'params';
}

function responseTypes(op: OperationModel, ref: string, result: OperationTypeNames, name: Namer, component: ComponentOf): void {
  const success = op.success!;
  const preferred = `${op.typeStem}Response`;
  const schema = component(success.schemaName);
  if (schema !== undefined) {
    result.responseType = schema;
    if (schema === preferred) return;
    // Also by the operation's name (`GetFCMOrdersResponse` is a `GetOrdersResponse`), unless that is the schema.
    const alias = name(preferred, `${op.typeStem}ResponseBody`);
    if (alias !== schema) result.declarations.push({ kind: 'alias', name: alias, type: schema, doc: `Success body of \`${op.wrapperName}\`.` });
    return;
  }
  const status = /^\d+$/.test(success.status) ? success.status : JSON.stringify(success.status);
  const type = `${ref}["responses"][${status}]["content"][${JSON.stringify(success.mediaType ?? 'application/json')}]`;
  result.responseType = name(preferred, `${op.typeStem}ResponseBody`);
  const doc = `Success body of \`${op.wrapperName}\`.`;
  result.declarations.push(
    success.object
      ? { kind: 'interface', name: result.responseType, extends: [`NonNullable<${type}>`], doc }
      : { kind: 'alias', name: result.responseType, type, doc },
  );
}

/** Query, header and body fields sharing a name cannot be extended together (nor split apart). */
function overlaps(op: OperationModel): boolean {
  const names = [...op.queryParameters, ...op.headerParameters, ...(op.body?.fields ?? [])];
  return new Set(names).size !== names.length;
}

function describeParts(op: OperationModel): string {
  const parts = [
    op.queryParameters.length > 0 ? 'query parameters' : undefined,
    op.headerParameters.length > 0 ? 'header parameters' : undefined,
    op.body?.fields?.length ? 'body fields' : undefined,
  ].filter((part) => part !== undefined);
  return parts.length > 1 ? `: ${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}, in one object` : `: its ${parts[0]}`;
}
