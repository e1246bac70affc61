import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type ts from 'typescript';

/**
 * Type-checks the package's sources as its own `tsconfig.json` would (strict, `noUncheckedIndexedAccess`,
 * `lib` DOM, Node types), in memory: the files are never written. The package is placed, virtually, inside
 * the toolchain's folder so that `openapi-fetch` and `@types/node` resolve from its `node_modules`.
 * Library declaration files are parsed once per process and reused (they never change under a run).
 */

const TOOLCHAIN_ROOT = resolve(import.meta.dirname, '..', '..');
/** Where the package appears to be; nothing is written there. */
export const VIRTUAL_ROOT = join(TOOLCHAIN_ROOT, '.typecheck', 'package');
const RUNTIME_ROOT = join(VIRTUAL_ROOT, 'src', 'runtime') + '/';

export interface TypeProblem {
  /** Package-relative path, e.g. `src/trade/client.ts`. */
  path: string;
  /** Line in the sources as checked (before formatting: the declaration names locate it in the output). */
  line: number;
  message: string;
  /** Names of the declarations around the problem, outermost first (`KalshiClient`, `getOrder`). */
  enclosing: string[];
  /** Text of the top-level statement holding the problem, to find the operation it belongs to. */
  statement: string;
}

const libraryFiles = new Map<string, ts.SourceFile>();
/**
 * The runtime's files as parsed, by path, text and options: the hand-written runtime is the same in every package.
 * (A SourceFile is reused across programs as TypeScript's language service does, keyed by what shapes its binding.)
 */
const runtimeFiles = new Map<string, ts.SourceFile>();

/**
 * Every type error in the package's generated sources, or an empty list. `files`: package-relative path →
 * text. The hand-written runtime (`src/runtime/`) is part of the program but not re-checked on every run:
 * it is the same in every package and is type-checked under the package's settings by the tests (the channel
 * maps generated into it are checked, see `checkedRuntimeFile`).
 */
export async function typecheckPackage(files: ReadonlyMap<string, string>): Promise<TypeProblem[]> {
  // require(), not import(): importing TypeScript's 9 MB CommonJS file as a module makes Node scan it for its
  // export names first, most of a second on every worker start.
  const typescript = createRequire(import.meta.url)('typescript') as typeof ts;
  const virtual = new Map([...files].map(([path, text]) => [join(VIRTUAL_ROOT, path), text]));
  const options = compilerOptions(typescript, files.get('tsconfig.json'));
  const host = virtualHost(typescript, options, virtual);
  const roots = [...files.keys()].filter((p) => p.startsWith('src/') && p.endsWith('.ts')).map((p) => join(VIRTUAL_ROOT, p));
  const program = typescript.createProgram({ rootNames: roots, options, host });
  const generated = roots.filter((root) => !root.startsWith(RUNTIME_ROOT) || checkedRuntimeFile(root, virtual.get(root) ?? ''));
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...generated.flatMap((root) => {
      const file = program.getSourceFile(root);
      return file ? [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)] : [];
    }),
  ];
  return diagnostics.map((d) => describe(typescript, d));
}

/**
 * Runtime files checked on every run all the same: the channel maps generated into it (`ws/<api>-channels.ts`) and
 * the entries that import them, which check at compile time that the books can read the maps' messages.
 */
function checkedRuntimeFile(path: string, text: string): boolean {
  return path.endsWith('-channels.ts') || /from '\.\/[\w-]+-channels\.js'/.test(text);
}

function compilerOptions(typescript: typeof ts, tsconfig: string | undefined): ts.CompilerOptions {
  const json = tsconfig ? (JSON.parse(tsconfig) as { compilerOptions?: object }) : {};
  const { options } = typescript.convertCompilerOptionsFromJson(json.compilerOptions ?? {}, VIRTUAL_ROOT);
  return { ...options, noEmit: true, rootDir: join(VIRTUAL_ROOT, 'src') };
}

function virtualHost(typescript: typeof ts, options: ts.CompilerOptions, virtual: ReadonlyMap<string, string>): ts.CompilerHost {
  const host = typescript.createCompilerHost(options, true);
  const folders = new Set([...virtual.keys()].flatMap((path) => ancestors(path)));
  const optionsKey = JSON.stringify(options);
  return {
    ...host,
    fileExists: (path) => virtual.has(path) || (!isVirtual(path) && host.fileExists(path)),
    readFile: (path) => virtual.get(path) ?? (isVirtual(path) ? undefined : host.readFile(path)),
    directoryExists: (path) => folders.has(path) || (!isVirtual(path) && (host.directoryExists?.(path) ?? false)),
    getDirectories: (path) => (isVirtual(path) ? [] : (host.getDirectories?.(path) ?? [])),
    realpath: (path) => (isVirtual(path) ? path : (host.realpath?.(path) ?? path)),
    getSourceFile(path, languageVersion, onError) {
      const text = virtual.get(path);
      if (text !== undefined) {
        if (!path.startsWith(RUNTIME_ROOT)) return typescript.createSourceFile(path, text, languageVersion, true);
        const key = `${path}\0${JSON.stringify(languageVersion)}\0${optionsKey}\0${text}`;
        let file = runtimeFiles.get(key);
        if (!file) {
          if (runtimeFiles.size >= 500) runtimeFiles.clear();
          file = typescript.createSourceFile(path, text, languageVersion, true);
          runtimeFiles.set(key, file);
        }
        return file;
      }
      if (isVirtual(path)) return undefined;
      const key = `${path}\0${JSON.stringify(languageVersion)}`;
      let file = libraryFiles.get(key);
      if (!file) {
        file = host.getSourceFile(path, languageVersion, onError);
        if (file) libraryFiles.set(key, file);
      }
      return file;
    },
    writeFile: () => undefined,
  };
}

function isVirtual(path: string): boolean {
  return path === VIRTUAL_ROOT || path.startsWith(VIRTUAL_ROOT + '/');
}

function ancestors(path: string): string[] {
  const out: string[] = [];
  for (let dir = dirname(path); dir.startsWith(VIRTUAL_ROOT); dir = dirname(dir)) out.push(dir);
  return out;
}

function describe(typescript: typeof ts, d: ts.Diagnostic): TypeProblem {
  const message = typescript.flattenDiagnosticMessageText(d.messageText, '\n');
  if (!d.file || d.start === undefined) return { path: 'tsconfig.json', line: 1, message, enclosing: [], statement: '' };
  const path = d.file.fileName.startsWith(VIRTUAL_ROOT + '/') ? d.file.fileName.slice(VIRTUAL_ROOT.length + 1) : d.file.fileName;
  const line = d.file.getLineAndCharacterOfPosition(d.start).line + 1;
  const { enclosing, statement } = context(typescript, d.file, d.start);
  return { path, line, message, enclosing, statement };
}

/** The named declarations around `position`, and the top-level statement holding it. */
function context(typescript: typeof ts, file: ts.SourceFile, position: number): { enclosing: string[]; statement: string } {
  const enclosing: string[] = [];
  let statement = '';
  let node: ts.Node = file;
  for (;;) {
    const child: ts.Node | undefined = node.forEachChild((c) => (c.getStart(file) <= position && position < c.getEnd() ? c : undefined));
    if (!child) break;
    if (node === file) statement = child.getText(file);
    const name = (child as { name?: ts.Node }).name;
    if (name && (typescript.isIdentifier(name) || typescript.isStringLiteral(name) || typescript.isPrivateIdentifier(name))) {
      enclosing.push(name.text);
    }
    node = child;
  }
  return { enclosing, statement };
}
