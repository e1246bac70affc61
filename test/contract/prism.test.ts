/**
 * Contract test: the generated client against Prism mocking generated/openapi/trade.json with `--errors`.
 * Prism validates every request against the document (path, query, headers, security, body) and every response
 * it produces; a violation comes back as an error response and is logged by its validator.
 *
 * Every operation of the document is called through its generated wrapper, with arguments built from the
 * document's schemas (openapi-values.ts): once with required fields only, once with every optional query
 * parameter and body field filled in as well. Signed operations carry real RSA-PSS signatures.
 */
import { constants, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKalshiClient, KalshiApiError, type KalshiClient } from '../../generated/dist/index.js';
import { generateTestKeyPair, type TestKeyPair } from '../support/kalshi-server.js';
import { callFor, operationsOf, serverBasePath, withBasePathInPaths, type Call, type OpenApiDocument, type Operation } from './openapi-values.js';
import { startPrism, type PrismServer } from './prism-process.js';

const DOCUMENT_PATH = fileURLToPath(new URL('../../generated/openapi/trade.json', import.meta.url));
const KEY_ID = '9f0c2a51-3e7b-4d2a-8c61-5b7e0d4f1a23';

const doc = JSON.parse(readFileSync(DOCUMENT_PATH, 'utf8')) as OpenApiDocument;
const operations = operationsOf(doc);
const tags = (doc.tags ?? []).map((t) => t.name);

let prism: PrismServer | undefined;
let workDir: string | undefined;
let client: KalshiClient;
let keys: TestKeyPair;
/** Every Prism output line already attributed to a call. */
let seenLines = 0;
const KALSHI_HEADERS = ['kalshi-access-key', 'kalshi-access-timestamp', 'kalshi-access-signature'];
/** Every request sent to Prism, recorded in the client's fetch (what goes on the wire), and Prism's answer. */
const sent: { method: string; url: string; headers: Headers; status?: number; violations?: string | null }[] = [];

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'kalshi-prism-'));
  const document = join(workDir, 'trade.prefixed.json');
  writeFileSync(document, JSON.stringify(withBasePathInPaths(doc)));
  prism = await startPrism({ document, args: ['--errors'], startTimeoutMs: 45_000 });
  keys = generateTestKeyPair();
  client = createKalshiClient({
    baseUrl: prism.origin + serverBasePath(doc),
    apiKeyId: KEY_ID,
    privateKeyPem: keys.pkcs1,
    maxRetries: 0,
    timeoutMs: 15_000,
    fetch: async (url, init) => {
      const entry: (typeof sent)[number] = { method: String(init.method), url, headers: new Headers(init.headers) };
      sent.push(entry);
      const response = await fetch(url, init);
      entry.status = response.status;
      entry.violations = response.headers.get('sl-violations');
      return response;
    },
  });
}, 60_000);

afterAll(async () => {
  await prism?.stop();
  if (workDir !== undefined) rmSync(workDir, { recursive: true, force: true });
});

/** Prism output lines that report a violation or a failed request. */
function violationLines(lines: string[]): string[] {
  return lines.filter(
    (line) => /\[VALIDATOR\].*\b(error|warning|fatal)\b/.test(line) || /violation|Request terminated with error/i.test(line),
  );
}

