import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareText } from '../diagnostics/diagnostic.ts';
import { isObject, type JsonObject } from '../openapi/json.ts';

/** The merged documents an output folder holds: `<out>/openapi/<api>.json` (or `asyncapi/`) → api → document. */
export function documentsInDir(outDir: string, folder: 'openapi' | 'asyncapi' = 'openapi'): Map<string, JsonObject> {
  const dir = join(outDir, folder);
  const documents = new Map<string, JsonObject>();
  if (!existsSync(dir)) return documents;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort(compareText)) {
    documents.set(name.slice(0, -'.json'.length), parseDocument(readFileSync(join(dir, name), 'utf8'), join(dir, name)));
  }
  return documents;
}

/**
 * The merged documents committed at a git ref (`git show <ref>:<out>/openapi/<api>.json`, or `asyncapi/`), read
 * with the git of `cwd`; `outDir` is relative to `cwd`. Throws with git's message when the ref does not exist.
 */
export function documentsAtRef(ref: string, outDir: string, cwd: string, folder: 'openapi' | 'asyncapi' = 'openapi'): Map<string, JsonObject> {
  if (ref.startsWith('-')) throw new Error(`not a git ref: ${ref}`);
  const git = (args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    throw new Error(`unknown git ref: ${ref}`);
  }
  const inside = `./${outDir.replace(/^\.\//, '').replace(/\/$/, '')}/${folder}/`;
  const documents = new Map<string, JsonObject>();
  const listed = git(['ls-tree', '--name-only', ref, '--', inside]).split('\n').filter((p) => p.endsWith('.json'));
  for (const path of listed.sort(compareText)) {
    const name = path.slice(path.lastIndexOf('/') + 1, -'.json'.length);
    documents.set(name, parseDocument(git(['show', `${ref}:./${path}`]), `${ref}:${path}`));
  }
  return documents;
}

function parseDocument(text: string, where: string): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${where} is not valid JSON: ${(error as Error).message}`);
  }
  if (!isObject(value)) throw new Error(`${where} is not an OpenAPI or AsyncAPI document`);
  return value;
}
