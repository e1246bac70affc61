import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { diffAsyncApiDocuments } from '../../generator/changelog/diff-asyncapi.ts';
import { Diagnostics } from '../../generator/diagnostics/diagnostic.ts';
import { channelMapModel } from '../../generator/emit/channel-model.ts';
import type { Page } from '../../generator/ingest/page.ts';
import type { JsonValue } from '../../generator/openapi/json.ts';
import { mergeAsyncApi } from '../../generator/merge/asyncapi/index.ts';
import { normaliseAsyncApi } from '../../generator/normalise/asyncapi/index.ts';
import { validateAsyncApi } from '../../generator/validate/asyncapi.ts';
import { workingDocument } from '../../generator/asyncapi/working-schemas.ts';
import { ROOT } from '../support/cli.ts';

/**
 * Nodes of a real derived page and of a real document (spread over every depth) replaced, one at a time, by a value
 * of another shape (null, a list, a string, a number, an empty map): the AsyncAPI lane reports or ignores it, and
 * never throws.
 */

const DAY = join(ROOT, 'test', 'fixtures', 'live-site', '2026-07-07');
const ODD = [null, [], 'x', 7, {}];

/** `count` paths of the tree's nodes spread evenly over all of them (breadth first): every depth is hit. */
function paths(value: unknown, count: number): (string | number)[][] {
  const out: (string | number)[][] = [];
  const queue: [unknown, (string | number)[]][] = [[value, []]];
  while (queue.length > 0) {
    const [node, path] = queue.shift()!;
    if (path.length > 0) out.push(path);
    if (Array.isArray(node)) node.forEach((child, i) => queue.push([child, [...path, i]]));
    else if (node !== null && typeof node === 'object') for (const [key, child] of Object.entries(node)) queue.push([child, [...path, key]]);
  }
  const stride = Math.max(1, Math.floor(out.length / count));
  return out.filter((_, i) => i % stride === 0).slice(0, count);
}

function replaced(tree: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(tree) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return copy;
}

/** The stages after ingest on one page's block (YAML parsing has its own tests): normalise, merge, validate, emit's model, the diff. */
function run(file: string, kind: Page['kind'], info: string, tree: unknown): void {
  const diagnostics = new Diagnostics();
  const yaml = { value: tree as JsonValue, lineOf: () => 1, findings: { reservedKeys: [], controlCharacters: { count: 0 } } };
  const page: Page = { file, text: '', meta: {}, kind, blocks: [{ fence: { info, specFile: info.split(' ')[0]!, line: 0, body: '' }, yaml }] };
  const streams = mergeAsyncApi(normaliseAsyncApi([page], diagnostics), diagnostics);
  validateAsyncApi(streams, diagnostics);
  for (const { document } of streams) {
    channelMapModel(workingDocument(document));
    diffAsyncApiDocuments(document, { asyncapi: '3.0.0', info: { title: '', version: '' }, channels: {} });
  }
}

describe('the AsyncAPI lane on damaged pages', () => {
  it('a derived channel page: never throws', () => {
    const text = readFileSync(join(DAY, 'websockets', 'orderbook-updates.md'), 'utf8');
    const tree = parse(/````yaml asyncapi\.yaml orderbook_delta\n([\s\S]*?)\n````/.exec(text)![1]!);
    let cases = 0;
    for (const path of paths(tree, 120)) {
      for (const value of ODD) {
        expect(() => run('websockets/orderbook-updates.md', 'asyncapi', 'asyncapi.yaml orderbook_delta', replaced(tree, path, value)), `${path.join('.')} = ${JSON.stringify(value)}`).not.toThrow();
        cases++;
      }
    }
    expect(cases).toBe(600);
  }, 120_000);

  it('the whole document: never throws', () => {
    const tree = parse(readFileSync(join(DAY, 'asyncapi.yaml'), 'utf8'));
    let cases = 0;
    for (const path of paths(tree, 30)) {
      for (const value of ODD) {
        expect(() => run('asyncapi.yaml', 'asyncapi-document', 'asyncapi.yaml', replaced(tree, path, value)), `${path.join('.')} = ${JSON.stringify(value)}`).not.toThrow();
        cases++;
      }
    }
    expect(cases).toBe(150);
  }, 120_000);
});
