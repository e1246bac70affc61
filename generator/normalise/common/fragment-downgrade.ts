import type { Diagnostics, SourceLocation } from '../../diagnostics/diagnostic.ts';
import { isObject } from '../../openapi/json.ts';
import { COMPONENT_KINDS, type PageFragment } from '../fragment.ts';
import { downgradeComponent, downgradeOperation } from './openapi31.ts';
import { isSelfReference, withoutSelfReference } from './self-reference.ts';

/**
 * A fragment with every schema and response in the OpenAPI 3.0 form (`openapi31.ts`), pure self-references made
 * unknown, mutual-TLS schemes dropped; what cannot be kept is reported once per operation or component.
 */
export function downgrade(fragment: PageFragment, diagnostics: Diagnostics): PageFragment {
  const report = (subject: string, source: SourceLocation) => {
    const lost = new Set<string>();
    return {
      lost: (message: string) => void lost.add(message),
      flush: () => {
        if (lost.size === 0) return;
        diagnostics.warn('openapi31-downgraded', `${subject}: ${[...lost].join('; ')}`, source);
      },
    };
  };
  const operations = fragment.operations.map((op) => {
    const r = report(`${op.method.toUpperCase()} ${op.path}`, op.source);
    const operation = downgradeOperation(op.operation, r.lost);
    r.flush();
    return { ...op, operation };
  });
  const components: PageFragment['components'] = {};
  for (const kind of COMPONENT_KINDS) {
    const group = fragment.components[kind];
    if (!group) continue;
    components[kind] = Object.fromEntries(
      Object.entries(group).map(([name, entry]) => {
        const r = report(`${kind}/${name}`, entry.source);
        let value = downgradeComponent(kind, entry.value, r.lost);
        r.flush();
        if (kind === 'schemas' && isSelfReference(name, value)) {
          diagnostics.warn('schema-self-reference', `schema ${name} is only a reference to itself; it describes no value and is typed as unknown`, entry.source);
          value = withoutSelfReference(value);
        }
        return [name, { ...entry, value }];
      }),
    );
  }
  return withoutMutualTls({ ...fragment, operations, components }, diagnostics);
}

/**
 * `mutualTLS` security schemes (3.1 only) have no 3.0 form, and a fetch-based client cannot present a client
 * certificate: the scheme is dropped, and so is each security requirement naming it.
 */
function withoutMutualTls(fragment: PageFragment, diagnostics: Diagnostics): PageFragment {
  const schemes = fragment.components.securitySchemes ?? {};
  const mtls = Object.keys(schemes).filter((name) => schemes[name]!.value.type === 'mutualTLS');
  if (mtls.length === 0) return fragment;
  for (const name of mtls) {
    diagnostics.warn('security-scheme-unsupported', `security scheme ${name} is mutual TLS, which the client cannot use; dropped with the requirements naming it`, schemes[name]!.source);
  }
  const securitySchemes = Object.fromEntries(Object.entries(schemes).filter(([name]) => !mtls.includes(name)));
  const operations = fragment.operations.map((op) => {
    const security = op.operation.security;
    if (!Array.isArray(security)) return op;
    const kept = security.filter((r) => !isObject(r) || !mtls.some((name) => Object.hasOwn(r, name)));
    return kept.length === security.length ? op : { ...op, operation: { ...op.operation, security: kept } };
  });
  return { ...fragment, operations, components: { ...fragment.components, securitySchemes } };
}
