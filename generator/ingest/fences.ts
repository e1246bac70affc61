import type { Fence } from './page.ts';
import { HTTP_METHODS } from '../normalise/fragment.ts';

/** A fence that opened and never closed: the page cannot be used. */
export interface UnterminatedFence {
  line: number;
  info: string;
}

const OPEN = /^(\s{0,3})(`{3,}|~{3,})\s*(yaml|yml)\b[ \t]*(.*)$/i;

/**
 * Finds the YAML fences of a page, whatever their length (``` or ````) and info string
 * (`openapi.yaml get /x`, `/perps_openapi.yaml post /y`, a URL, `get /x`, or nothing).
 */
export function findYamlFences(text: string): { fences: Fence[]; unterminated: UnterminatedFence[] } {
  const lines = text.split('\n');
  const fences: Fence[] = [];
  const unterminated: UnterminatedFence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = OPEN.exec(lines[i]!.replace(/\r$/, ''));
    if (!open) continue;
    const marker = open[2]!;
    const info = open[4]!.trim();
    const close = new RegExp(`^\\s{0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
    let end = i + 1;
    while (end < lines.length && !close.test(lines[end]!.replace(/\r$/, ''))) end++;
    if (end >= lines.length) {
      unterminated.push({ line: i + 1, info });
      break;
    }
    fences.push({ ...parseInfo(info), info, line: i + 1, body: lines.slice(i + 1, end).join('\n') });
    i = end;
  }
  return { fences, unterminated };
}

/**
 * A whole YAML file (the site's `asyncapi.yaml`) as one block named after the file: its first line is line 1 of
 * the file, so every finding points at the file's own lines.
 */
export function wholeFileFence(file: string, text: string): Fence {
  const name = file.slice(file.lastIndexOf('/') + 1);
  return { info: name, specFile: name, line: 0, body: text };
}

/** `[spec-file] [method path]`, in any of the forms Mintlify has used. */
export function parseInfo(info: string): Pick<Fence, 'specFile' | 'method' | 'path'> {
  const tokens = info.split(/\s+/).filter(Boolean);
  const result: Pick<Fence, 'specFile' | 'method' | 'path'> = {};
  const methodAt = tokens.findIndex((t) => (HTTP_METHODS as readonly string[]).includes(t.toLowerCase()));
  if (methodAt >= 0) {
    result.method = tokens[methodAt]!.toLowerCase();
    const path = tokens[methodAt + 1];
    if (path?.startsWith('/')) result.path = path;
    if (methodAt > 0) result.specFile = tokens.slice(0, methodAt).join(' ');
  } else if (tokens.length > 0) {
    result.specFile = tokens.join(' ');
  }
  return result;
}
