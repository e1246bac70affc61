import { isAnchorLine, isNavigationLine, unescapeMarkdown, type Line } from './lines.ts';

/**
 * The documented sections after the examples (`#### Authorizations`, `#### Path Parameters`,
 * `#### Query Parameters`, `#### Body`, `#### Response`) and the entries each one lists. An entry is a
 * name line followed by a type line, then optional marker lines and description paragraphs:
 *
 *     order\_id · string · [header] · [required] · [default:100] · description · Required range: `1 <= x`
 */

export interface Entry {
  name: string;
  /** The type text with markdown escapes undone: `string`, `enum<string>`, `object[]`, `string<date-time> | null`. */
  type: string;
  /** 1-based page line of the name. */
  line: number;
  /** `header`, `query`, `path` or `cookie`, as the Authorizations section states it. */
  location?: string;
  required: boolean;
  deprecated: boolean;
  default?: string;
  range?: string;
  stringLength?: string;
  arrayLength?: string;
  options: string[];
  example?: string;
  description?: string;
}

export interface Section {
  title: string;
  line: number;
  /** Non-blank lines before the first entry (`application/json`, or a status code and its description). */
  head: Line[];
  entries: Entry[];
}

/** All `##`–`######` sections of the page, keyed by lower-case title (first occurrence wins). */
export function readSections(lines: readonly string[]): Map<string, Section> {
  const sections = new Map<string, Section>();
  let body: Line[] | undefined;
  let title = '';
  let titleLine = 0;
  const close = (): void => {
    if (body && !sections.has(title.toLowerCase()))
      sections.set(title.toLowerCase(), { title, line: titleLine, ...splitEntries(body) });
  };
  lines.forEach((text, i) => {
    const heading = /^#{2,6}\s+(.+?)\s*#*\s*$/.exec(text);
    if (heading) {
      close();
      title = unescapeMarkdown(heading[1]!);
      titleLine = i + 1;
      body = [];
    } else if (body && isNavigationLine(text)) {
      close();
      body = undefined;
    } else if (body && text.trim() && !isAnchorLine(text)) body.push({ text: text.trim(), line: i + 1 });
  });
  close();
  return sections;
}

const TYPE_ATOM = /^(?:enum<\w+>|(?:string|integer|number|boolean|object|array|any|file|null)(?:<[\w.-]+>)?)(?:\[\])*$/;

export function isTypeText(text: string): boolean {
  return text.split('|').every((part) => TYPE_ATOM.test(part.trim()));
}

function isNameText(text: string): boolean {
  return /^[A-Za-z_$@][\w.$@[\]-]*$/.test(text);
}

function splitEntries(body: Line[]): { head: Line[]; entries: Entry[] } {
  const starts: number[] = [];
  for (let i = 0; i + 1 < body.length; i++) {
    if (isNameText(unescapeMarkdown(body[i]!.text)) && isTypeText(unescapeMarkdown(body[i + 1]!.text)))
      starts.push(i++);
  }
  const head = body.slice(0, starts[0] ?? body.length);
  const entries = starts.map((start, k) => readEntry(body.slice(start, starts[k + 1] ?? body.length)));
  return { head, entries };
}

function readEntry(lines: Line[]): Entry {
  const entry: Entry = {
    name: unescapeMarkdown(lines[0]!.text),
    type: unescapeMarkdown(lines[1]!.text),
    line: lines[0]!.line,
    required: false,
    deprecated: false,
    options: [],
  };
  const description: string[] = [];
  let pending: Marker = 'marker';
  for (const { text } of lines.slice(2)) {
    const codes = /^(?:`[^`]*`\s*,?\s*)+$/.test(text) ? [...text.matchAll(/`([^`]*)`/g)].map((m) => m[1]!) : undefined;
    if (pending === 'options' && codes) entry.options.push(...codes);
    else if (pending === 'example' && codes) {
      entry.example = codes[0];
      pending = 'marker';
    } else {
      pending = readMarker(entry, text);
      if (pending === 'text') description.push(unescapeMarkdown(text));
    }
  }
  if (description.length > 0) entry.description = description.join('\n\n');
  return entry;
}

/** What a line was: description text, a marker, or a label whose values follow on the next lines. */
type Marker = 'text' | 'marker' | 'options' | 'example';

/** Applies a marker line (`required`, `default:100`, `Required range: ...`, ...) to the entry. */
function readMarker(entry: Entry, text: string): Marker {
  if (/^(header|query|path|cookie)$/.test(text)) entry.location = text;
  else if (/^required$/i.test(text)) entry.required = true;
  else if (/^deprecated$/i.test(text)) entry.deprecated = true;
  else if (/^(show|hide) child attributes$/i.test(text)) return 'marker';
  else {
    const field =
      /^(default|Required range|Required string length|Required array length|Available options|Example)\s*:\s*(.*)$/i.exec(
        text,
      );
    if (!field) return 'text';
    const key = field[1]!.toLowerCase();
    const value = field[2]!.trim();
    const codes = [...value.matchAll(/`([^`]*)`/g)].map((m) => m[1]!);
    if (key === 'default') entry.default = value;
    else if (key === 'required range') entry.range = value;
    else if (key === 'required string length') entry.stringLength = value;
    else if (key === 'required array length') entry.arrayLength = value;
    else if (key === 'available options') {
      entry.options.push(...codes);
      return 'options';
    } else if (codes.length > 0) entry.example = codes[0];
    else return 'example';
  }
  return 'marker';
}
