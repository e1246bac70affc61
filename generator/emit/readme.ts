import type { ApiNames } from './api-names.ts';
import type { OperationModel } from './operation-model.ts';
import { realTimeSection } from './readme-ws.ts';

/** The generated package's README: runnable snippets first, then the table of every operation. */
export function packageReadme(packageName: string, apis: readonly { names: ApiNames; operations: readonly OperationModel[] }[]): string {
  const trade = apis.find((a) => a.names.api === 'trade') ?? apis[0]!;
  const { className, factoryName } = trade.names;
  const importFrom = (names: ApiNames) => (names.entry === 'index' ? packageName : `${packageName}/${names.entry}`);
  const sections = [
    `# ${packageName}`,
    `Typed TypeScript client for ${apis.map((a) => `the ${a.names.title}`).join(' and ')}, generated from Kalshi's documentation. ` +
      'Every operation is a method that returns the parsed, typed body and throws typed errors; requests that need ' +
      'authentication are signed with RSA-PSS exactly as Kalshi verifies them.',
    '## Install\n\n```sh\nnpm install ' + packageName + '\n```\n\nNode 20 or later; browsers, Deno, Bun and edge runtimes work too (signing uses WebCrypto there).',
    [
      '## Credentials and environments',
      '',
      'Create an API key in Kalshi\'s settings: you get a key id (a UUID) and a private key (PEM, PKCS#1 or PKCS#8).',
      '',
      '```ts',
      `import { readFileSync } from 'node:fs';`,
      `import { ${factoryName} } from '${importFrom(trade.names)}';`,
      '',
      `const kalshi = ${factoryName}({`,
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
      `Environments: production \`${trade.names.environments.production}\`, demo \`${trade.names.environments.demo}\`. ` +
        'A custom `baseUrl` is accepted with or without the `/trade-api/v2` prefix (it is never doubled). ' +
        'The key is parsed once; each client signs with its own key, and nothing global is changed, so several ' +
        'accounts can be used side by side. Public operations work without credentials; a signed operation called ' +
        'without them throws `KalshiConfigError` before anything is sent.',
    ].join('\n'),
    [
      '## Calling an operation',
      '',
      'Path parameters come first, in path order, then one object with the query parameters or the body fields, then per-call options.',
      '',
      '```ts',
      'const { balance } = await kalshi.getBalance();',
      `const { orders } = await kalshi.getOrders({ status: 'resting', limit: 200 });`,
      `const { order } = await kalshi.createOrder({ ticker: 'KXBTC-25DEC31-T100000', side: 'yes', action: 'buy', count: 1, yes_price: 40 });`,
      'await kalshi.cancelOrder(order.order_id, {}, { timeoutMs: 5_000 });',
      '```',
      '',
      'Per-call options: `signal` (an `AbortSignal`), `timeoutMs`, `maxRetries`, `headers`. The raw openapi-fetch ' +
        'client stays reachable for `{ data, error, response }` results: `kalshi.raw.GET(\'/portfolio/balance\')`.',
    ].join('\n'),
    [
      '## Errors',
      '',
      'Failed requests throw subclasses of `KalshiApiError` (with `status`, `code`, `details`, `body`), whatever shape the error body has:',
      '',
      '| status | class |',
      '|---|---|',
      '| 400 | `BadRequestError` |',
      '| 401 | `AuthenticationError` |',
      '| 403 | `PermissionDeniedError` |',
      '| 404 | `NotFoundError` |',
      '| 409 | `ConflictError` |',
      '| 429 | `RateLimitError` |',
      '| 5xx | `InternalServerError` |',
      '| no response | `KalshiConnectionError`, `KalshiTimeoutError` |',
      '',
      '```ts',
      `import { AuthenticationError } from '${importFrom(trade.names)}';`,
      '',
      'try {',
      '  await kalshi.getBalance();',
      '} catch (error) {',
      '  if (error instanceof AuthenticationError) console.error(error.status, error.details);',
      '  else throw error;',
      '}',
      '```',
      '',
      'Private keys and signatures never appear in error messages, `toString()`, JSON or logs.',
    ].join('\n'),
    [
      '## Pagination',
      '',
      'List operations with a cursor return a page that is also async-iterable over every item of every page:',
      '',
      '```ts',
      `const firstPage = await kalshi.getMarkets({ status: 'open', limit: 1000 });`,
      `for await (const order of kalshi.getOrders({ status: 'resting' })) console.log(order.order_id);`,
      `for await (const page of kalshi.getFills({ limit: 200 }).iterPages()) console.log(page.fills.length);`,
      '```',
      '',
      'Every filter is sent again with each page; iteration stops on an empty cursor and throws if the server repeats one.',
    ].join('\n'),
    [
      '## Retries, timeouts and rate limits',
      '',
      'Requests are retried twice by default (exponential backoff from 0.5 s with jitter, honouring `Retry-After`) ' +
        'on 429, 5xx, connection errors and timeouts: GET and DELETE always, order-creating POSTs only with a ' +
        '`client_order_id` (one is generated when omitted, so a retry cannot fill twice; `autoClientOrderId: false` ' +
        'turns that off). Every attempt is signed afresh.',
      '',
      '```ts',
      `const bot = ${factoryName}({ maxRetries: 4, timeoutMs: 10_000, rateLimit: { readsPerSecond: 20, writesPerSecond: 10 } });`,
      '```',
    ].join('\n'),
    ...realTimeSection(packageName, apis.map((a) => a.names)),
    ...apis.map(({ names, operations }) => operationTable(names, operations, importFrom(names))),
  ];
  return sections.join('\n\n') + '\n';
}

function operationTable(names: ApiNames, operations: readonly OperationModel[], from: string): string {
  const rows = operations.map(
    (op) =>
      `| \`${op.method.toUpperCase()}\` | \`${escapeCell(op.path)}\` | \`${op.wrapperName}\` | ${op.signed ? 'signed' : 'public'}${op.pagination ? ', paginated' : ''}${op.deprecated ? ', deprecated' : ''} |`,
  );
  return [
    `## ${names.title}: operations (${operations.length})`,
    '',
    `\`${names.className}\` from \`${from}\` (\`${names.factoryName}()\`).`,
    '',
    '| method | path | wrapper | auth |',
    '|---|---|---|---|',
    ...rows,
  ].join('\n');
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/`/g, "'");
}
