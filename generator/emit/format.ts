import * as prettier from 'prettier';

/** The generated package's formatting: prettier (pinned in package-lock.json) with a fixed configuration. */
export const PRETTIER_OPTIONS: prettier.Options = {
  printWidth: 120,
  singleQuote: true,
  trailingComma: 'all',
  endOfLine: 'lf',
};

export async function formatFile(path: string, text: string): Promise<string> {
  if (!/\.(ts|md|json)$/.test(path)) return text;
  return prettier.format(text, { ...PRETTIER_OPTIONS, filepath: path });
}
