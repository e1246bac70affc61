import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The names the real-time entry of an API exports besides its channel map (`runtime/ws/index.ts` and
 * `runtime/ws/<api>.ts`, read from their syntax): a generated type must not take one, since the entry re-exports
 * both modules (`export *` of the same name from two modules is an error).
 */
export async function wsEntryExports(runtimeDir: string, api: string): Promise<Set<string>> {
  const { ts } = await import('ts-morph');
  const names = new Set<string>();
  for (const module of ['index.ts', `${api}.ts`]) {
    const path = join(runtimeDir, 'ws', module);
    if (!existsSync(path)) continue;
    const file = ts.createSourceFile(module, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest);
    for (const statement of file.statements) {
      if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
        for (const element of statement.exportClause.elements) names.add(element.name.text);
      }
      const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
      const named = (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) && statement.name;
      if (exported && named) names.add(named.text);
    }
  }
  return names;
}
