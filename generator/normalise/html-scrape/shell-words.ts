/**
 * Splits a shell command that may span several lines (`\` continuations, quoted strings with newlines)
 * into words, the way a POSIX shell would, remembering the page line each word starts on.
 */

export interface Word {
  text: string;
  /** 1-based page line where the word starts. */
  line: number;
}

export type ShellWords =
  | { ok: true; words: Word[]; /** Index (0-based) of the command's last line. */ end: number }
  | { ok: false; /** 1-based line where the unterminated quote opens. */ line: number };

/** Reads the command starting at line index `start` until a line ends outside quotes without a `\`. */
export function shellWords(lines: readonly string[], start: number): ShellWords {
  const words: Word[] = [];
  let current = '';
  let inWord = false;
  let currentLine = 0;
  let quote: string | undefined;
  let quoteLine = 0;
  const flush = (): void => {
    if (inWord) words.push({ text: current, line: currentLine });
    current = '';
    inWord = false;
  };
  for (let i = start; i < lines.length; i++) {
    const text = lines[i]!;
    let continued = false;
    for (let j = 0; j < text.length; j++) {
      const ch = text[j]!;
      if (quote === "'") {
        if (ch === "'") quote = undefined;
        else current += ch;
        continue;
      }
      if (quote === '"') {
        if (ch === '"') quote = undefined;
        else if (ch === '\\' && j + 1 < text.length && '"\\$`'.includes(text[j + 1]!)) current += text[++j]!;
        else current += ch;
        continue;
      }
      if (/\s/.test(ch)) {
        flush();
        continue;
      }
      if (ch === '\\' && j === text.length - 1) {
        continued = true;
        break;
      }
      if (!inWord) {
        inWord = true;
        currentLine = i + 1;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        quoteLine = i + 1;
      } else if (ch === '\\') current += text[++j]!;
      else current += ch;
    }
    if (quote !== undefined) current += '\n';
    else if (!continued) {
      flush();
      return { ok: true, words, end: i };
    }
  }
  if (quote !== undefined) return { ok: false, line: quoteLine };
  flush();
  return { ok: true, words, end: lines.length - 1 };
}
