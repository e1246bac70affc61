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
    const built = compiled(typescript, options, path, text);
    errors.push(...built.errors);
    files.set(`${out}.js`, built.js);
    files.set(`${out}.d.ts`, built.dts);
  }
  return { files, errors };
}

interface Compiled {
  js: string;
  dts: string;
  errors: string[];
}

/**
 * What the runtime's files compile to, by path and text: the hand-written runtime is the same in every package, so
 * a process that generates several (the drift check, the tests) compiles it once. Generated files are compiled each
 * time (their text differs from run to run; caching them would only grow the map).
 */
const runtimeBuilds = new Map<string, Compiled>();

function compiled(typescript: typeof ts, options: ReturnType<typeof compilerOptions>, path: string, text: string): Compiled {
  const key = path.startsWith('src/runtime/') ? `${path}\0${text}` : undefined;
  const cached = key === undefined ? undefined : runtimeBuilds.get(key);
  if (cached) return cached;
  const js = typescript.transpileModule(text, { compilerOptions: options.js, fileName: path, reportDiagnostics: true });
  const dts = typescript.transpileDeclaration(text, { compilerOptions: options.declarations, fileName: path, reportDiagnostics: true });
  const errors = [...(js.diagnostics ?? []), ...(dts.diagnostics ?? [])].map((d) => describe(typescript, path, d));
  const result = { js: js.outputText, dts: dts.outputText, errors };
  if (key !== undefined) {
    if (runtimeBuilds.size >= 500) runtimeBuilds.clear();
    runtimeBuilds.set(key, result);
  }
  return result;
}

function describe(typescript: typeof ts, path: string, d: ts.Diagnostic): string {
  const line = d.file && d.start !== undefined ? `:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}` : '';
  return `${path}${line}: ${typescript.flattenDiagnosticMessageText(d.messageText, '\n')}`;
}
