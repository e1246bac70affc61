import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

/**
 * Compiles the package's TypeScript sources to `dist/` (ES modules + declarations) in memory, with the
 * repository's pinned TypeScript. The sources live at a virtual path inside the repository so that
 * `openapi-fetch` and `@types/node` resolve from its node_modules; nothing is written to disk here.
 */

const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
const VIRTUAL_ROOT = join(REPO_ROOT, '.build', 'package');

export const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  types: ['node'],
  strict: true,
  noUncheckedIndexedAccess: true,
  declaration: true,
  sourceMap: false,
  skipLibCheck: true,
  noCheck: true,
  rootDir: join(VIRTUAL_ROOT, 'src'),
  outDir: join(VIRTUAL_ROOT, 'dist'),
  newLine: ts.NewLineKind.LineFeed,
};

export interface BuildResult {
  files: Map<string, string>;
  errors: string[];
}

/** `sources`: package-relative path → text (must include `package.json` for `#imports`). */
export function buildPackage(sources: ReadonlyMap<string, string>): BuildResult {
  const virtual = new Map([...sources].map(([path, text]) => [join(VIRTUAL_ROOT, path), text]));
  const host = ts.createCompilerHost(COMPILER_OPTIONS, true);
  const realFileExists = host.fileExists.bind(host);
  const realReadFile = host.readFile.bind(host);
  host.fileExists = (file) => virtual.has(file) || realFileExists(file);
  host.readFile = (file) => virtual.get(file) ?? realReadFile(file);
  const realGetSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language, onError) => {
    const text = virtual.get(file);
    return text !== undefined ? ts.createSourceFile(file, text, language, true) : realGetSourceFile(file, language, onError);
  };
  host.directoryExists = (dir) => [...virtual.keys()].some((f) => f.startsWith(dir + '/')) || ts.sys.directoryExists(dir);
  const output = new Map<string, string>();
  host.writeFile = (file, text) => output.set(relative(VIRTUAL_ROOT, file).split('\\').join('/'), text);
  const roots = [...virtual.keys()].filter((f) => f.endsWith('.ts') && f.startsWith(join(VIRTUAL_ROOT, 'src')));
  const program = ts.createProgram({ rootNames: roots.sort(), options: COMPILER_OPTIONS, host });
  const diagnostics = [...program.getSyntacticDiagnostics(), ...program.getOptionsDiagnostics(), ...program.emit().diagnostics];
  const errors = diagnostics.map((d) => {
    const where = d.file ? `${relative(VIRTUAL_ROOT, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}: ` : '';
    return `${where}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
  return { files: output, errors };
}
