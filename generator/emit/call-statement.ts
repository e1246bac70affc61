import type { WriterFunction } from 'ts-morph';
import type { OperationModel } from './operation-model.ts';
import type { OperationTypeNames } from './operation-types.ts';

/**
 * The body of a wrapper method: one call of the typed openapi-fetch client, its result unwrapped into the
 * success body or a typed error. Strings from the spec (path, parameter names, keys) are written as JSON
 * string literals; identifiers come from `identifiers.ts`.
 */
export function callStatement(op: OperationModel, names: OperationTypeNames): WriterFunction {
  return (writer) => {
    const split = names.argument === 'params' && op.body?.fields !== undefined && op.queryParameters.length > 0;
    if (split) {
      writer.writeLine(`const [query, fields] = splitParams(params, ${JSON.stringify(op.queryParameters)});`);
    }
    const parts: string[] = [];
    const params: string[] = [];
    if (op.pathParameters.length > 0) {
      params.push(`path: { ${op.pathParameters.map((p) => `${JSON.stringify(p.name)}: ${p.identifier}`).join(', ')} }`);
    }
    const query = split ? 'query' : names.argument === 'params' && !op.body ? 'params' : undefined;
    const queryValue = split ? `query as ${names.queryType}` : query;
    if (query) params.push(op.pagination ? `query: { ...${query}, ${JSON.stringify(op.pagination.cursorParam)}: cursor }` : `query: ${queryValue}`);
    if (params.length > 0) parts.push(`params: { ${params.join(', ')} }`);
    if (op.body) {
      const source = names.argument === 'body' ? 'body' : split ? `fields as ${names.bodyType}` : 'params';
      parts.push(op.idempotencyKey ? `body: this.core.withClientOrderId(${source}, options)` : `body: ${source}`);
    }
    parts.push(op.idempotencyKey ? '...this.core.init(options, { idempotent: true })' : '...this.core.init(options)');
    const call = `this.core.unwrap(this.raw.${op.method.toUpperCase()}(${JSON.stringify(op.path)}, { ${parts.join(', ')} }))`;
    if (!op.pagination) {
      writer.writeLine(`return ${call};`);
      return;
    }
    const shape = {
      itemsKey: op.pagination.itemsKey,
      cursorKey: op.pagination.cursorKey,
      cursorParam: op.pagination.cursorParam,
    };
    const shapeText = Object.entries(shape).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(', ');
    writer.writeLine(
      `return new PagePromise<${names.responseType}, ${names.itemType}>((cursor) => ${call}, { ${shapeText}, initialCursor: params?.cursor });`,
    );
  };
}
