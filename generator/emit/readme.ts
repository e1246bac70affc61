import type { ApiNames } from './api-names.ts';
import type { OperationModel } from './operation-model.ts';
import { migrationSection } from './readme-migration.ts';
import { operationTable } from './readme-operations.ts';
import { realTimeSection } from './readme-ws.ts';

export interface ReadmeInput {
  packageName: string;
  /** `Built from the Kalshi Trade API 3.28.0 and …` (see built-from.ts). */
  builtFrom: string;
  apis: readonly { names: ApiNames; operations: readonly OperationModel[] }[];
  /** The APIs with a real-time entry (a generated channel map). */
  realTime: ReadonlySet<string>;
}

/**
 * The generated package's README: install, runtimes, runnable snippets (every ```ts block is compiled by the
 * package tests), migration from the official SDK, and the table of every operation.
 */
export function packageReadme(input: ReadmeInput): string {
  const { packageName, apis } = input;
  const trade = apis.find((a) => a.names.api === 'trade') ?? apis[0]!;
  const importFrom = (names: ApiNames) => (names.entry === 'index' ? packageName : `${packageName}/${names.entry}`);
  const from = importFrom(trade.names);
  const sections = [
    `# ${packageName}`,
    `Typed TypeScript client for ${apis.map((a) => `the ${a.names.title}`).join(' and ')}, generated from Kalshi's documentation. ` +
      'Every operation is a method (and a standalone function) that returns the parsed, typed body and throws typed ' +
      'errors; requests that need authentication are signed with RSA-PSS exactly as Kalshi verifies them.',
    install(input),
    runtimes(packageName, apis.map((a) => importFrom(a.names)).sort()),
    credentials(trade.names, from),
    calling(),
    functions(trade.names, from),
    errors(from),
    pagination(),
    retries(trade.names),
    ...realTimeSection(packageName, apis.map((a) => a.names), input.realTime),
    migrationSection(trade, from),
    [
      '## How this package is made',
      '',
      `${input.builtFrom} \`make generate\` in the Kalshi OpenAPI toolchain rebuilds it from Kalshi's documentation ` +
        'pages and versions it by semver for its users: a breaking API change is a major release, new operations or ' +
        'fields a minor one, text and generator changes a patch. `CHANGELOG.md` lists what each version changed, and ' +
        '`package.json` records the Kalshi API versions under `kalshiApiVersions`.',
    ].join('\n'),
    ...apis.map(({ names, operations }) => operationTable(names, operations, importFrom(names))),
  ];
  return sections.join('\n\n') + '\n';
}

function install({ packageName }: ReadmeInput): string {
  const tarball = `${packageName}-*.tgz`;
  return [
    '## Install',
    '',
    "The package is built in the toolchain repository's `generated/` folder. Pack it and install the tarball:",
    '',
    '```sh',
    'npm pack ./generated',
    `npm install ./${tarball}`,
    '```',
    '',
    `or depend on the folder with \`"${packageName}": "file:../kalshi-openapi-toolchain/generated"\` and install with ` +
      '`npm install --install-links` (a plain `npm install ./generated` only links the folder, so its dependency, ' +
      '`openapi-fetch`, is not installed and the import fails outside the repository).',
  ].join('\n');
}

function runtimes(packageName: string, entries: readonly string[]): string {
  return [
    '## Module formats and runtimes',
    '',
    `- ES modules only (\`"type": "module"\`); entry points ${entries.map((e) => `\`${e}\``).join(' and ')}. ` +
      '`require()` works on Node 20.19 or later and 22.12 or later (which load ES modules synchronously); on older ' +
      `Node 20 and 22 releases use \`import\` or \`await import('${packageName}')\`.`,
    '- Node 20 or later; browsers, Deno, Bun and edge runtimes too. Bundlers and Node pick the signer through the ' +
      "package's `imports` conditions: `node:crypto` under `node`, WebCrypto everywhere else.",
    '- TypeScript: `moduleResolution` `node16`, `nodenext` or `bundler` read the `exports` map; the older `node10` ' +
      '(`node`) finds the types through `types` and `typesVersions`. Declarations name the schemas (`Market`, `Order`) ' +
      'and parameters (`GetMarketsParams`), so hovers, errors and your own declaration files stay readable.',
    '- `sideEffects: false`: a bundler keeps only what is imported (see "Smaller bundles").',
  ].join('\n');
}

