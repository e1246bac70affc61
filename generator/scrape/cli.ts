import { resolve } from 'node:path';
import { DEFAULT_POLICY, DEFAULT_SITE, scrape } from './index.ts';
import { progressDisplay, summaryText } from './progress-display.ts';
import { parseOptions, runMain } from '../command-line.ts';

const USAGE = `usage: npx tsx generator/scrape/cli.ts [--site https://docs.kalshi.com] [--specs specs] [--allow-partial]
                                          [--concurrency 8] [--retries 3] [--timeout-ms 30000]

  --allow-partial   update specs/ even if some pages fail (their old copies are kept, the manifest lists the failures)
`;

/**
 * \`make scrape\`: refreshes specs/ from the docs site (see index.ts). Progress goes to stderr, the summary
 * to stdout. Exit 0 every page downloaded and specs/ up to date; 1 the index, the sitemap or some page failed
 * (specs/ untouched, unless --allow-partial updated it anyway); 2 bad usage.
 */
export async function main(argv: string[]): Promise<number> {
  const values = parseOptions(
    argv,
    {
      site: { type: 'string', default: process.env.KALSHI_DOCS_SITE || DEFAULT_SITE },
      specs: { type: 'string', default: 'specs' },
      concurrency: { type: 'string', default: '8' },
      retries: { type: 'string', default: String(DEFAULT_POLICY.retries) },
      'timeout-ms': { type: 'string', default: String(DEFAULT_POLICY.timeoutMs) },
      'allow-partial': { type: 'boolean', default: false },
    },
    USAGE,
  );
  if (!values) return 2;
  if (!URL.canParse(values.site)) {
    process.stderr.write(`--site ${values.site}: not a URL\n\n${USAGE}`);
    return 2;
  }
  const numbers = [values.concurrency, values.retries, values['timeout-ms']].map(Number);
  if (numbers.some((n) => !Number.isInteger(n) || n < 0) || numbers[0] === 0 || numbers[2] === 0) {
    process.stderr.write(`--concurrency and --timeout-ms must be positive integers, --retries a non-negative one\n${USAGE}`);
    return 2;
  }
  const [concurrency, retries, timeoutMs] = numbers as [number, number, number];
  const display = progressDisplay(process.stderr);
  const specs = values.specs.replace(/\/$/, '');
  const result = await scrape({
    site: values.site,
    specsDir: resolve(specs),
    concurrency,
    policy: { retries, timeoutMs },
    allowPartial: values['allow-partial'],
    onEvent: display.onEvent,
  });
  display.finish();
  process.stdout.write(summaryText(result, specs));
  return result.ok ? 0 : 1;
}

runMain(main, import.meta.url);
