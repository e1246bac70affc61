import type { PaginationModel } from './pagination.ts';

/**
 * The one path by which spec text reaches generated comments. A description may contain anything a page
 * says: `*\/` would end the comment early and let the rest run as code, so it is broken up; a leading `@`
 * would start a JSDoc tag, so it is escaped. Backticks and `${` are harmless inside a comment and kept.
 */
export function docText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\*\//g, '*\\/')
    .replace(/^(\s*)@/gm, '$1\\@')
    .trim();
}

export interface DocParts {
  summary?: string;
  description?: string;
  deprecated?: boolean;
  removed?: { lastListed?: string; replacementWrapper?: string };
  signed: boolean;
  method: string;
  path: string;
  pagination?: Pick<PaginationModel, 'itemsKey' | 'arrays'>;
}

/** The JSDoc block of an operation: summary, description, HTTP line, authentication, pagination, deprecation. */
export function operationDoc(parts: DocParts): string {
  const lines: string[] = [];
  if (parts.summary) lines.push(docText(parts.summary));
  if (parts.description && parts.description.trim() !== parts.summary?.trim()) lines.push('', docText(parts.description));
  lines.push('', `\`${parts.method.toUpperCase()} ${docText(parts.path)}\` — ${parts.signed ? 'signed: needs `apiKeyId` and a private key.' : 'public: sent unsigned.'}`);
  if (parts.pagination) lines.push('', paginationDoc(parts.pagination));
  if (parts.removed) {
    const when = parts.removed.lastListed ? ` (last listed ${parts.removed.lastListed})` : '';
    const instead = parts.removed.replacementWrapper ? ` Use \`${parts.removed.replacementWrapper}()\` instead.` : '';
    lines.push('', `@deprecated Removed from Kalshi's documentation${when}: kept for migration only.${instead}`);
  } else if (parts.deprecated) lines.push('', '@deprecated This operation is deprecated by Kalshi.');
  return lines.join('\n').trim();
}

/** How a cursor listing is walked: item by item when one array is the listing, else page by page. */
export function paginationDoc({ itemsKey, arrays }: Pick<PaginationModel, 'itemsKey' | 'arrays'>): string {
  const list = (keys: readonly string[]) => keys.map((key) => `\`${docText(key)}\``).join(' and ');
  if (itemsKey === undefined) {
    return (
      `Cursor listing walked by pages: \`await\` gives the first page, \`.iterPages()\` every page (\`for await\`), ` +
      `each holding ${list(arrays)}; neither array is the listing alone, so there is no item iteration.`
    );
  }
  const others = arrays.filter((key) => key !== itemsKey);
  const also = others.length > 0 ? ` Pages also hold ${list(others)}: read them with \`.iterPages()\`.` : '';
  return (
    `Cursor listing: \`await\` gives the first page, \`for await\` walks every \`${docText(itemsKey)}\` item of every ` +
    `page, \`.iterPages()\` walks the pages.${also}`
  );
}
