import type { SourceFile, ts as TS } from 'ts-morph';
import { typeStem } from './identifiers.ts';
import { docOf, parameterPartOf, propertyName, rootAliases, schemaKey, schemaOfType } from './type-nodes.ts';

type Morph = typeof import('ts-morph');

/**
 * Named types in openapi-typescript's output. It writes each schema inside `components.schemas` and, with
 * `rootTypes`, a root alias `export type Market = components['schemas']['Market']`. An alias of an indexed access
 * is not a name the compiler keeps: hovers, error messages and a consumer's declaration files spell out the whole
 * object literal. One syntax-tree transform (ts-morph) fixes that:
 *
 * - each root alias becomes the schema's own declaration, with a copy of the schema's JSDoc: `export interface
 *   Market {…}` for an object type, `export type Status = 'open' | 'closed'` for anything else;
 * - `components.schemas.Market` becomes a reference to it, so `components`, `paths` and `operations` keep working;
 * - every `components['schemas']['Market']` in the file becomes `Market`;
 * - each operation's query and header parameter objects become interfaces too (`GetMarketsQuery`), which the
 *   operations' parameter types extend.
 *
 * Only schemas openapi-typescript gave a root alias are moved (it already settled names and clashes), under the
 * name it chose.
 */
export interface NamedTypes {
  text: string;
  /** Every name the module exports (`paths`, `operations`, `components`, `Market`, `GetMarketsQuery`, …). */
  exportedNames: Set<string>;
  /** Component schema key → the name of its declaration (`Market` → `Market`). */
  schemaNames: Map<string, string>;
  /** operationId → the names of its query and header parameter interfaces. */
  parameterNames: Map<string, { query?: string; header?: string }>;
}

interface Moved {
  name: string;
  type: TS.TypeNode;
  doc?: string;
}

export async function nameComponentSchemas(text: string): Promise<NamedTypes> {
  const morph: Morph = await import('ts-morph');
  const { ts } = morph;
  const project = new morph.Project({ useInMemoryFileSystem: true });
  const file = project.createSourceFile('types.ts', text);
  const aliases = rootAliases(ts, file.compilerNode);
  const taken = new Set([...file.compilerNode.statements].flatMap((s) => (ts.isTypeAliasDeclaration(s) || ts.isInterfaceDeclaration(s) ? [s.name.text] : [])));
  const moved = new Map<string, Moved>();
  const parameters: Moved[] = [];
  const parameterNames = new Map<string, { query?: string; header?: string }>();

  file.transform((traversal) => {
    const node = traversal.currentNode;
    const { factory } = traversal;
    if (ts.isTypeAliasDeclaration(node) && moved.has(node.name.text) && aliases.get(schemaKey(ts, node.type) ?? '') === node.name.text) {
      return declaration(ts, factory, moved.get(node.name.text)!);
    }
    const member = schemaOfType(ts, node);
    const schema = member && aliases.get(propertyName(ts, member.name) ?? '');
    const part = parameterPartOf(ts, node);
    const visited = traversal.visitChildren();
    if (member !== undefined && schema !== undefined && ts.isTypeNode(visited)) {
      // A schema that is only a reference to another (`X: {$ref: Y}`) is an alias of that schema's name.
      const target = ts.isIndexedAccessTypeNode(visited) ? aliases.get(schemaKey(ts, visited) ?? '') : undefined;
      const type = target !== undefined ? factory.createTypeReferenceNode(target) : visited;
      moved.set(schema, { name: schema, type, ...docOf(ts, file.compilerNode, member) });
      return factory.createTypeReferenceNode(schema);
    }
    if (part !== undefined && ts.isTypeNode(visited)) {
      const stem = typeStem(part.operationId);
      const name = freeName(taken, stem, part.part);
      if (name !== undefined) {
        parameters.push({ name, type: visited, doc: `* ${part.part === 'query' ? 'Query' : 'Header'} parameters of the \`${stem}\` operation. ` });
        parameterNames.set(part.operationId, { ...parameterNames.get(part.operationId), [part.part]: name });
        return factory.createTypeReferenceNode(name);
      }
    }
    if (ts.isIndexedAccessTypeNode(visited)) {
      const target = aliases.get(schemaKey(ts, visited) ?? '');
      if (target !== undefined) return factory.createTypeReferenceNode(target);
    }
    if (ts.isSourceFile(visited) && parameters.length > 0) {
      return factory.updateSourceFile(visited, [...visited.statements, ...parameters.map((p) => declaration(ts, factory, p))]);
    }
    return visited;
  });
  const schemaNames = new Map([...aliases].filter(([, name]) => moved.has(name)));
  return { text: file.getFullText(), exportedNames: exportedNames(file), schemaNames, parameterNames };
}

/** `GetMarketsQuery` (or `GetMarketsQueryParameters` when a schema has that name); undefined when both are taken. */
function freeName(taken: Set<string>, stem: string, part: 'query' | 'header'): string | undefined {
  const suffix = part === 'query' ? 'Query' : 'Headers';
  const name = [`${stem}${suffix}`, `${stem}${suffix}Parameters`].find((candidate) => !taken.has(candidate));
  if (name !== undefined) taken.add(name);
  return name;
}

function declaration(ts: Morph['ts'], factory: TS.NodeFactory, moved: Moved): TS.Statement {
  const modifiers = [factory.createModifier(ts.SyntaxKind.ExportKeyword)];
  const node = ts.isTypeLiteralNode(moved.type)
    ? factory.createInterfaceDeclaration(modifiers, moved.name, undefined, undefined, moved.type.members)
    : factory.createTypeAliasDeclaration(modifiers, moved.name, undefined, moved.type);
  if (moved.doc !== undefined) ts.addSyntheticLeadingComment(node, ts.SyntaxKind.MultiLineCommentTrivia, moved.doc, true);
  return node;
}

function exportedNames(file: SourceFile): Set<string> {
  const names = new Set<string>();
  for (const statement of [...file.getInterfaces(), ...file.getTypeAliases()]) if (statement.isExported()) names.add(statement.getName());
  return names;
}
