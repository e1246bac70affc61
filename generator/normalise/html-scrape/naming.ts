import type { Page } from '../../ingest/page.ts';
import { operationIdFromTitle, pascalCase } from '../names.ts';
import { isAnchorLine, isChromeLine, isNavigationLine, isStatusLine, unescapeMarkdown } from './lines.ts';

export interface OperationNames {
  operationId: string;
  summary?: string;
  tags?: string[];
}

/**
 * operationId and summary from the page title (`Get Order - API Documentation` → `GetOrder`, `Get
 * Order`), else from the heading shown above the cURL example, else from the URL's last segment; the
 * tag is the URL's section (`/api-reference/portfolio/get-order` → `portfolio`).
 */
export function namesOf(
  page: Pick<Page, 'file' | 'meta'>,
  lines: readonly string[],
  curlLine: number,
  fallback: string,
): OperationNames {
  const title = page.meta.title ?? headingAbove(lines, curlLine - 1) ?? lastSegment(page.meta.url);
  const summary = title?.replace(/\s+[-–|]\s+.*$/, '').trim();
  const names: OperationNames = { operationId: (title && operationIdFromTitle(title)) || pascalCase(fallback) };
  if (summary) names.summary = summary;
  const tag = sectionOf(page);
  if (tag) names.tags = [tag];
  return names;
}

/** The first plain text line above the cURL example, skipping buttons (`cURL`, `Copy`, `Ask AI`). */
function headingAbove(lines: readonly string[], curlIndex: number): string | undefined {
  for (let i = curlIndex - 1; i >= 0; i--) {
    const text = lines[i]!.trim();
    if (!text || isChromeLine(text)) continue;
    const plain = !isAnchorLine(text) && !isNavigationLine(text) && !isStatusLine(text) && !/^[-#>`|!]/.test(text);
    return plain ? unescapeMarkdown(text) : undefined;
  }
  return undefined;
}

function urlPath(url: string | undefined): string[] {
  const path = url ? /^[a-z][\w+.-]*:\/\/[^/]+([^?#]*)/i.exec(url)?.[1] : undefined;
  return (path ?? '').split('/').filter(Boolean);
}

function lastSegment(url: string | undefined): string | undefined {
  return urlPath(url).at(-1);
}

/** The folder the page sits in: from its URL, else from its file path. */
function sectionOf(page: Pick<Page, 'file' | 'meta'>): string | undefined {
  const segments = urlPath(page.meta.url);
  if (segments.length >= 2) return segments.at(-2);
  const folders = page.file.split('/').slice(0, -1);
  return folders.at(-1);
}
