import type { Diagnostics } from '../../diagnostics/diagnostic.ts';
import type { Page, YamlBlock } from '../../ingest/page.ts';
import { componentName, isObject, type JsonObject } from '../../openapi/json.ts';
import { isSelfReference } from '../common/self-reference.ts';
import { apiOfPage } from '../api-name.ts';
import { HTTP_METHODS, type HttpMethod, type PageFragment, type SourcedValue } from '../fragment.ts';
import { operationIdFromTitle } from '../names.ts';
import { convertBody, convertParameters, convertResponses } from './request.ts';
import { convertSchema, type DerivedSchemaContext } from './schema.ts';
import { convertSecurity } from './security.ts';
import { pageTag } from '../page-tag.ts';

/** Mintlify's derived format (one operation per page, `paths: {path, method, request, response}`) → OpenAPI. */
export function normaliseDerived(page: Page, block: YamlBlock, diagnostics: Diagnostics): PageFragment | undefined {
  const root = block.yaml.value as JsonObject;
  const entry = root.paths as JsonObject;
  const file = page.file;
  const line = block.yaml.lineOf(['paths']);
  const method = String(entry.method).toLowerCase();
  const path = String(entry.path);
  if (entry.type === 'webhook') {
    diagnostics.info('webhook-skipped', `webhook "${method} ${path}" is not an operation; skipped`, { file, line });
    return undefined;
  }
  if (!(HTTP_METHODS as readonly string[]).includes(method) || !path.startsWith('/')) {
    diagnostics.error('operation-invalid', `"${method} ${path}" is not an HTTP method and path; fix the page`, { file, line });
    return undefined;
  }
  const schemas: Record<string, SourcedValue> = {};
  const declared = isObject(root.components) && isObject(root.components.schemas) ? root.components.schemas : {};
  const ctx: DerivedSchemaContext = {
    // An inline copy defines the component unless the page declares it; a declared self-reference (a recursive
    // schema cut short) gives way to the inline copy.
    defineComponent(name, schema) {
      const known = Object.hasOwn(schemas, name) ? schemas[name]!.value : undefined;
      if (!known || isSelfReference(name, known)) schemas[name] = { value: schema, source: { file, line } };
    },
  };
  for (const [name, schema] of Object.entries(declared)) {
    if (!isObject(schema)) continue;
    // A declared schema carrying its own name as `refIdentifier` (a YAML alias of the inline copy) is that schema, not a reference.
    const { refIdentifier, ...own } = schema;
    const body = typeof refIdentifier === 'string' && componentName(refIdentifier) === name ? own : schema;
    schemas[name] = { value: convertSchema(body, ctx), source: { file, line: block.yaml.lineOf(['components', 'schemas', name]) } };
  }
  const request = isObject(entry.request) ? entry.request : {};
  const security = convertSecurity(request.security);
  const title = page.meta.title ?? `${method} ${path}`;
  const operation: JsonObject = { operationId: operationIdFromTitle(title), summary: title };
  if (page.meta.description) operation.description = page.meta.description;
  const tag = pageTag(page);
  if (tag) operation.tags = [tag];
  const parameters = convertParameters(request.parameters, ctx);
  if (parameters.length > 0) operation.parameters = parameters;
  const body = convertBody(request.body, ctx);
  if (body) operation.requestBody = body;
  operation.responses = convertResponses(entry.response, ctx);
  if (entry.deprecated === true) operation.deprecated = true;
  if (security.requirements) operation.security = security.requirements;
  const servers = Array.isArray(entry.servers) ? entry.servers.filter(isObject) : [];
  const securitySchemes = Object.fromEntries(
    Object.entries(security.schemes).map(([name, value]) => [name, { value, source: { file, line } }]),
  );
  return {
    page: { file, kind: 'derived', ...(page.meta.date ? { date: page.meta.date } : {}) },
    api: apiOfPage(page, block.fence.specFile, typeof servers[0]?.url === 'string' ? servers[0].url : undefined),
    operations: [{ method: method as HttpMethod, path, operation, source: { file, line } }],
    components: { schemas, securitySchemes },
    servers,
  };
}