/** Prism's output arrives through a pipe, a little after the response: wait (bounded) until `ready` holds. */
async function prismLinesWhen(ready: (lines: string[]) => boolean, timeoutMs = 3_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const lines = prism!.lines();
    if (ready(lines) || Date.now() > deadline) return lines;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function drive(call: Call): Promise<void> {
  const { operation, args } = call;
  const wrapper = (client as unknown as Record<string, (...a: unknown[]) => unknown>)[operation.wrapper];
  expect(wrapper, `KalshiClient.${operation.wrapper}`).toBeTypeOf('function');
  const before = sent.length;
  let failure: string | undefined;
  try {
    await wrapper!.apply(client, args);
  } catch (error) {
    failure = describeFailure(error);
  }
  // Prism logs the outcome of each request it validated (passed, or violations); wait for this one's.
  const lines = await prismLinesWhen((all) => all.slice(seenLines).some((line) => /\[VALIDATOR\]/.test(line)), 2_000);
  const newLines = lines.slice(seenLines);
  seenLines = lines.length;
  const violations = violationLines(newLines);
  const context = `${operation.method} ${operation.path} (${operation.wrapper}) with ${JSON.stringify(args)}`;
  expect(failure, `${context} failed:\n${failure}\n${violations.join('\n')}`).toBeUndefined();
  expect(violations, `${context}: Prism logged violations`).toEqual([]);
  const request = sent.slice(before);
  expect(request).toHaveLength(1);
  const [wire] = request as [(typeof sent)[number]];
  expect(wire.violations ?? null, `${context}: sl-violations`).toBeNull();
  for (const name of KALSHI_HEADERS) expect(wire.headers.has(name), `${context}: ${name}`).toBe(operation.secured);
  if (operation.secured) expect(signatureValid(wire), `${context}: signature`).toBe(true);
}

/** The RSA-PSS signature over timestamp + METHOD + pathname (with the /trade-api/v2 prefix, no query). */
function signatureValid(wire: { method: string; url: string; headers: Headers }): boolean {
  const timestamp = wire.headers.get('kalshi-access-timestamp') ?? '';
  const message = Buffer.from(`${timestamp}${wire.method}${new URL(wire.url).pathname}`);
  const signature = Buffer.from(wire.headers.get('kalshi-access-signature') ?? '', 'base64');
  return (
    wire.headers.get('kalshi-access-key') === KEY_ID &&
    Math.abs(Date.now() - Number(timestamp)) < 60_000 &&
    verify('sha256', message, { key: keys.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, signature)
  );
}

function describeFailure(error: unknown): string {
  if (error instanceof KalshiApiError) {
    // Prism answers a request violation with the document's 400/422 (or a problem+json 422) and lists the
    // violations in `sl-violations`; a response violation under --errors is a 500 whose body has `validation`.
    const violations = error.headers['sl-violations'];
    return [
      `${error.name} ${error.status}: ${error.message}`,
      violations === undefined ? undefined : `sl-violations: ${violations}`,
      `body: ${JSON.stringify(error.body, null, 2)}`,
    ]
      .filter((part) => part !== undefined)
      .join('\n');
  }
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

const label = (op: Operation): string => `${op.method} ${op.path} ${op.wrapper}`;

describe('generated client against Prism (--errors) on the trade document', () => {
  it('the document lists every tag on at least one operation, and every operation has a wrapper', () => {
    expect(tags.length).toBeGreaterThan(0);
    for (const tag of tags) expect(operations.some((op) => op.tags.includes(tag)), tag).toBe(true);
    for (const op of operations) expect(op.tags.length, label(op)).toBeGreaterThan(0);
  });

  describe('required fields only', () => {
    it.each(operations.map((op) => [label(op), op] as const))('%s', async (_, op) => {
      await drive(callFor(doc, op));
    });
  });

  describe('every optional query parameter and body field too', () => {
    it.each(operations.map((op) => [label(op), op] as const))('%s', async (_, op) => {
      await drive(callFor(doc, op, { optional: true }));
    });
  });

  it('Prism logged no violation and no failed request over the whole run', async () => {
    const passed = (lines: string[]): number => lines.filter((line) => /The request passed the validation rules/.test(line)).length;
    const lines = await prismLinesWhen((all) => passed(all) >= 2 * operations.length);
    expect(violationLines(lines)).toEqual([]);
    // Its log is being read at all: every call was received and passed validation.
    expect(lines.filter((line) => /Request received/.test(line)).length).toBe(2 * operations.length);
    expect(passed(lines)).toBe(2 * operations.length);
  });

  // Controls, after the whole-run check: the harness does see a violation when there is one.
  describe('controls: Prism rejects what violates the document, and the harness notices', () => {
    it('a missing required query parameter (GET /milestones without limit) is a 400/422 with the violation', async () => {
      seenLines = prism!.lines().length;
      const error = await client.getMilestones({} as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(KalshiApiError);
      expect([400, 422]).toContain((error as KalshiApiError).status);
      expect((error as KalshiApiError).headers['sl-violations']).toMatch(/required property 'limit'/);
      expect(describeFailure(error)).toMatch(/sl-violations: .*limit/);
      const lines = await prismLinesWhen((all) => violationLines(all.slice(seenLines)).length > 0);
      expect(violationLines(lines.slice(seenLines)).join('\n')).toMatch(/Violation: request\.query/);
    });

    it('a wrongly typed body field (createOrderV2 with side "maybe") is rejected', async () => {
      seenLines = prism!.lines().length;
      const error = await client
        .createOrderV2({ ticker: 'T', side: 'maybe' as never, count: '1.00', price: '0.5000', time_in_force: 'fill_or_kill', self_trade_prevention_type: 'taker_at_cross' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(KalshiApiError);
      expect([400, 422]).toContain((error as KalshiApiError).status);
      expect((error as KalshiApiError).headers['sl-violations']).toMatch(/side/);
      const lines = await prismLinesWhen((all) => violationLines(all.slice(seenLines)).length > 0);
      expect(violationLines(lines.slice(seenLines)).join('\n')).toMatch(/Violation: request\.body/);
    });

    it('a signed operation sent without the KALSHI-ACCESS-* headers is a 401', async () => {
      const response = await fetch(`${prism!.origin}${serverBasePath(doc)}/portfolio/balance`);
      await response.body?.cancel();
      expect(response.status).toBe(401);
    });
  });
});
