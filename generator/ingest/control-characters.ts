/**
 * C0 control characters other than tab, line feed and carriage return, and DEL: a NUL or an ESC in a scraped
 * page is damage, never content, and must not reach the generated sources (git would take them for binary).
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function hasControlCharacters(text: string): boolean {
  CONTROL.lastIndex = 0;
  return CONTROL.test(text);
}

/** `text` with each control character replaced by U+FFFD, how many there were, and the 1-based line of the first. */
export function replaceControlCharacters(text: string): { text: string; count: number; firstLine?: number } {
  CONTROL.lastIndex = 0;
  const first = CONTROL.exec(text);
  if (!first) return { text, count: 0 };
  let count = 0;
  const replaced = text.replace(CONTROL, () => {
    count++;
    return '\uFFFD';
  });
  const firstLine = text.slice(0, first.index).split('\n').length;
  return { text: replaced, count, firstLine };
}
