import type { JsonValue } from '../../openapi/json.ts';
import { isChromeLine, isStatusLine, type Line } from './lines.ts';

/**
 * What follows the cURL example: the tabs of status codes it documents (`200`, `401`, ...), the first one
 * being the success response, and the JSON example of that response as an indented or fenced code block.
 */
export interface ResponseExamples {
  statuses: Line[];
  json?: JsonExample;
}

export type JsonExample = { ok: true; value: JsonValue; line: number } | { ok: false; line: number; message: string };

/** Reads the status codes and response example starting after line index `end` (the cURL's last line). */
export function readResponseExamples(lines: readonly string[], end: number): ResponseExamples {
  const statuses: Line[] = [];
  for (let i = end + 1; i < lines.length; i++) {
    const text = lines[i]!;
    if (!text.trim() || isChromeLine(text)) continue;
    if (isStatusLine(text)) statuses.push({ text: text.trim(), line: i + 1 });
    else {
      const block = readCodeBlock(lines, i);
      return block && /^[[{]/.test(block.text.trimStart())
        ? { statuses, json: parseJsonExample(block.text, block.line) }
        : { statuses };
    }
  }
  return { statuses };
}

/** An indented (4 spaces or a tab) or fenced code block starting at line index `start`, dedented. */
function readCodeBlock(lines: readonly string[], start: number): { text: string; line: number } | undefined {
  const first = lines[start]!;
  const fence = /^\s*(`{3,}|~{3,})/.exec(first)?.[1];
  if (fence) {
    const close = lines.findIndex((l, i) => i > start && l.trim().startsWith(fence));
    const body = lines.slice(start + 1, close < 0 ? lines.length : close);
    return { text: body.join('\n'), line: start + 2 };
  }
  if (!/^( {4}|\t)/.test(first)) return undefined;
  const body: string[] = [];
  for (let i = start; i < lines.length && (/^( {4}|\t)/.test(lines[i]!) || !lines[i]!.trim()); i++)
    body.push(lines[i]!);
  return { text: body.map((l) => l.replace(/^( {4}|\t)/, '')).join('\n'), line: start + 1 };
}

/**
 * Parses an example's JSON. HTML-to-markdown conversion ends lines inside arrays with a `\` (a markdown
 * hard break); no JSON line can end that way, so it is removed first. Markdown escapes (`\_`) are undone
 * only if the text does not parse as it is.
 */
export function parseJsonExample(text: string, line: number): JsonExample {
  const cleaned = text.replace(/\\[ \t]*$/gm, '');
  let message = 'not valid JSON';
  for (const [i, candidate] of [cleaned, cleaned.replace(/\\([_[\]*])/g, '$1')].entries()) {
    try {
      return { ok: true, value: JSON.parse(candidate) as JsonValue, line };
    } catch (error) {
      if (i === 0 && error instanceof Error) message = error.message;
    }
  }
  return { ok: false, line, message };
}
