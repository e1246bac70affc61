import { type PageLine, unescapeMarkdown } from './markdown.ts';

/** One `# **methodName**` section of the page, split into its parts. */
export interface MethodSection {
  name: string;
  /** Page line of the `# **name**` heading. */
  line: number;
  /** The `> ReturnType name(args)` line, when present. */
  signature?: { returnType?: string; args: string[]; line: number };
  /** The paragraph(s) between the signature and the first `###` heading. */
  description?: string;
  /** `### Parameters`, `### Return type` ... keyed by lower-case title. */
  parts: Map<string, SectionPart>;
}

export interface SectionPart {
  title: string;
  line: number;
  /** The part's lines, without its heading. */
  lines: PageLine[];
}

const METHOD_HEADING = /^#\s+\*\*\s*([A-Za-z_$][\w$]*)\s*\*\*\s*$/;
const PLAIN_HEADING = /^#\s+([A-Za-z_$][\w$]*)\s*$/;

/**
 * Splits the page into method sections. A level-1 heading starts a section when it is bold
 * (`# **getOrders**`) or, plain, when it names a method of the table.
 */
export function readMethodSections(lines: readonly PageLine[], methodNames: ReadonlySet<string>): MethodSection[] {
  const starts: { index: number; name: string }[] = [];
  const levelOne: number[] = [];
  lines.forEach((line, index) => {
    if (line.inFence || !/^#\s/.test(line.text)) return;
    levelOne.push(index);
    const bold = METHOD_HEADING.exec(line.text)?.[1];
    const plain = PLAIN_HEADING.exec(line.text)?.[1];
    const name = bold ?? (plain && methodNames.has(plain) ? plain : undefined);
    if (name) starts.push({ index, name });
  });
  return starts.map(({ index, name }) => {
    const end = levelOne.find((i) => i > index) ?? lines.length;
    return readSection(name, lines.slice(index, end));
  });
}

function readSection(name: string, lines: readonly PageLine[]): MethodSection {
  const section: MethodSection = { name, line: lines[0]!.line, parts: new Map() };
  const firstPart = lines.findIndex((l, i) => i > 0 && !l.inFence && /^#{2,6}\s/.test(l.text));
  const intro = lines.slice(1, firstPart < 0 ? lines.length : firstPart);
  const paragraphs: string[][] = [[]];
  for (const line of intro) {
    if (line.inFence) continue;
    const quote = /^>\s?(.*)$/.exec(line.text);
    if (quote && !section.signature && paragraphs.flat().length === 0) {
      section.signature = readSignature(quote[1]!, line.line);
      continue;
    }
    if (isBackToTop(line.text)) continue;
    if (line.text.trim() === '') paragraphs.push([]);
    else paragraphs[paragraphs.length - 1]!.push(line.text.trim());
  }
  const description = paragraphs
    .filter((p) => p.length > 0)
    .map((p) => unescapeMarkdown(p.join('\n')))
    .join('\n\n');
  if (description) section.description = description;
  if (firstPart >= 0) readParts(section, lines.slice(firstPart));
  return section;
}

function readParts(section: MethodSection, lines: readonly PageLine[]): void {
  let current: SectionPart | undefined;
  for (const line of lines) {
    const heading = line.inFence ? null : /^#{2,6}\s+(.*?)\s*#*\s*$/.exec(line.text);
    if (heading) {
      current = { title: heading[1]!, line: line.line, lines: [] };
      const key = heading[1]!.toLowerCase();
      if (!section.parts.has(key)) section.parts.set(key, current);
    } else if (current && !isBackToTop(line.text)) current.lines.push(line);
  }
}

/** `GetOrdersResponse getOrders(ticker, eventTicker)` or `deleteQuote()`. */
function readSignature(text: string, line: number): MethodSection['signature'] {
  const match = /^\s*(?:(.+?)\s+)?([A-Za-z_$][\w$]*)\s*\((.*)\)\s*;?\s*$/.exec(unescapeMarkdown(text));
  if (!match) return { args: [], line };
  const args = match[3]!
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  return { ...(match[1] ? { returnType: match[1] } : {}), args, line };
}

function isBackToTop(text: string): boolean {
  return /^\s*\[\\?\[Back to top\\?\]\]/i.test(text);
}

/** The non-blank, non-fence lines of a part. */
export function contentLines(part: SectionPart | undefined): PageLine[] {
  return part ? part.lines.filter((l) => !l.inFence && l.text.trim() !== '') : [];
}
