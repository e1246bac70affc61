/**
 * Per-request cost of one signed GET (`/portfolio/balance`) through three contenders, against the same server:
 *   floor    — `fetch` + the signature computed inline (`crypto.sign`, KeyObject parsed once) + reading the JSON;
 *   ours     — `createKalshiClient(...).getBalance()` from generated/dist;
 *   official — `kalshi-typescript`'s `PortfolioApi.getBalance()` (axios; one instance, because every
 *              instance adds an interceptor to the global axios).
 * Sequential (one request at a time) and concurrent (a fixed number of workers sharing a request budget).
 */
import { constants, createPrivateKey, sign } from 'node:crypto';
import { Configuration, PortfolioApi } from 'kalshi-typescript';
import { createKalshiClient } from '../generated/dist/index.js';
import type { BenchKeys } from './keys.ts';
import { interleave, timed, type Contender } from './rounds.ts';
import type { BenchServer } from './server.ts';
import { summarize, type Summary } from './stats.ts';

export const REQUEST_CONTENDERS = ['floor', 'ours', 'official'] as const;
export type RequestContender = (typeof REQUEST_CONTENDERS)[number];

export interface RequestSettings {
  rounds: number;
  sequential: number;
  concurrent: number;
  concurrency: number;
}

export interface RequestResults {
  settings: RequestSettings;
  /** Requests each contender sent with verification on, and how many the server accepted. */
  verified: Record<RequestContender, { sent: number; accepted: number }>;
  /** Microseconds per request (wall time / requests), per round. */
  sequentialUs: Record<RequestContender, Summary>;
  concurrentUs: Record<RequestContender, Summary>;
  /** CPU time of this (the client) process per request, all its threads: steadier than wall time on a busy machine. */
  sequentialCpuUs: Record<RequestContender, Summary>;
  concurrentCpuUs: Record<RequestContender, Summary>;
}

type Call = () => Promise<unknown>;

export function requestCalls(server: BenchServer, keys: BenchKeys): Record<RequestContender, Call> {
  const key = createPrivateKey(keys.pkcs1);
  const url = `${server.url}/portfolio/balance`;
  const path = new URL(url).pathname;
  const floor: Call = async () => {
    const timestamp = String(Date.now());
    const signature = sign('sha256', Buffer.from(`${timestamp}GET${path}`), {
      key,
      padding: constants.RSA_PKCS1_PSS_PADDING,
      saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
    }).toString('base64');
    const response = await fetch(url, {
      headers: {
        'KALSHI-ACCESS-KEY': keys.keyId,
        'KALSHI-ACCESS-TIMESTAMP': timestamp,
        'KALSHI-ACCESS-SIGNATURE': signature,
      },
    });
    if (!response.ok) throw new Error(`floor: HTTP ${response.status}`);
    return response.json();
  };
  const client = createKalshiClient({ baseUrl: server.url, apiKeyId: keys.keyId, privateKeyPem: keys.pkcs1, maxRetries: 0 });
  const official = new PortfolioApi(new Configuration({ apiKey: keys.keyId, privateKeyPem: keys.pkcs1, basePath: server.url }));
  return {
    floor,
    ours: () => client.getBalance(),
    official: async () => (await official.getBalance()).data,
  };
}

export async function benchRequests(server: BenchServer, keys: BenchKeys, settings: RequestSettings): Promise<RequestResults> {
  const calls = requestCalls(server, keys);
  const verified = await checkSignatures(server, calls);
  const measure = async (count: number, concurrency: number) => {
    const cpu = emptyFigures();
    const contenders: Contender<RequestContender>[] = REQUEST_CONTENDERS.map((name) => ({
      name,
      warmUp: () => runCalls(calls[name], Math.min(count, 500), concurrency),
      measure: async () => {
        const before = process.cpuUsage();
        const ms = await timed(() => runCalls(calls[name], count, concurrency));
        const used = process.cpuUsage(before);
        cpu[name].push((used.user + used.system) / count);
        return (ms * 1000) / count;
      },
    }));
    const wall = await interleave(contenders, settings.rounds);
    return { wall, cpu: summarizeAll(cpu) };
  };
  const sequential = await measure(settings.sequential, 1);
  const concurrent = await measure(settings.concurrent, settings.concurrency);
  return {
    settings,
    verified,
    sequentialUs: sequential.wall,
    concurrentUs: concurrent.wall,
    sequentialCpuUs: sequential.cpu,
    concurrentCpuUs: concurrent.cpu,
  };
}

function emptyFigures(): Record<RequestContender, number[]> {
  return { floor: [], ours: [], official: [] };
}

function summarizeAll(figures: Record<RequestContender, number[]>): Record<RequestContender, Summary> {
  return { floor: summarize(figures.floor), ours: summarize(figures.ours), official: summarize(figures.official) };
}

/** With verification on, every contender must have each of its requests accepted by the server. */
async function checkSignatures(server: BenchServer, calls: Record<RequestContender, Call>): Promise<RequestResults['verified']> {
  const sent = 50;
  const result = {} as RequestResults['verified'];
  for (const name of REQUEST_CONTENDERS) {
    await server.setVerify(true);
    await runCalls(calls[name], sent, 10);
    const counts = await server.setVerify(false);
    if (counts.verified !== sent || counts.rejected !== 0) {
      throw new Error(`${name}: the server accepted ${counts.verified} of ${sent} signed requests (${counts.rejected} rejected)`);
    }
    result[name] = { sent, accepted: counts.verified };
  }
  return result;
}

/** `count` calls, `concurrency` at a time (workers pulling from a shared budget). */
export async function runCalls(call: Call, count: number, concurrency: number): Promise<void> {
  let left = count;
  const worker = async (): Promise<void> => {
    while (left > 0) {
      left--;
      await call();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}