function credentials(names: ApiNames, from: string): string {
  return [
    '## Credentials and environments',
    '',
    "Create an API key in Kalshi's settings: you get a key id (a UUID) and a private key (PEM, PKCS#1 or PKCS#8).",
    '',
    '```ts',
    `import { readFileSync } from 'node:fs';`,
    `import { ${names.factoryName} } from '${from}';`,
    '',
    `const kalshi = ${names.factoryName}({`,
    `  environment: 'demo', // or 'production' (the default)`,
    '  apiKeyId: process.env.KALSHI_API_KEY_ID,',
    `  privateKeyPem: readFileSync('kalshi-key.pem', 'utf8'),`,
    '});',
    '```',
    '',
    'Instead of `privateKeyPem`, pass `signer`: any object with `sign(message): Promise<string>`, for example',
    '`createWebCryptoSigner(pem)` (exported; WebCrypto only) or a signer backed by a hardware key. On Node the',
    'default signer uses `node:crypto`; in browsers and edge runtimes it uses WebCrypto.',
    '',
    `Environments: production \`${names.environments.production}\`, demo \`${names.environments.demo}\`. ` +
      'A custom `baseUrl` is accepted with or without the `/trade-api/v2` prefix (it is never doubled). ' +
      'The key is parsed once; each client signs with its own key, and nothing global is changed, so several ' +
      'accounts can be used side by side. Public operations work without credentials; a signed operation called ' +
      'without them throws `KalshiConfigError` before anything is sent.',
  ].join('\n');
}

function calling(): string {
  return [
    '## Calling an operation',
    '',
    'Path parameters come first, in path order, then one object with the query parameters or the body fields, then per-call options.',
    '',
    '```ts',
    'const { balance } = await kalshi.getBalance();',
    `const { orders } = await kalshi.getOrders({ status: 'resting', limit: 200 });`,
    `const order = await kalshi.createOrderV2({`,
    `  ticker: 'KXBTC-25DEC31-T100000',`,
    `  side: 'bid', // buy YES`,
    `  count: '1.00',`,
    `  price: '0.4000',`,
    `  time_in_force: 'good_till_canceled',`,
    `  self_trade_prevention_type: 'taker_at_cross',`,
    `});`,
    'await kalshi.cancelOrderV2(order.order_id, {}, { timeoutMs: 5_000 });',
    '```',
    '',
    'Per-call options: `signal` (an `AbortSignal`), `timeoutMs`, `maxRetries`, `headers`. The raw openapi-fetch ' +
      "client stays reachable for `{ data, error, response }` results: `kalshi.raw.GET('/portfolio/balance')`. " +
      'Middleware added with `kalshi.raw.use()` sees only those raw calls; to observe every request, pass your own ' +
      '`fetch` in the client options.',
  ].join('\n');
}

function functions(names: ApiNames, from: string): string {
  return [
    '## Smaller bundles: one function per operation',
    '',
    `Every method of \`${names.className}\` is also exported as a function taking a client first. With ` +
      `\`${names.baseFactoryName}()\`, which has no per-operation methods, a bundler keeps only the operations you import ` +
      '(the class carries all of them). Calls of public operations carry no signing code, and that client takes its ' +
      'optional parts as objects, so a bundle carries only the ones it uses: credentials as a signer, a rate limit as ' +
      '`createRateLimiter(...)` (one limiter may serve several clients of an account), clock-skew correction as ' +
      '`new ClockCorrection()`:',
    '',
    '```ts',
    `import { ClockCorrection, createDefaultSigner, createRateLimiter, ${names.baseFactoryName}, getExchangeStatus, getMarket } from '${from}';`,
    '',
    `const publicClient = ${names.baseFactoryName}({ environment: 'demo' });`,
    'const { trading_active } = await getExchangeStatus(publicClient);',
    `const { market } = await getMarket(publicClient, 'KXBTC-25DEC31-T100000');`,
    '',
    `const trader = ${names.baseFactoryName}({`,
    `  environment: 'demo',`,
    '  apiKeyId: process.env.KALSHI_API_KEY_ID,',
    `  signer: createDefaultSigner(process.env.KALSHI_PRIVATE_KEY_PEM ?? ''),`,
    '  rateLimit: createRateLimiter({ readsPerSecond: 20, writesPerSecond: 10 }),',
    '  correctClockSkew: new ClockCorrection(),',
    '});',
    '```',
    '',
    `The functions accept a \`${names.className}\` too (\`getMarket(kalshi, ticker)\`).`,
  ].join('\n');
}

