import { spawnSync } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, type GenerateResult } from '../../generator/index.ts';
import { ROOT } from '../support/cli.ts';

/**
 * Pages of two other Mintlify-hosted APIs rendered from OpenAPI 3.1 sources (test/fixtures/mintlify-openapi31):
 * derived-format pages (orbit) and embedded 3.1 excerpts (lumen) holding every 3.1 construct the generator
 * normalises. They must generate a package that type-checks (in the run, and by `tsc` on its own), and the
 * wrappers of their multipart, event-stream and no-content operations must work against a real server.
 */

const SPECS = join(ROOT, 'test', 'fixtures', 'mintlify-openapi31');

describe('Mintlify pages from OpenAPI 3.1 sources', () => {
  let out: string;
  let result: GenerateResult;
  beforeAll(async () => {
    out = join(mkdtempSync(join(tmpdir(), 'openapi31-')), 'generated');
    result = await generate({ specsDir: SPECS, outDir: out });
    // The package's dependencies (openapi-fetch, @types/node) resolve from the toolchain's node_modules.
    symlinkSync(join(ROOT, 'node_modules'), join(out, 'node_modules'));
  }, 120_000);

  it('generate with no error, type-checked in the run, reporting what 3.1 constructs lost', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.ok && result.written).toBe(true);
    expect(result.timings.typecheck).toBeDefined();
    const warnings = result.diagnostics.filter((d) => d.severity === 'warning').map((d) => `${d.code} ${d.source?.file}`);
    expect(warnings).toEqual([
      'openapi31-downgraded lumen/create-run.md',
      'openapi31-downgraded lumen/create-run.md',
      'parameter-cookie-dropped lumen/create-session.md',
      'security-scheme-unsupported lumen/create-session.md',
      'schema-self-reference lumen/get-tree.md',
      'openapi31-downgraded orbit/delete-file.md',
    ]);
    expect(result.apis.map((a) => [a.api, Object.keys(a.document.paths as object).length])).toEqual([
      ['lumen', 5],
      ['orbit', 4],
    ]);
  });

  it('give a package that tsc type-checks under its own tsconfig', () => {
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const run = spawnSync(process.execPath, [tsc, '--noEmit', '-p', join(out, 'tsconfig.json')], { encoding: 'utf8', timeout: 120_000 });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 120_000);

  describe('the wrappers against a server on 127.0.0.1', () => {
    let server: Server;
    let base: string;
    const received: { method: string; url: string; type: string; body: string }[] = [];
    beforeAll(async () => {
      server = createServer(async (request, response) => {
        const body = await text(request);
        received.push({ method: request.method!, url: request.url!, type: request.headers['content-type'] ?? '', body });
        if (request.url === '/v2/runs/run_1/events') {
          response.writeHead(200, { 'content-type': 'text/event-stream' }).end('event: step\ndata: {"index":1}\n\n');
        } else if (request.url === '/v2/knowledge-bases/kb_1/documents') {
          response.writeHead(202, { 'content-type': 'application/json' }).end('{"id":"doc_1","status":"indexing"}');
        } else if (request.url === '/v2/sessions' && request.method === 'POST') {
          response.writeHead(200, { 'content-type': 'application/json' }).end('{"items":[]}');
        } else if (request.url === '/v2/sessions' && request.method === 'PUT') {
          response.writeHead(204).end();
        } else if (request.url === '/v1/chat/completions') {
          response.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"c1","created":1,"choices":[]}');
        } else if (request.url === '/v1/files/file_1' && request.method === 'DELETE') {
          response.writeHead(204).end();
        } else {
          response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"no","type":"not_found"}}');
        }
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('send multipart, URL-encoded and raw bodies as such, read event streams as streams, no content as undefined', async () => {
      const lumen = await import(pathToFileURL(join(out, 'dist', 'lumen.js')).href);
      const orbit = await import(pathToFileURL(join(out, 'dist', 'orbit.js')).href);
      const runs = lumen.createLumenClient({ baseUrl: base, maxRetries: 0 });
      const stream: ReadableStream<Uint8Array> = await runs.streamRunEvents('run_1');
      expect(await new Response(stream).text()).toBe('event: step\ndata: {"index":1}\n\n');
      const file = new File(['%PDF-1.7 hello'], 'hello.pdf', { type: 'application/pdf' });
      expect(await runs.uploadDocument('kb_1', { file, title: 'Hello', chunking: 'auto' })).toEqual({ id: 'doc_1', status: 'indexing' });
      const upload = received.find((r) => r.url === '/v2/knowledge-bases/kb_1/documents')!;
      expect(upload.type).toMatch(/^multipart\/form-data; boundary=/);
      expect(upload.body).toContain('name="file"; filename="hello.pdf"');
      expect(upload.body).toContain('%PDF-1.7 hello');
      expect(upload.body).toMatch(/name="title"\r\n\r\nHello\r\n/);
      expect(await runs.createSession({ username: 'ada', password: 'p&ss' })).toEqual({ items: [] });
      expect(received.find((r) => r.url === '/v2/sessions' && r.method === 'POST')).toMatchObject({
        type: 'application/x-www-form-urlencoded',
        body: 'username=ada&password=p%26ss',
      });
      expect(await runs.putSessionAvatar(new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])]))).toBeUndefined();
      expect(received.find((r) => r.method === 'PUT')).toMatchObject({ type: 'image/png', body: '\x89PNG' });
      const chat = orbit.createOrbitClient({ baseUrl: base, maxRetries: 0 });
      expect(await chat.createChatCompletion({ model: 'm', messages: [{ role: 'user', content: 'hi' }] })).toEqual({ id: 'c1', created: 1, choices: [] });
      expect(JSON.parse(received.find((r) => r.url === '/v1/chat/completions')!.body)).toEqual({ model: 'm', messages: [{ role: 'user', content: 'hi' }] });
      expect(await chat.deleteFile('file_1')).toBeUndefined();
      await expect(chat.deleteFile('missing')).rejects.toMatchObject({ status: 404 });
    });
  });
});

async function text(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('latin1');
}
