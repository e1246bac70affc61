// The formatting of the generated package and of the hand-written runtime copied into it: prettier (pinned in
// package-lock.json) with these options. Plain JavaScript, shared by the generator and the formatting test.
export const PRETTIER_OPTIONS = { printWidth: 120, singleQuote: true, trailingComma: 'all', endOfLine: 'lf' };

export const FORMATTED = /\.(ts|md|json)$/;