function errors(from: string): string {
  return [
    '## Errors',
    '',
    'Every error is a `KalshiError`. A response with an error status throws a subclass of `KalshiApiError` ' +
      '(with `status`, `code`, `details`, `body`, `retryAfterMs`), whatever shape the error body has; the ' +
      'other classes say what went wrong before or instead of an answer:',
    '',
    '| status / failure | class |',
    '|---|---|',
    '| 400 | `BadRequestError` |',
    '| 401 | `AuthenticationError` (on `header_timestamp_expired`: says how far off the clock is, `clockOffsetMs`) |',
    '| 403 | `PermissionDeniedError` |',
    '| 404 | `NotFoundError` |',
    '| 409 | `ConflictError` |',
    '| 429 | `RateLimitError` (`retryAfterMs` when the server said when to retry) |',
    '| 5xx | `InternalServerError` |',
    '| other 4xx | `KalshiApiError` |',
    '| 2xx whose body is not JSON (an HTML page, a truncated text) | `KalshiResponseParseError` (`status`, `contentType`, `bodySnippet`) |',
    '| no complete response (refused, reset, body cut off) | `KalshiConnectionError` |',
    "| out of time | `KalshiTimeoutError` (`kind`: `'attempt'` for `timeoutMs`, `'total'` for `totalTimeoutMs`) |",
    "| the call's `signal` aborted | `KalshiAbortError` |",
    '| the signer failed (nothing sent) | `KalshiSigningError` |',
    '| a path parameter missing, empty, `.`, `..` or not a string or number (nothing signed or sent) | `KalshiPathParameterError` (`parameter`, `path`) |',
    '| bad options, missing credentials, an RSA key under 2048 bits | `KalshiConfigError` |',
    '',
    '```ts',
    `import { AuthenticationError } from '${from}';`,
    '',
    'try {',
    '  await kalshi.getBalance();',
    '} catch (error) {',
    '  if (error instanceof AuthenticationError) console.error(error.status, error.details);',
    '  else throw error;',
    '}',
    '```',
    '',
    'Private keys and signatures never appear in error messages, their `cause` chains, `toString()`, JSON or logs.',
  ].join('\n');
}

function pagination(): string {
  return [
    '## Pagination',
    '',
    'List operations with a cursor return a listing: `await` gives the first page, `.iterPages()` walks every page, and',
    'where one array is the listing, `for await` walks every item of every page:',
    '',
    '```ts',
    `const firstPage = await kalshi.getMarkets({ status: 'open', limit: 1000 });`,
    `for await (const order of kalshi.getOrders({ status: 'resting' })) console.log(order.order_id);`,
    `for await (const page of kalshi.getFills({ limit: 200 }).iterPages()) console.log(page.fills.length);`,
    '```',
    '',
    'Pages holding several arrays are walked by pages: `getPositions` returns `market_positions` and `event_positions`',
    'on every page, and neither is the listing alone. The "listing" column of the operation tables says which array,',
    'if any, `for await` walks.',
    '',
    '```ts',
    'for await (const page of kalshi.getPositions({ limit: 1000 }).iterPages()) {',
    '  for (const position of page.market_positions) console.log(position.ticker, position.position_fp);',
    '  for (const event of page.event_positions) console.log(event.event_ticker, event.total_cost_dollars);',
    '}',
    '```',
    '',
    'Every filter is sent again with each page; iteration stops on an empty cursor and throws `KalshiPaginationError` if the server repeats one.',
  ].join('\n');
}

function retries(names: ApiNames): string {
  return [
    '## Retries, timeouts and rate limits',
    '',
    'Requests are retried twice by default (exponential backoff from 0.5 s with jitter, honouring `Retry-After`) ' +
      'on 429, 5xx, connection errors and attempt timeouts: GET and DELETE always, order-creating POSTs only with a ' +
      '`client_order_id` (one is generated when omitted, so a retry cannot fill twice; `autoClientOrderId: false` ' +
      'turns that off). Every attempt is signed afresh. A `Retry-After` beyond 60 s is not waited for: the call ' +
      'ends at once with `RateLimitError`, whose `retryAfterMs` says when to come back. Signing failures, bodies ' +
      'that are not JSON, aborts and the total timeout are never retried.',
    '',
    'Two time limits, both per client and per call: `timeoutMs` (default 30 s) for each attempt, body included, and ' +
      '`totalTimeoutMs` (default 60 s) for the whole call, every attempt, backoff and rate-limit wait included; ' +
      'a wait that would outlast it is not started. `Infinity` turns either off.',
    '',
    '```ts',
    `const bot = ${names.factoryName}({ maxRetries: 4, timeoutMs: 10_000, totalTimeoutMs: 20_000, rateLimit: { readsPerSecond: 20, writesPerSecond: 10 } });`,
    'await bot.getBalance({}, { totalTimeoutMs: 2_000 });',
    '```',
    '',
    'Kalshi rejects a signature whose timestamp is a few seconds off its clock. Requests wait unsigned for one of ' +
      '`maxConcurrentRequests` slots (default 128; fewer while responses come back slowly) and are signed just ' +
      "before they are sent, so a burst or a busy machine does not age them. A timestamp rejection says whether " +
      "this machine's clock is off, and by how much; `correctClockSkew: true` signs with the server's time " +
      '(from its `Date` headers) instead.',
  ].join('\n');
}
