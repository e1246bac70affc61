import type { PageMeta } from './page.ts';

/**
 * Reads the page chrome that carries metadata: YAML front matter (`url`, `lastmod`, `scraped_at`, `title`,
 * `description`), `<!-- Source: ... -->` / `<!-- Downloaded: ... -->` comments and `# Source: <url>` lines.
 * Returns the metadata and the line where the page body starts.
 */
export function readPageMeta(text: string): { meta: PageMeta; bodyStart: number } {
  const lines = text.split('\n');
  const meta: PageMeta = {};
  let bodyStart = 0;
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
    if (end > 0) {
      for (const line of lines.slice(1, end)) applyField(meta, line);
      bodyStart = end + 1;
    }
  }
  const head = lines.slice(bodyStart, bodyStart + 40);
  head.forEach((line, index) => {
    const comment = /^\s*<!--\s*(\w[\w ]*?)\s*:\s*(.*?)\s*-->\s*$/.exec(line);
    if (comment) applyField(meta, `${comment[1]}: ${comment[2]}`);
    const source = /^#\s*Source:\s*(\S+)/.exec(line);
    if (source && !meta.url) meta.url = source[1];
    const title = /^#\s+(?!Source:)(.+)$/.exec(line);
    if (title && !meta.title) {
      meta.title = title[1]!.trim();
      meta.description ??= blockquoteAfter(head, index + 1);
    }
  });
  return { meta, bodyStart };
}

/** The `> summary` paragraph Mintlify puts right under the page title. */
function blockquoteAfter(lines: readonly string[], start: number): string | undefined {
  let i = start;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  const quoted: string[] = [];
  for (; i < lines.length && lines[i]!.startsWith('>'); i++) quoted.push(lines[i]!.replace(/^>\s?/, '').trim());
  const text = quoted.join(' ').trim();
  return text || undefined;
}

const DATE_FIELDS = ['lastmod', 'downloaded', 'scraped_at', 'scraped', 'date'];

function applyField(meta: PageMeta, line: string): void {
  const match = /^\s*([A-Za-z_][\w ]*?)\s*:\s*(.*)$/.exec(line);
  if (!match) return;
  const key = match[1]!.toLowerCase();
  const value = unquote(match[2]!.trim());
  if (!value) return;
  if (key === 'url' || key === 'source') meta.url ??= value;
  else if (key === 'title') meta.title ??= value;
  else if (key === 'description') meta.description ??= value;
  else if (DATE_FIELDS.includes(key)) {
    const date = normaliseDate(value);
    if (date && (!meta.date || date > meta.date)) meta.date = date;
  }
}

function unquote(value: string): string {
  const quoted = /^(['"])(.*)\1$/.exec(value);
  return quoted ? quoted[2]! : value;
}

/** Accepts ISO-8601 with or without zone and fractional seconds; returns UTC ISO or undefined. */
export function normaliseDate(value: string): string | undefined {
  const iso = /^\d{4}-\d\d-\d\d$/.test(value) ? `${value}T00:00:00` : value.replace(' ', 'T');
  const withZone = /[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso}Z`;
  const time = Date.parse(withZone);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
