import { compareText } from '../diagnostics/diagnostic.ts';
import { componentName, isObject, type JsonObject } from '../openapi/json.ts';
import { objectProperties, resolveRef } from '../openapi/resolve.ts';
import { removedFromDocs } from '../openapi/removed.ts';
import { HTTP_METHODS, type HttpMethod } from '../normalise/fragment.ts';
import { parameterIdentifier, typeStem, wrapperName } from './identifiers.ts';
import { detectPagination, type PaginationModel } from './pagination.ts';

/** Everything the emitters need to know about one operation, read once from the merged document. */

export interface PathParameter {
  name: string;
  identifier: string;
}

export interface OperationModel {
  operationId: string;
  method: HttpMethod;
  path: string;
  wrapperName: string;
  typeStem: string;
  summary?: string;
  description?: string;
  deprecated: boolean;
  /** Set for an operation the docs no longer list, kept for migration: when it left, and what replaces it. */
  removed?: { lastListed?: string; replacementWrapper?: string };
  /** Needs the Kalshi signature headers. */
  signed: boolean;
  pathParameters: PathParameter[];
  queryParameters: string[];
  /** Header parameters other than credentials (the signature headers are never parameters). */
  headerParameters: string[];
  /** Some query or header parameter is required. */
  requiredQuery: boolean;
  /** The request body: media type, whether it is required, its fields (object bodies) and its component. */
  body?: { mediaType: string; required: boolean; fields?: string[]; requiredFields: boolean; schemaName?: string };
  success?: SuccessModel;
  pagination?: PaginationModel;
  /**
   * An order-creating body: it accepts `client_order_id` (and is not an amendment, whose `client_order_id`
   * names the existing order). Kalshi never reuses a client order id, so a retry with the same one is safe.
   */
  idempotencyKey: boolean;
}

export interface SuccessModel {
  /** `200`, `201`, ... or the range `2XX`. */
  status: string;
  json: boolean;
  /** The JSON media type read (`application/json`, `application/problem+json`, ...), when `json`. */
  mediaType?: string;
  /** The component the JSON body is, when it is one. */
  schemaName?: string;
  /** A plain object (an interface can extend its type). */
  object: boolean;
  /** How a body that is not JSON is handed to the caller: a byte stream (events, octets), text, or a Blob. */
  parseAs?: 'stream' | 'text' | 'blob';
  /** JSON and other media types (e.g. an event stream the caller opts into): the function reads the JSON one. */
  otherMediaTypes: boolean;
}

/**
 * `reserved`: names an operation's function must not take (the other values the package entry exports);
 * such an operation gets the `Operation` suffix.
 */
export function operationModels(
  document: JsonObject,
  reserved: ReadonlySet<string> = new Set(),
): { models: OperationModel[]; unclassifiedCursors: OperationModel[] } {
  const models: OperationModel[] = [];
  const unclassifiedCursors: OperationModel[] = [];
  for (const [path, item] of Object.entries(document.paths as JsonObject)) {
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const model = operationModel(document, method, path, operation, reserved);
      models.push(model);
      if (model.queryParameters.includes('cursor') && !model.pagination) unclassifiedCursors.push(model);
    }
  }
  return { models: models.sort((a, b) => compareText(a.wrapperName, b.wrapperName)), unclassifiedCursors };
}

/** Names the generated function and method bodies use for themselves: parameters must not shadow them. */
const LOCAL_NAMES = ['client', 'params', 'options', 'parts', 'body', 'cursor'];

function operationModel(document: JsonObject, method: HttpMethod, path: string, operation: JsonObject, reserved: ReadonlySet<string>): OperationModel {
  const parameters = (Array.isArray(operation.parameters) ? operation.parameters : [])
    .map((p) => resolveRef(document, p))
    .filter((p): p is JsonObject => p !== undefined);
  const operationId = String(operation.operationId);
  const taken = new Set(LOCAL_NAMES);
  const pathParameters = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => {
    const identifier = parameterIdentifier(m[1]!, taken);
    taken.add(identifier);
    return { name: m[1]!, identifier };
  });
  const query = parameters.filter((p) => p.in === 'query');
  const headers = parameters.filter((p) => p.in === 'header');
  const body = requestBody(document, operation);
  const success = successResponse(document, operation);
  const model: OperationModel = {
    operationId,
    method,
    path,
    wrapperName: wrapperName(operationId, reserved),
    typeStem: typeStem(operationId),
    deprecated: operation.deprecated === true,
    signed: isSigned(document, operation),
    pathParameters,
    queryParameters: query.map((p) => String(p.name)),
    headerParameters: headers.map((p) => String(p.name)),
    requiredQuery: [...query, ...headers].some((p) => p.required === true),
    idempotencyKey: Boolean(body?.fields?.includes('client_order_id') && !body.fields.includes('updated_client_order_id')),
  };
  const removed = removedFromDocs(operation);
  if (removed) {
    model.removed = {
      ...(removed.lastListed ? { lastListed: removed.lastListed.slice(0, 10) } : {}),
      ...(removed.replacement ? { replacementWrapper: wrapperName(removed.replacement) } : {}),
    };
  }
  if (typeof operation.summary === 'string') model.summary = operation.summary;
  if (typeof operation.description === 'string') model.description = operation.description;
  if (body) model.body = body;
  if (success) {
    model.success = {
      status: success.status,
      json: success.schema !== undefined,
      object: isPlainObject(document, success.schema),
      otherMediaTypes: success.others.length > 0,
    };
    if (success.mediaType) model.success.mediaType = success.mediaType;
    const ref = isObject(success.schema) && typeof success.schema.$ref === 'string' ? componentName(success.schema.$ref) : undefined;
    if (ref) model.success.schemaName = ref;
    const parseAs = success.schema === undefined ? parseModeOf(success.others) : undefined;
    if (parseAs) model.success.parseAs = parseAs;
  }
  const pagination = success?.schema ? detectPagination(document, model.queryParameters, success.schema) : undefined;
  if (pagination) model.pagination = pagination;
  return model;
}

