import ts from 'typescript';

/**
 * Compiles the package's TypeScript sources to `dist/` (ES modules + declarations) file by file, with the
 * repository's pinned TypeScript: `transpileModule` for the JavaScript and `transpileDeclaration` for the
 * `.d.ts`. Neither needs a type checker, which keeps the build fast; the sources are written so that is
 * possible (`isolatedDeclarations`), and the tests type-check them with the package's own tsconfig.
 */

const JS_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  newLine: ts.NewLineKind.LineFeed,
  removeComments: false,
};

const DECLARATION_OPTIONS: ts.CompilerOptions = {
  ...JS_OPTIONS,
  declaration: true,
  isolatedDeclarations: true,
  strict: true,
};

export interface BuildResult {
  files: Map<string, string>;
  errors: string[];
}

/**
 * `sources`: package-relative path → text; every `src/**\/*.ts` becomes `dist/**\/*.js` and `.d.ts`.
 * `typeOnly` names modules that declare only types (openapi-typescript's output): their declaration file is
 * their source and their JavaScript is an empty module, so they are not run through the compiler at all.
 */
export function buildPackage(sources: ReadonlyMap<string, string>, typeOnly: ReadonlySet<string> = new Set()): BuildResult {
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
    const js = ts.transpileModule(text, { compilerOptions: JS_OPTIONS, fileName: path, reportDiagnostics: true });
    const dts = ts.transpileDeclaration(text, { compilerOptions: DECLARATION_OPTIONS, fileName: path, reportDiagnostics: true });
    for (const d of [...(js.diagnostics ?? []), ...(dts.diagnostics ?? [])]) errors.push(describe(path, d));
    files.set(`${out}.js`, js.outputText);
    files.set(`${out}.d.ts`, dts.outputText);
  }
  return { files, errors };
}

function describe(path: string, d: ts.Diagnostic): string {
  const line = d.file && d.start !== undefined ? `:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}` : '';
  return `${path}${line}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
}
