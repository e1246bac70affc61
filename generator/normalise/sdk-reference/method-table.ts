import type { Diagnostics } from '../../diagnostics/diagnostic.ts';
import { HTTP_METHODS, type HttpMethod } from '../fragment.ts';
import { findTable, type PageLine, plainText, unescapeMarkdown } from './markdown.ts';

/** One row of the page's `| Method | HTTP request | Description |` table. */
export interface MethodRow {
  sdkMethod: string;
  /** The row's link target without `#`, e.g. `getorders`, when present. */
  anchor?: string;
  method: HttpMethod;
  path: string;
  summary?: string;
  line: number;
}

const HEADER = /^\s*\|?\s*Method\s*\|\s*HTTP request\s*\|/i;

/**
 * Reads the method table. Returns undefined when the page has none; rows that cannot be read are
 * reported and skipped.
 */
export function readMethodTable(
  lines: readonly PageLine[],
  file: string,
  diagnostics: Diagnostics,
): MethodRow[] | undefined {
  const table = findTable(lines, HEADER);
  if (!table) return undefined;
  const descriptionColumn = table.header.findIndex((h) => /^description$/i.test(h));
  const rows: MethodRow[] = [];
  for (const { cells, line } of table.rows) {
    const row = readRow(cells, descriptionColumn < 0 ? 2 : descriptionColumn, line);
    if ('code' in row) diagnostics.warn(row.code, row.message, { file, line });
    else rows.push(row);
  }
  return rows;
}

interface RowProblem {
  code: string;
  message: string;
}

/** A row, or the problem that keeps it from being read. */
function readRow(cells: readonly string[], descriptionColumn: number, line: number): MethodRow | RowProblem {
  const name = methodName(cells[0] ?? '');
  if (!name) {
    return problem(
      'sdk-reference-method-name',
      `cannot read an SDK method name from "${cells[0] ?? ''}"; expected [**name**](#anchor)`,
    );
  }
  const request = /^\s*\**\s*([A-Za-z]+)\s*\**\s+(\S.*?)\s*$/.exec(unescapeMarkdown(cells[1] ?? ''));
  const method = request?.[1]!.toLowerCase();
  if (!request || !isHttpMethod(method)) {
    return problem(
      'sdk-reference-http-request',
      `cannot read the HTTP request of ${name.sdkMethod} from "${cells[1] ?? ''}"; expected **METHOD** /path`,
    );
  }
  const path = request[2]!.replace(/\s+/g, '');
  if (!path.startsWith('/')) {
    return problem('sdk-reference-http-request', `the path "${path}" of ${name.sdkMethod} does not start with "/"`);
  }
  const summary = plainText(cells[descriptionColumn] ?? '');
  return { ...name, method, path, ...(summary ? { summary } : {}), line };
}

function problem(code: string, message: string): RowProblem {
  return { code, message };
}

function methodName(cell: string): { sdkMethod: string; anchor?: string } | undefined {
  const text = unescapeMarkdown(cell);
  const link = /\[\s*\**\s*([A-Za-z_$][\w$]*)\s*\**\s*\]\(\s*[^)#\s]*#?([^)\s]*)\s*\)/.exec(text);
  if (link) return { sdkMethod: link[1]!, ...(link[2] ? { anchor: link[2] } : {}) };
  const bare = /^[\s*[]*([A-Za-z_$][\w$]*)[\s*\]]*$/.exec(text);
  return bare ? { sdkMethod: bare[1]! } : undefined;
}

function isHttpMethod(method: string | undefined): method is HttpMethod {
  return (HTTP_METHODS as readonly string[]).includes(method ?? '');
}
