import type { ts as TS } from 'ts-morph';

type Ts = (typeof import('ts-morph'))['ts'];

/**
 * Where things are in openapi-typescript's output, read from its syntax tree (ts-morph's TypeScript): root
 * aliases, `components['schemas'][K]` references, the schemas' own members, and operations' parameter objects.
 * Checks run on original nodes, which still have their parents.
 */

/** `export type Market = components['schemas']['Market']` → schema key `Market` → exported name `Market`. */
export function rootAliases(ts: Ts, file: TS.SourceFile): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const statement of file.statements) {
    if (!ts.isTypeAliasDeclaration(statement) || !statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    const key = schemaKey(ts, statement.type);
    if (key !== undefined && !aliases.has(key)) aliases.set(key, statement.name.text);
  }
  return aliases;
}

/** The key `K` of `components['schemas']['K']`, or undefined for any other type. */
export function schemaKey(ts: Ts, type: TS.TypeNode): string | undefined {
  if (!ts.isIndexedAccessTypeNode(type) || !ts.isIndexedAccessTypeNode(type.objectType)) return undefined;
  const root = type.objectType.objectType;
  if (!ts.isTypeReferenceNode(root) || !ts.isIdentifier(root.typeName) || root.typeName.text !== 'components') return undefined;
  if (literalText(ts, type.objectType.indexType) !== 'schemas') return undefined;
  return literalText(ts, type.indexType);
}

function literalText(ts: Ts, type: TS.TypeNode): string | undefined {
  return ts.isLiteralTypeNode(type) && ts.isStringLiteral(type.literal) ? type.literal.text : undefined;
}

export function propertyName(ts: Ts, name: TS.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}

/** The property `name` of interface `owner` holding `node` as its type (`components.schemas`, `operations.X`). */
function memberOf(ts: Ts, node: TS.Node, owner: string): TS.PropertySignature | undefined {
  const member = node.parent;
  if (member === undefined || !ts.isPropertySignature(member) || member.type !== node) return undefined;
  const parent = member.parent;
  return parent !== undefined && ts.isInterfaceDeclaration(parent) && parent.name.text === owner ? member : undefined;
}

/** The property holding `node` as its type, inside a type literal that is itself the type of a property. */
function nestedMember(ts: Ts, node: TS.Node): { member: TS.PropertySignature; literal: TS.TypeLiteralNode } | undefined {
  const member = node.parent;
  if (member === undefined || !ts.isPropertySignature(member) || member.type !== node) return undefined;
  const literal = member.parent;
  return literal !== undefined && ts.isTypeLiteralNode(literal) ? { member, literal } : undefined;
}

/** The member of `components.schemas` whose type `node` is, or undefined. */
export function schemaOfType(ts: Ts, node: TS.Node): TS.PropertySignature | undefined {
  const inner = nestedMember(ts, node);
  const schemas = inner && memberOf(ts, inner.literal, 'components');
  return schemas !== undefined && propertyName(ts, schemas.name) === 'schemas' ? inner!.member : undefined;
}

/** `operations[id].parameters.query` (or `.header`) when `node` is that object type: the operationId and the part. */
export function parameterPartOf(ts: Ts, node: TS.Node): { operationId: string; part: 'query' | 'header' } | undefined {
  if (!ts.isTypeLiteralNode(node)) return undefined;
  const part = nestedMember(ts, node);
  const partName = part && propertyName(ts, part.member.name);
  if (partName !== 'query' && partName !== 'header') return undefined;
  const parameters = nestedMember(ts, part!.literal);
  if (parameters === undefined || propertyName(ts, parameters.member.name) !== 'parameters') return undefined;
  const operation = memberOf(ts, parameters.literal, 'operations');
  const operationId = operation && propertyName(ts, operation.name);
  return operationId === undefined ? undefined : { operationId, part: partName };
}

/** The body of the JSDoc comment right before `node` (`*\n * @description …\n `), re-indented for the top level. */
export function docOf(ts: Ts, file: TS.SourceFile, node: TS.Node): { doc?: string } {
  const ranges = ts.getLeadingCommentRanges(file.text, node.pos) ?? [];
  const last = ranges.at(-1);
  if (last === undefined || last.kind !== ts.SyntaxKind.MultiLineCommentTrivia) return {};
  const comment = file.text.slice(last.pos, last.end);
  if (!comment.startsWith('/**')) return {};
  const lines = comment.slice(2, -2).split('\n');
  const body = lines.map((line, i) => (i === 0 ? line : ` ${line.trimStart()}`));
  return { doc: body.join('\n') };
}
