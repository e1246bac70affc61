/** Markdown helpers for the SDK reference pages: numbered lines, fences, escapes and table rows. */

/** One line of the page with its 1-based page line number. */
export interface PageLine {
  text: string;
  line: number;
  /** Inside a fenced code block (the fence lines themselves included). */
  inFence: boolean;
}

/** Splits a page into numbered lines, marking those inside ``` / ~~~ fences. */
export function pageLines(text: string): PageLine[] {
  const out: PageLine[] = [];
  let fence: string | undefined;
  text.split('\n').forEach((raw, index) => {
    const lineText = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(lineText)?.[1];
    if (fence === undefined && marker) {
      fence = marker;
      out.push({ text: lineText, line: index + 1, inFence: true });
      return;
    }
    if (fence !== undefined) {
      out.push({ text: lineText, line: index + 1, inFence: true });
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && lineText.trim() === marker)
        fence = undefined;
      return;
    }
    out.push({ text: lineText, line: index + 1, inFence: false });
  });
  return out;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Removes markdown backslash escapes (`order\_groups` → `order_groups`) and decodes HTML entities (`&#39;` → `'`). */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1').replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Removes `**bold**` markers. */
export function stripBold(text: string): string {
  return text.replace(/\*\*/g, '');
}

/** Plain text of a cell: unescaped, without bold markers, trimmed. */
export function plainText(text: string): string {
  return stripBold(unescapeMarkdown(text)).trim();
}

/** A table line: starts with `|`, or (for tables written without outer pipes) holds an unescaped `|`. */
export function isTableLine(line: PageLine | undefined, outerPipes = true): boolean {
  if (line === undefined || line.inFence) return false;
  return outerPipes ? line.text.trimStart().startsWith('|') : /(?<!\\)\|/.test(line.text) && line.text.trim() !== '';
}

/** A delimiter row such as `| --- | :---: |`. */
export function isDelimiterRow(text: string): boolean {
  return /^\s*\|?(\s*:?-{2,}:?\s*\|)+\s*(:?-+:?\s*)?$/.test(text);
}

/** Cells of a table row, raw (escapes kept); `\|` does not split. */
export function tableCells(text: string): string[] {
  let body = text.trim();
  if (body.startsWith('|')) body = body.slice(1);
  if (body.endsWith('|') && !body.endsWith('\\|')) body = body.slice(0, -1);
  return body.split(/(?<!\\)\|/).map((cell) => cell.trim());
}

/** A table starting at `start` (its header line): header cells and data rows with their lines. */
export interface Table {
  header: string[];
  headerLine: number;
  rows: { cells: string[]; line: number }[];
  /** Index just past the table's last line. */
  end: number;
}

export function readTable(lines: readonly PageLine[], start: number): Table | undefined {
  const headerLine = lines[start];
  if (!headerLine || !isTableLine(headerLine, false)) return undefined;
  const outer = headerLine.text.trimStart().startsWith('|');
  const table: Table = {
    header: tableCells(headerLine.text).map(plainText),
    headerLine: headerLine.line,
    rows: [],
    end: start + 1,
  };
  let index = start + 1;
  for (; index < lines.length && isTableLine(lines[index], outer); index++) {
    const row = lines[index]!;
    if (!isDelimiterRow(row.text)) table.rows.push({ cells: tableCells(row.text), line: row.line });
  }
  table.end = index;
  return table;
}

/** Finds the first table in `lines` whose header line matches `header`. */
export function findTable(lines: readonly PageLine[], header: RegExp): Table | undefined {
  const start = lines.findIndex((line) => !line.inFence && header.test(line.text));
  return start < 0 ? undefined : readTable(lines, start);
}
