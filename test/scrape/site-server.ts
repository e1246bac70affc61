import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';

/**
 * A docs site on 127.0.0.1 for the scrape tests: serves a fixture folder (the index with its
 * `https://docs.kalshi.com` links rewritten to this server) and injects faults per path.
 */
export type Fault =
  | { kind: 'fail-first'; times: number; status: number; headers?: Record<string, string> }
  | { kind: 'status'; status: number }
  | { kind: 'hang' }
  /** Serves this text instead of the file (a site whose index or sitemap changed). */
  | { kind: 'body'; body: string };

export interface SiteServer {
  url: string;
  /** Requests received, by path. */
  hits: Map<string, number>;
  /** When each request for a path arrived (ms since epoch). */
  times: Map<string, number[]>;
  close(): Promise<void>;
}

export async function startSite(root: string, faults: Record<string, Fault> = {}): Promise<SiteServer> {
  const hits = new Map<string, number>();
  const times = new Map<string, number[]>();
  let origin = '';
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const count = (hits.get(path) ?? 0) + 1;
    hits.set(path, count);
    times.set(path, [...(times.get(path) ?? []), Date.now()]);
    const fault = faults[path];
    if (fault?.kind === 'hang') return; // never answers: the client's timeout must fire
    if (fault?.kind === 'status') return void response.writeHead(fault.status).end(`fault ${fault.status}`);
    if (fault?.kind === 'fail-first' && count <= fault.times) {
      return void response.writeHead(fault.status, fault.headers ?? {}).end(`fault ${fault.status}`);
    }
    const file = normalize(join(root, path));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) return void response.writeHead(404).end('not found');
    let body = fault?.kind === 'body' ? Buffer.from(fault.body) : readFileSync(file);
    if (path === '/llms.txt') body = Buffer.from(body.toString('utf8').replaceAll('https://docs.kalshi.com', origin));
    response.writeHead(200, { 'content-type': path.endsWith('.txt') ? 'text/plain; charset=utf-8' : 'text/markdown; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    hits,
    times,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
