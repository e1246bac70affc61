/**
 * Line-level helpers for HTML-to-markdown pages: numbering, markdown unescaping and recognising the
 * site chrome (anchor links, navigation links, "Copy" / "Ask AI" buttons) that surrounds the content.
 */

/** One non-blank page line with its 1-based line number. */
export interface Line {
  text: string;
  line: number;
}

/** The page split into lines, carriage returns dropped; index `i` is page line `i + 1`. */
export function pageLines(text: string): string[] {
  return text.split('\n').map((l) => l.replace(/\r$/, ''));
}

/**
 * Undoes CommonMark backslash escapes (`order\_id` → `order_id`, `object\[\]` → `object[]`) outside
 * code spans; text between backticks is literal in markdown and is kept as is.
 */
export function unescapeMarkdown(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/\\([!-/:-@[-`{-~])/g, '$1')))
    .join('');
}

/** `[​](https://…#parameter-order-id)`: the empty (or zero-width-space) anchor link before each entry. */
export function isAnchorLine(text: string): boolean {
  return /^\s*\[[\s\u200b]*\]\([^)]*\)\s*$/.test(text);
}

/** `[Get Orders](https://…)` alone on a line: the previous/next navigation at the end of the content. */
export function isNavigationLine(text: string): boolean {
  return /^\s*\[[^\]]*[^\s\u200b\]][^\]]*\]\([^)]*\)\s*$/.test(text);
}

const CHROME = new Set(['copy', 'ask ai', 'curl', 'try it', 'copy page']);

/** Buttons and labels around the code examples. */
export function isChromeLine(text: string): boolean {
  return CHROME.has(text.trim().toLowerCase());
}

/** An HTTP status code as listed under the cURL example (`200`, `4XX`, `default`). */
export function isStatusLine(text: string): boolean {
  return /^\s*([1-5](\d\d|XX)|default)\s*$/i.test(text);
}
