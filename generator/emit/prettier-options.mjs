// The generated package's formatting: prettier (pinned in package-lock.json) with a fixed configuration.
// Plain JavaScript so the formatting worker thread can load it without a TypeScript loader.
export const PRETTIER_OPTIONS = { printWidth: 120, singleQuote: true, trailingComma: 'all', endOfLine: 'lf' };

export const FORMATTED = /\.(ts|md|json)$/;
