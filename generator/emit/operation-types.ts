import type { OptionalKind, ParameterDeclarationStructure } from 'ts-morph';
import type { OperationModel } from './operation-model.ts';

/**
 * The exported types of one operation and the signature of its wrapper. The types index `operations`
 * directly (`operations["GetOrders"]["parameters"]["query"]`), so a user's compiler never has to match
 * URL paths to find them.
 */

export interface OperationTypeNames {
  aliases: { name: string; type: string; doc: string }[];
  /** Component types used as they are (the response *is* the `GetOrdersResponse` schema). */
  reused: string[];
  parameters: OptionalKind<ParameterDeclarationStructure>[];
  returnType: string;
  /** How the wrapper passes its arguments: a params object, a raw body, or nothing. */
  argument: 'params' | 'body' | 'none';
  responseType: string;
  itemType?: string;
  /** Type expressions of the query object, the header object and the body, when the operation has them. */
  queryType?: string;
  headerType?: string;
  bodyType?: string;
}

/** What openapi-fetch hands back for each `parseAs`. */
const PARSED_AS = { stream: 'ReadableStream<Uint8Array> | null', text: 'string', blob: 'Blob' } as const;

export function operationTypes(op: OperationModel, typeNames: ReadonlySet<string>): OperationTypeNames {
  const ref = `operations[${JSON.stringify(op.operationId)}]`;
  const result: OperationTypeNames = { aliases: [], reused: [], parameters: [], returnType: '', argument: 'none', responseType: 'void' };
  const alias = (preferred: string, fallback: string, type: string, doc: string): string => {
    const name = typeNames.has(preferred) ? fallback : preferred;
    result.aliases.push({ name, type, doc });
    return name;
  };
  for (const p of op.pathParameters) {
    result.parameters.push({ name: p.identifier, type: `${ref}["parameters"]["path"][${JSON.stringify(p.name)}]` });
  }
  const query = op.queryParameters.length > 0 ? `NonNullable<${ref}["parameters"]["query"]>` : undefined;
  const body = op.body ? `NonNullable<${ref}["requestBody"]>["content"][${JSON.stringify(op.body.mediaType)}]` : undefined;
  const header = op.headerParameters.length > 0 ? `NonNullable<${ref}["parameters"]["header"]>` : undefined;
  if (query) result.queryType = query;
  if (header) result.headerType = header;
  if (body) result.bodyType = body;
  if (body && !op.body?.fields) {
    const name = alias(`${op.typeStem}Body`, `${op.typeStem}RequestBody`, body, `Request body of \`${op.wrapperName}\`.`);
    result.parameters.push({ name: 'body', type: name, hasQuestionToken: !op.body?.required });
    result.argument = 'body';
  } else if (query || header || body) {
    const type = [query, header, body].filter(Boolean).join(' & ');
    const name = alias(`${op.typeStem}Params`, `${op.typeStem}RequestParams`, type, `Parameters of \`${op.wrapperName}\`.`);
    const required = op.requiredQuery || (op.body?.required === true && op.body.requiredFields);
    const bodyNeeded = op.body?.required === true && !op.requiredQuery;
    result.parameters.push(required ? { name: 'params', type: name } : bodyNeeded ? { name: 'params', type: name, initializer: '{}' } : { name: 'params', type: name, hasQuestionToken: true });
    result.argument = 'params';
  }
  result.parameters.push({ name: 'options', type: 'RequestOptions', hasQuestionToken: true });
  if (op.success?.json) {
    const status = /^\d+$/.test(op.success.status) ? op.success.status : JSON.stringify(op.success.status);
    const type = `${ref}["responses"][${status}]["content"][${JSON.stringify(op.success.mediaType ?? 'application/json')}]`;
    const preferred = `${op.typeStem}Response`;
    if (typeNames.has(preferred) && op.success.schemaName === preferred) {
      result.reused.push(preferred);
      result.responseType = preferred;
    } else {
      result.responseType = alias(preferred, `${op.typeStem}ResponseBody`, type, `Success body of \`${op.wrapperName}\`.`);
    }
  }
  if (op.success?.parseAs) result.responseType = PARSED_AS[op.success.parseAs];
  if (op.pagination) {
    const item = `NonNullable<${result.responseType}[${JSON.stringify(op.pagination.itemsKey)}]>[number]`;
    result.itemType = alias(`${op.typeStem}Item`, `${op.typeStem}PageItem`, item, `One item of \`${op.wrapperName}\`'s pages.`);
    result.returnType = `PagePromise<${result.responseType}, ${result.itemType}>`;
  } else {
    result.returnType = `Promise<${result.responseType}>`;
  }
  return result;
}
