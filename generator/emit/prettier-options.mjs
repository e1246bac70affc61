// The formatting of the generated package and of the hand-written runtime copied into it: prettier (pinned in
// package-lock.json) with these options. Plain JavaScript, shared by the generator and the formatting test.
export const PRETTIER_OPTIONS = { printWidth: 120, singleQuote: true, trailingComma: 'all', endOfLine: 'lf' };

export const FORMATTED = /\.(ts|md|json)$/;

/**
 * Options for one file. TypeScript goes through prettier's Babel TypeScript parser: same output on this code,
 * about twice as fast as its `typescript` parser, which would load a second TypeScript compiler.
 */
export function prettierOptionsFor(path) {
  return path.endsWith('.ts') ? { ...PRETTIER_OPTIONS, parser: 'babel-ts' } : { ...PRETTIER_OPTIONS, filepath: path };
}
