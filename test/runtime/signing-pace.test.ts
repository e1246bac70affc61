import { describe, expect, it } from 'vitest';
import { SIGNING_SLICE_MS, SigningPacer } from '../../generator/runtime/signing-pace.js';

/** A fake clock and a hand-run "later" queue: each `turnLoop()` is one turn of the event loop. */
function fakeLoop() {
  let now = 0;
  let queue: (() => void)[] = [];
  return {
    scheduler: { clock: () => now, later: (callback: () => void) => void queue.push(callback) },
    advance: (ms: number) => void (now += ms),
    /** Runs what was scheduled before this turn, then lets the promise jobs it released run. */
    async turnLoop(): Promise<void> {
      const due = queue;
      queue = [];
      for (const callback of due) callback();
      for (let i = 0; i < 50; i++) await Promise.resolve();
    },
    get scheduled() {
      return queue.length;
    },
  };
}

/** `count` requests that each take a turn, "sign" for `signMs` of clock time, then pass the turn on. */
function burst(pacer: SigningPacer, loop: ReturnType<typeof fakeLoop>, count: number, signMs: number, signedAt: number[][], turn: () => number) {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const wait = pacer.turn();
      if (wait) await wait;
      loop.advance(signMs);
      (signedAt[turn()] ??= []).push(i);
      pacer.done();
    }),
  );
}

describe('SigningPacer', () => {
  it('a lone request signs at once', () => {
    const loop = fakeLoop();
    const pacer = new SigningPacer(loop.scheduler);
    expect(pacer.turn()).toBeUndefined();
    pacer.done();
    expect(pacer.waiting).toBe(0);
  });

  it(`a burst signs at most ${SIGNING_SLICE_MS} ms worth per event-loop turn, in arrival order`, async () => {
    const loop = fakeLoop();
    const pacer = new SigningPacer(loop.scheduler);
    const signedAt: number[][] = [];
    let turn = 0;
    const all = burst(pacer, loop, 25, 1, signedAt, () => turn);
    for (let i = 0; i < 50; i++) await Promise.resolve();
    // First turn: the slice is open for 10 ms of clock; 1 ms per signature.
    expect(signedAt[0]).toHaveLength(SIGNING_SLICE_MS);
    expect(pacer.waiting).toBe(25 - SIGNING_SLICE_MS);
    while (pacer.waiting > 0) {
      turn++;
      await loop.turnLoop();
    }
    await all;
    expect(signedAt.map((t) => t.length)).toEqual([10, 10, 5]);
    expect(signedAt.flat()).toEqual(Array.from({ length: 25 }, (_, i) => i));
  });

  it('a turn of the event loop opens a new slice for a request that arrives later', async () => {
    const loop = fakeLoop();
    const pacer = new SigningPacer(loop.scheduler);
    expect(pacer.turn()).toBeUndefined();
    loop.advance(50);
    pacer.done();
    // Same turn, slice used up: this one waits.
    const waiting = pacer.turn();
    expect(waiting).toBeInstanceOf(Promise);
    await loop.turnLoop();
    await waiting;
    pacer.done();
    loop.advance(50);
    await loop.turnLoop();
    await loop.turnLoop();
    // The loop has turned since: a new slice, signs at once.
    expect(pacer.turn()).toBeUndefined();
  });

  it('slow signatures (over the slice each) still all get their turn, one per event-loop turn', async () => {
    const loop = fakeLoop();
    const pacer = new SigningPacer(loop.scheduler);
    const signedAt: number[][] = [];
    let turn = 0;
    const all = burst(pacer, loop, 4, 25, signedAt, () => turn);
    for (let i = 0; i < 50; i++) await Promise.resolve();
    while (pacer.waiting > 0) {
      turn++;
      await loop.turnLoop();
    }
    await all;
    expect(signedAt.map((t) => t.length)).toEqual([1, 1, 1, 1]);
  });

  it('with the real scheduler, a burst completes and leaves nothing scheduled', async () => {
    const pacer = new SigningPacer();
    let signed = 0;
    await Promise.all(
      Array.from({ length: 200 }, async () => {
        const wait = pacer.turn();
        if (wait) await wait;
        const until = performance.now() + 0.2;
        while (performance.now() < until);
        signed++;
        pacer.done();
      }),
    );
    expect(signed).toBe(200);
    expect(pacer.waiting).toBe(0);
  });
});
