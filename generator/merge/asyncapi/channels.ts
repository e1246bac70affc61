import { compareText, type Diagnostics } from '../../diagnostics/diagnostic.ts';
import { jsonEqual, type JsonObject } from '../../openapi/json.ts';
import { REMOVED_EXTENSION } from '../../openapi/removed.ts';
import type { AsyncApiFragment, ChannelFragment } from '../../normalise/asyncapi-fragment.ts';
import type { PageInfo } from '../../normalise/fragment.ts';
import { compareNewestFirst, isLive, sameVintage } from '../precedence.ts';

/** One page's definition of a channel (with its operations), competing with other pages' for a place in the document. */
export interface ChannelCandidate extends ChannelFragment {
  page: PageInfo;
  whole: boolean;
}

export interface ChannelOptions {
  /** Keep the channels the docs no longer have (see `chooseChannels`), marked deprecated. */
  keepRemoved?: boolean;
}

/**
 * Two definitions rival each other when neither page is newer and both are of the same kind: a derived page is a
 * rendering of the document, lossy where the AsyncAPI parser is (keys beside a `$ref` are gone), so where the two
 * disagree the document is right, not in conflict.
 */
export function rivals(a: PageInfo, b: PageInfo): boolean {
  return sameVintage(a, b) && a.kind === b.kind;
}

/**
 * Picks one definition per channel with the precedence rules of the REST lane (`precedence.ts`): a page the docs
 * site lists outranks one it does not, then the newest wins, then the whole document over a channel page. A
 * channel has left the docs when only unlisted pages define it, or when only pages older than the newest listed
 * whole document define it and that document does not (it is the site's list of channels as of its date): it is
 * left out, or with `keepRemoved` kept with `x-removed-from-docs` and `x-deprecated`.
 */
export function chooseChannels(fragments: readonly AsyncApiFragment[], diagnostics: Diagnostics, options: ChannelOptions = {}): ChannelCandidate[] {
  const groups = new Map<string, ChannelCandidate[]>();
  for (const fragment of fragments) {
    for (const channel of fragment.channels) {
      groups.set(channel.name, [...(groups.get(channel.name) ?? []), { ...channel, page: fragment.page, whole: fragment.whole }]);
    }
  }
  const document = fragments.filter((f) => f.whole && isLive(f.page)).sort((a, b) => compareNewestFirst(a.page, b.page))[0];
  const chosen: ChannelCandidate[] = [];
  for (const name of [...groups.keys()].sort(compareText)) {
    const candidates = groups.get(name)!.sort((a, b) => compareNewestFirst(a.page, b.page));
    const winner = candidates.find((c) => isLive(c.page));
    const dropped = !winner
      ? 'only on pages the docs site no longer lists'
      : !winner.whole && document && compareNewestFirst(document.page, winner.page) < 0 && !document.channels.some((c) => c.name === name)
        ? `only on pages older than ${document.page.file}, which no longer defines it`
        : undefined;
    const kept = winner ?? candidates[0]!;
    if (dropped) {
      const removed = removedChannel(kept, dropped, diagnostics, options);
      if (removed) chosen.push(removed);
      continue;
    }
    reportLosers(kept, candidates.filter((c) => c !== kept), diagnostics);
    chosen.push(kept);
  }
  return chosen;
}

function removedChannel(channel: ChannelCandidate, why: string, diagnostics: Diagnostics, options: ChannelOptions): ChannelCandidate | undefined {
  if (!options.keepRemoved) {
    diagnostics.info('channel-not-listed', `channel ${channel.name} is ${why}; left out of the client (generate --keep-removed keeps it, deprecated)`, channel.source);
    return undefined;
  }
  const left = channel.page.lastListed ?? channel.page.date;
  diagnostics.info('channel-kept-removed', `channel ${channel.name} is ${why}; kept, deprecated`, channel.source);
  const record: JsonObject = left ? { lastListed: left } : {};
  return { ...channel, channel: { ...channel.channel, 'x-deprecated': true, [REMOVED_EXTENSION]: record } };
}

function reportLosers(winner: ChannelCandidate, losers: readonly ChannelCandidate[], diagnostics: Diagnostics): void {
  const same = (a: ChannelCandidate, b: ChannelCandidate) => jsonEqual(a.channel, b.channel) && jsonEqual(a.operations, b.operations);
  for (const loser of losers) {
    if (rivals(winner.page, loser.page) && !same(winner, loser)) {
      diagnostics.warn('channel-conflict', `channel ${winner.name} is defined differently by two pages of the same date and version; using ${winner.page.file}`, loser.source, {
        related: [winner.source],
      });
    } else {
      const why = !isLive(loser.page) ? 'the live page' : winner.whole && !loser.whole ? 'the document' : 'the newer page';
      diagnostics.info('channel-superseded', `channel ${winner.name} is superseded by ${why} ${winner.page.file}`, loser.source, { related: [winner.source] });
    }
  }
}
