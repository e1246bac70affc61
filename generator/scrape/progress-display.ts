import type { ScrapeEvent, ScrapeResult } from './index.ts';

/**
 * How the CLI shows a scrape: on a terminal one line rewritten in place (count, last page, retries), otherwise
 * one plain line per page and per retry, for CI logs.
 */
export function progressDisplay(stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }): { onEvent: (event: ScrapeEvent) => void; finish: () => void } {
  const tty = stream.isTTY === true;
  let width = 1;
  let live = false;
  const line = (text: string) => {
    if (tty) {
      stream.write(`\r\x1b[2K${text.slice(0, (stream.columns ?? 120) - 1)}`);
      live = true;
    } else stream.write(`${text}\n`);
  };
  return {
    onEvent(event) {
      if (event.type === 'index') {
        width = String(event.pages).length;
        if (tty) stream.write(`index ${event.url}: ${event.pages} API pages\n`);
        else line(`index ${event.url}: ${event.pages} API pages`);
      } else if (event.type === 'retry') {
        line(`retry ${event.file} in ${event.delayMs} ms (${event.reason}, attempt ${event.attempt})`);
      } else {
        const count = `[${String(event.done).padStart(width)}/${event.total}]`;
        line(`${count} ${event.outcome.padEnd(10)} ${event.file}${event.error ? `: ${event.error}` : ''}`);
      }
    },
    finish() {
      if (tty && live) stream.write('\n');
      live = false;
    },
  };
}

export function summaryText(result: ScrapeResult, specs: string): string {
  if (result.indexError) return `could not use the site's index: ${result.indexError}\n${specs}/ left untouched\n`;
  const failures = result.failed.map((f) => `  failed   ${f.file}: ${f.error}`);
  if (result.failed.length > 0 && !result.partial) {
    return [
      `scrape failed: ${result.failed.length} page(s) could not be downloaded; ${specs}/ left untouched`,
      ...failures,
      'run make scrape again, or pass --allow-partial to update the other pages anyway',
      '',
    ].join('\n');
  }
  const lines = [
    `scrape: ${result.added.length} added, ${result.changed.length} changed, ${result.unchanged.length} unchanged, ` +
      `${result.dropped.length} dropped, ${result.relisted.length} listed again, ${result.failed.length} failed`,
    ...result.added.map((f) => `  added    ${specs}/${f}`),
    ...result.changed.map((f) => `  changed  ${specs}/${f}`),
    ...result.dropped.map((f) => `  dropped  ${specs}/${f} → ${specs}/dropped/${f} (no longer listed by the site)`),
    ...result.relisted.map((f) => `  relisted ${specs}/${f}`),
    ...(result.partial
      ? [
          '',
          `WARNING: PARTIAL SCRAPE (--allow-partial): ${result.failed.length} page(s) failed; their old copies were kept`,
          `and ${specs}/manifest.json lists them under "failed". Do not publish this ${specs}/ as a release.`,
          ...failures,
        ]
      : []),
    result.written ? `${specs}/ updated` : `${specs}/ unchanged`,
  ];
  return lines.join('\n') + '\n';
}
