import { HTTP_METHODS, type HttpMethod } from '../fragment.ts';
import { shellWords, type Word } from './shell-words.ts';

/** The request a page's cURL example sends. */
export interface CurlCommand {
  /** 1-based page line of the `curl` word. */
  line: number;
  /** 0-based index of the command's last line (where the page continues). */
  endIndex: number;
  method: HttpMethod;
  url: string;
  headers: { name: string; value: string; line: number }[];
  /** The `--data` payload, verbatim, with the line it starts on. */
  data?: Word;
}

export type CurlResult = { ok: true; curl: CurlCommand } | { ok: false; line: number; message: string };

/** Options whose value is the next word; the ones that matter are named, the rest are skipped. */
const VALUE_OPTIONS: Record<string, string> = {
  '--request': 'method',
  '-X': 'method',
  '--url': 'url',
  '--header': 'header',
  '-H': 'header',
  '--data': 'data',
  '-d': 'data',
  '--data-raw': 'data',
  '--data-binary': 'data',
  '--data-ascii': 'data',
  '--data-urlencode': 'data',
  '--json': 'json',
};
const SKIPPED_VALUE_OPTIONS = new Set([
  '-o',
  '--output',
  '-u',
  '--user',
  '-A',
  '--user-agent',
  '-e',
  '--referer',
  '-b',
  '--cookie',
  '-c',
  '--cookie-jar',
  '-F',
  '--form',
  '-m',
  '--max-time',
  '--connect-timeout',
  '-x',
  '--proxy',
  '-w',
  '--write-out',
  '-T',
  '--upload-file',
  '--cert',
  '--key',
  '--cacert',
  '-K',
  '--config',
  '--retry',
]);
const COMMAND_END = new Set(['|', '||', '&&', ';', '>', '>>', '&']);

/** Finds the first `curl` command on the page and reads method, URL, headers and body. */
export function findCurl(lines: readonly string[]): CurlResult | undefined {
  const start = lines.findIndex((l) => /^\s*(?:\$\s+)?curl(?:\s|$)/.test(l));
  if (start < 0) return undefined;
  const read = shellWords(lines, start);
  if (!read.ok) {
    return {
      ok: false,
      line: read.line,
      message: `the cURL command at line ${start + 1} has a quote that is never closed`,
    };
  }
  const words = read.words[0]?.text === '$' ? read.words.slice(1) : read.words;
  const fail = (message: string): CurlResult => ({ ok: false, line: start + 1, message });
  let method: string | undefined;
  let url: string | undefined;
  let data: Word | undefined;
  const headers: CurlCommand['headers'] = [];
  for (let i = 1; i < words.length; i++) {
    const word = words[i]!;
    if (COMMAND_END.has(word.text)) break;
    const [flag, inline] = splitOption(word.text);
    const role = VALUE_OPTIONS[flag];
    if (role === undefined && SKIPPED_VALUE_OPTIONS.has(flag)) {
      if (inline === undefined) i++;
      continue;
    }
    if (role === undefined) {
      if (!word.text.startsWith('-') && url === undefined) url = word.text;
      continue;
    }
    const value: Word | undefined = inline !== undefined ? { text: inline, line: word.line } : words[++i];
    if (value === undefined) return fail(`the cURL option ${flag} at line ${word.line} has no value`);
    if (role === 'method') method = value.text;
    else if (role === 'url') url = value.text;
    else if (role === 'header') addHeader(headers, value);
    else {
      data ??= value;
      if (role === 'json') headers.push({ name: 'Content-Type', value: 'application/json', line: word.line });
    }
  }
  if (url === undefined) return fail(`the cURL command at line ${start + 1} has no URL (no --url option or address)`);
  const verb = (method ?? (data ? 'POST' : 'GET')).toLowerCase();
  if (!(HTTP_METHODS as readonly string[]).includes(verb)) {
    return fail(`the cURL command at line ${start + 1} uses ${method}, which is not an HTTP method`);
  }
  const curl: CurlCommand = { line: start + 1, endIndex: read.end, method: verb as HttpMethod, url, headers };
  if (data) curl.data = data;
  return { ok: true, curl };
}

/** `--request=POST` → [`--request`, `POST`]; `-XPOST` → [`-X`, `POST`]; other words unchanged. */
function splitOption(text: string): [string, string | undefined] {
  const long = /^(--[\w-]+)=(.*)$/s.exec(text);
  if (long) return [long[1]!, long[2]!];
  const short = /^(-[XHdo])(.+)$/s.exec(text);
  if (short) return [short[1]!, short[2]!];
  return [text, undefined];
}

function addHeader(headers: CurlCommand['headers'], word: Word): void {
  const colon = word.text.indexOf(':');
  if (colon <= 0) return;
  headers.push({ name: word.text.slice(0, colon).trim(), value: word.text.slice(colon + 1).trim(), line: word.line });
}
