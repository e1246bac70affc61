import type { ApiNames } from './api-names.ts';
import { wsEntries } from './package-files.ts';

/** The package README's real-time section: streaming, books, fills, and what reconnects and gaps mean. */
export function realTimeSection(packageName: string, apis: readonly ApiNames[], realTime: ReadonlySet<string>): string[] {
  const entries = wsEntries(apis, realTime);
  const trade = entries.find((e) => e.api === 'trade');
  if (trade === undefined) return [];
  const from = `${packageName}/${trade.entry}`;
  const perps = entries.find((e) => e.api === 'perps');
  return [
    [
      '## Real time (WebSocket)',
      '',
      `\`${from}\` streams Kalshi's WebSocket channels on Node (with the \`ws\` package, installed with this one): ` +
        'one connection, signed like the REST requests (`GET /trade-api/ws/v2`), kept alive and reopened by itself. ' +
        'Each subscription is an async iterable of its channel\'s typed messages.',
      '',
      '```ts',
      `import { readFileSync } from 'node:fs';`,
      `import { createKalshiStream } from '${from}';`,
      '',
      'const stream = createKalshiStream({',
      `  environment: 'demo',`,
      '  apiKeyId: process.env.KALSHI_API_KEY_ID,',
      `  privateKeyPem: readFileSync('kalshi-key.pem', 'utf8'),`,
      '});',
      `const tickers = await stream.subscribe('ticker', { market_tickers: ['KXBTC-25DEC31-T100000'] });`,
      'for await (const message of tickers) {',
      `  if (message.type === 'gap') continue; // see "Reconnects and gaps"`,
      '  console.log(message.msg.market_ticker, message.msg.yes_bid_dollars, message.msg.yes_ask_dollars);',
      '}',
      '```',
      '',
      '`subscribe()` resolves once Kalshi confirms and rejects with a `KalshiCommandError` carrying Kalshi\'s numeric ' +
        '`code` (`6` already subscribed, `16` market not found, ...; `terminal` for 10, 17, 25). ' +
        '`await sub.update({ action: \'add_markets\', market_tickers: [...] })` and `await sub.unsubscribe()` ' +
        'likewise; leaving a `for await` loop unsubscribes. `stream.close()` (or the `signal` option) ends everything.',
      '',
      'The types are generated from Kalshi\'s AsyncAPI document, shipped as ' +
        `\`${packageName}/asyncapi/${trade.api}.json\`: \`TradeChannels\` (each channel's subscribe params, messages and ` +
        'update params), every message and command (`TickerMessage`, `FillMessage`, `SubscribeCommand`, ..., discriminated ' +
        'on `type` and `cmd`) and their unions `TradeStreamMessage` and `TradeStreamCommand`, all exported from ' +
        `\`${from}\`.`,
    ].join('\n'),
    [
      '### Keep an order book',
      '',
      '```ts',
      'const stream = createKalshiStream({ apiKeyId: process.env.KALSHI_API_KEY_ID, privateKeyPem: process.env.KALSHI_PRIVATE_KEY_PEM });',
      `const book = await stream.orderbook('KXBTC-25DEC31-T100000').ready();`,
      `console.log(book.bestBid('yes'), book.bestAsk('yes')); // { price: '0.4200', size: '150.00' }`,
      'for await (const update of book.updates()) {',
      `  if (update.type === 'gap') console.warn('book out of sync until the next snapshot:', update.reason);`,
      `  else console.log(book.levels('yes').slice(0, 3), book.levels('no').slice(0, 3));`,
      '}',
      '```',
      '',
      'The book is kept from `orderbook_snapshot` and `orderbook_delta` (one subscription for all books): yes and no ' +
        'bid ladders, best first, prices and sizes as exact fixed-point strings (never floats); the yes ask is implied ' +
        'by the best no bid (1 − price) and the other way round. `book.synced` is false between a gap and the ' +
        'snapshot that rebuilds it; `book.onUpdate(fn)` is the synchronous form of `updates()`.',
    ].join('\n'),
    [
      '### React to fills',
      '',
      '```ts',
      'const stream = createKalshiStream({ apiKeyId: process.env.KALSHI_API_KEY_ID, privateKeyPem: process.env.KALSHI_PRIVATE_KEY_PEM });',
      `const fills = await stream.subscribe('fill');`,
      'for await (const fill of fills) {',
      `  if (fill.type === 'gap') continue;`,
      '  console.log(fill.msg.order_id, fill.msg.outcome_side, fill.msg.count_fp, "@", fill.msg.yes_price_dollars);',
      '}',
      '```',
    ].join('\n'),
    [
      '### Reconnects and gaps',
      '',
      '- Kalshi pings every 10 s and the stream answers. No frame at all for `heartbeatTimeoutMs` (default 20 s; the ' +
        'stream pings after half of it) means a dead connection; so does a command unanswered for `commandTimeoutMs`.',
      '- A lost connection is reopened after 0.5 s · 2^(n−1) ±25 % (at most 8 s), signed afresh, without limit unless ' +
        '`reconnect: { maxAttempts }` or `reconnect: false`. A refused key (401) ends the stream with `AuthenticationError`.',
      '- Every live subscription is subscribed again (with the markets added or removed since), and its iterator ' +
        'yields `{ type: \'gap\', reason: \'reconnect\' }` where messages may be missing, then goes on.',
      '- `seq` must grow by one per subscription. On `orderbook_delta` a jump means lost deltas: the subscription is ' +
        'subscribed again and starts over with a snapshot (`gap`, `reason: \'sequence\'`); elsewhere the gap is reported ' +
        'and messages go on. A terminal channel error (10, 17, 25) is handled the same way (`reason: \'channel_error\'`).',
      '- Each subscription buffers up to `bufferSize` unread messages (default 10 000). When full, `overflow: ' +
        '\'drop-oldest\'` (default) drops the oldest and yields `{ type: \'gap\', reason: \'overflow\', dropped }` (an ' +
        '`orderbook_delta` subscription drops all it holds and resubscribes for a fresh snapshot); `overflow: \'error\'` ' +
        'ends the iterator with `KalshiStreamOverflowError`.',
      '- Browsers cannot put headers on a WebSocket handshake, and Kalshi requires a signed one even for public ' +
        'channels: in a browser, connect (`url`, no credentials) to a relay of yours that signs the upgrade server-side; ' +
        'a WHATWG `WebSocket` class can also be passed as `WebSocket`.',
      ...(perps === undefined
        ? []
        : [
            '',
            `The perps API has its own stream in \`${packageName}/${perps.entry}\` (typed by \`PerpsChannels\`; its books ` +
              'have `bid` and `ask` ladders: `book.bestBid()`, `book.bestAsk()`).',
          ]),
    ].join('\n'),
  ];
}
