import type ts from 'typescript';

/**
 * Compiles the package's TypeScript sources to `dist/` (ES modules + declarations) file by file, with the
 * repository's pinned TypeScript: `transpileModule` for the JavaScript and `transpileDeclaration` for the
 * `.d.ts`. Neither needs a type checker, which keeps the build fast; the sources are written so that is
 * possible (`isolatedDeclarations`), and the tests type-check them with the package's own tsconfig.
 */

function compilerOptions(typescript: typeof ts): { js: ts.CompilerOptions; declarations: ts.CompilerOptions } {
  const js: ts.CompilerOptions = {
    target: typescript.ScriptTarget.ES2022,
    module: typescript.ModuleKind.ESNext,
    newLine: typescript.NewLineKind.LineFeed,
    removeComments: false,
  };
  return { js, declarations: { ...js, declaration: true, isolatedDeclarations: true, strict: true } };
}

export interface BuildResult {
  files: Map<string, string>;
  errors: string[];
}

/**
 * `sources`: package-relative path → text; every `src/**\/*.ts` becomes `dist/**\/*.js` and `.d.ts`.
 * `typeOnly` names modules that declare only types (openapi-typescript's output): their declaration file is
 * their source and their JavaScript is an empty module, so they are not run through the compiler at all.
 */
export async function buildPackage(sources: ReadonlyMap<string, string>, typeOnly: ReadonlySet<string> = new Set()): Promise<BuildResult> {
  const { default: typescript } = await import('typescript');
  const options = compilerOptions(typescript);
  const files = new Map<string, string>();
  const errors: string[] = [];
  for (const [path, text] of sources) {
    if (!path.startsWith('src/') || !path.endsWith('.ts')) continue;
    const out = `dist/${path.slice('src/'.length, -'.ts'.length)}`;
    if (typeOnly.has(path)) {
      files.set(`${out}.js`, 'export {};\n');
      files.set(`${out}.d.ts`, text);
      continue;
    }
    const js = typescript.transpileModule(text, { compilerOptions: options.js, fileName: path, reportDiagnostics: true });
    const dts = typescript.transpileDeclaration(text, { compilerOptions: options.declarations, fileName: path, reportDiagnostics: true });
    for (const d of [...(js.diagnostics ?? []), ...(dts.diagnostics ?? [])]) errors.push(describe(typescript, path, d));
    files.set(`${out}.js`, js.outputText);
    files.set(`${out}.d.ts`, dts.outputText);
  }
  return { files, errors };
}

function describe(typescript: typeof ts, path: string, d: ts.Diagnostic): string {
  const line = d.file && d.start !== undefined ? `:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}` : '';
  return `${path}${line}: ${typescript.flattenDiagnosticMessageText(d.messageText, '\n')}`;
}
