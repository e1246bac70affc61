/**
 * What a client is made of, from its options: its credentials, the defaults of each call (timeouts, retries) and
 * the transport its calls share (fetch, rate limiter, requests in flight, clock-skew correction, scheduler), all
 * checked (`KalshiConfigError`). The optional parts come as objects (a signer, a `RateLimiter`, a
 * `ClockCorrection`) unless the `ApiDescription` can make them from plain options, as the client class's does:
 * a base client's bundle carries only the parts it is given.
 */
import { sleep } from './abort.js';
import type { ClockCorrection } from './clock-skew.js';
import { DEFAULT_MAX_CONCURRENT_REQUESTS, Slots } from './concurrency.js';
import { credentialsOf, type SigningContext } from './credentials.js';
import { DEFAULT_TOTAL_TIMEOUT_MS } from './deadline.js';
import { KalshiConfigError } from './errors.js';
import {
  checkMaxRetries,
  checkTimeoutMs,
  DEFAULT_TIMEOUT_MS,
  numberOption,
  type ApiDescription,
  type KalshiClientOptions,
} from './options.js';
import type { RateLimiter } from './rate-limit.js';
import { DEFAULT_MAX_RETRIES } from './retry.js';
import type { CallSettings, ClientTransport } from './transport.js';

export interface ClientParts {
  signing: SigningContext | undefined;
  defaults: CallSettings;
  transport: ClientTransport;
}

const CLIENT = 'Client options';

export function clientParts(options: KalshiClientOptions, api: ApiDescription): ClientParts {
  const { rateLimit, correctClockSkew } = options;
  const scheduler = options.scheduler ?? {};
  const signing = credentialsOf(
    options,
    api.createDefaultSigner ??
      (() =>
        injected('credentials as { apiKeyId, signer }', 'signer: createDefaultSigner(privateKeyPem)', 'privateKeyPem')),
  );
  const defaults: CallSettings = {
    timeoutMs: checkTimeoutMs(options.timeoutMs, DEFAULT_TIMEOUT_MS, CLIENT),
    totalTimeoutMs: checkTimeoutMs(options.totalTimeoutMs, DEFAULT_TOTAL_TIMEOUT_MS, CLIENT, 'totalTimeoutMs'),
    maxRetries: checkMaxRetries(options.maxRetries, DEFAULT_MAX_RETRIES, CLIENT),
    idempotent: false,
  };
  const inFlight = numberOption(
    options.maxConcurrentRequests,
    DEFAULT_MAX_CONCURRENT_REQUESTS,
    (n) => Number.isInteger(n) && n > 0,
    `${CLIENT}: maxConcurrentRequests`,
    'a positive integer',
  );
  const limiter = (): RateLimiter | undefined => {
    if (rateLimit === undefined || has<RateLimiter>(rateLimit, 'acquire')) return rateLimit;
    if (api.createRateLimiter) return api.createRateLimiter(rateLimit, scheduler);
    return injected('rate limits as a RateLimiter', 'rateLimit: createRateLimiter({ readsPerSecond })', 'options');
  };
  const correction = (): ClockCorrection | undefined => {
    if (has<ClockCorrection>(correctClockSkew, 'resend')) return correctClockSkew;
    if (correctClockSkew !== true) return undefined;
    if (api.createClockCorrection) return api.createClockCorrection();
    return injected('clock-skew correction as an object', 'correctClockSkew: new ClockCorrection()', 'true');
  };
  const transport: ClientTransport = {
    fetch: options.fetch,
    rateLimiter: limiter(),
    slots: new Slots(inFlight),
    clock: correction(),
    now: scheduler.now ?? Date.now,
    sleep: scheduler.sleep ?? sleep,
    random: scheduler.random ?? Math.random,
  };
  return { signing, defaults, transport };
}

/** An optional part given in the form only the client class takes. */
function injected(part: string, fix: string, plain: string): never {
  throw new KalshiConfigError(
    `This client takes ${part}: pass ${fix} (code a bundle does not use stays out of it), or use the client ` +
      `class, which takes ${plain}.`,
  );
}

/** Whether `value` is an object with a method `name` (a part the caller made). */
function has<T>(value: unknown, name: string): value is T {
  return typeof (value as Record<string, unknown> | undefined)?.[name] === 'function';
}