function requestBody(document: JsonObject, operation: JsonObject): OperationModel['body'] {
  const body = resolveRef(document, operation.requestBody);
  if (!body || !isObject(body.content)) return undefined;
  const mediaType = 'application/json' in body.content ? 'application/json' : Object.keys(body.content).sort(compareText)[0];
  if (!mediaType) return undefined;
  const media = body.content[mediaType];
  const schema = isObject(media) ? media.schema : undefined;
  const properties = objectProperties(document, schema);
  const resolved = resolveRef(document, schema);
  const result: NonNullable<OperationModel['body']> = {
    mediaType,
    required: body.required === true,
    requiredFields: Array.isArray(resolved?.required) && resolved.required.length > 0,
  };
  if (properties) result.fields = Object.keys(properties);
  if (isObject(schema) && typeof schema.$ref === 'string') {
    const name = componentName(schema.$ref);
    if (name) result.schemaName = name;
  }
  return result;
}

/** The lowest 2xx status (else the `2XX` range), its JSON media type and schema, and its other media types. */
function successResponse(
  document: JsonObject,
  operation: JsonObject,
): { status: string; mediaType?: string; schema?: unknown; others: string[] } | undefined {
  const responses = isObject(operation.responses) ? operation.responses : {};
  const codes = Object.keys(responses).sort(compareText);
  const status = codes.find((s) => /^2\d\d$/.test(s)) ?? codes.find((s) => s === '2XX');
  if (!status) return undefined;
  const response = resolveRef(document, responses[status]);
  const content = response && isObject(response.content) ? response.content : {};
  const types = Object.keys(content).sort(compareText);
  const mediaType = types.includes('application/json') ? 'application/json' : types.find(isJsonMediaType);
  const media = mediaType ? content[mediaType] : undefined;
  const others = types.filter((t) => t !== mediaType);
  return isObject(media) && media.schema !== undefined ? { status, mediaType: mediaType!, schema: media.schema, others } : { status, others };
}

function isJsonMediaType(type: string): boolean {
  return /^application\/([\w.-]+\+)?json\b/i.test(type);
}

/** Event streams, NDJSON and octets arrive as a stream; other text as a string; images, PDFs and the rest as a Blob. */
function parseModeOf(mediaTypes: readonly string[]): SuccessModel['parseAs'] {
  const first = mediaTypes[0];
  if (!first) return undefined;
  if (/^(text\/event-stream|application\/(x-)?ndjson|application\/octet-stream)/i.test(first)) return 'stream';
  if (/^text\//i.test(first) || /^application\/(xml|yaml|x-yaml)/i.test(first)) return 'text';
  return 'blob';
}

/** An object schema that is not nullable nor a union: its type is an object literal an interface can extend. */
function isPlainObject(document: JsonObject, schema: unknown): boolean {
  const resolved = resolveRef(document, schema);
  if (!resolved || resolved.nullable === true || resolved.oneOf !== undefined || resolved.anyOf !== undefined) return false;
  return objectProperties(document, resolved) !== undefined;
}

/** Signed when every way to call it sends the Kalshi API-key headers. */
function isSigned(document: JsonObject, operation: JsonObject): boolean {
  const security = Array.isArray(operation.security) ? operation.security : Array.isArray(document.security) ? document.security : [];
  if (security.length === 0) return false;
  const schemes = isObject(document.components) && isObject(document.components.securitySchemes) ? document.components.securitySchemes : {};
  return security.every(
    (requirement) =>
      isObject(requirement) &&
      Object.keys(requirement).some((name) => {
        const scheme = schemes[name];
        return isObject(scheme) && scheme.in === 'header' && /^kalshi-access-/i.test(String(scheme.name));
      }),
  );
}
