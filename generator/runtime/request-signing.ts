/**
 * What signing adds to a signed call, apart from the transport so that a bundle whose calls are all public
 * carries none of it: each attempt signed with a fresh timestamp once it may go out, at most a slice of signing
 * per event-loop turn for each client (`signing-pace.ts`), and the explanation of a timestamp rejection in its
 * error (`clock-skew.ts`).
 */
import type { CallSigning } from './attempt.js';
import { explainTimestampRejection } from './clock-skew.js';
import type { SigningContext } from './credentials.js';
import { SigningPacer } from './signing-pace.js';
import { HEADER_TIMESTAMP, signedHeaders } from './signing.js';

/** One pacer per client (per credentials): its calls share the signing time of an event-loop turn. */
const pacers = new WeakMap<SigningContext, SigningPacer>();

/** The signing of calls made with `context`, a client's credentials. */
export function requestSigning(context: SigningContext): CallSigning {
  let pacer = pacers.get(context);
  if (pacer === undefined) pacers.set(context, (pacer = new SigningPacer()));
  const paced = pacer;
  return {
    async sign(request, now, deadline) {
      let passed = false;
      const done = (): void => {
        if (!passed) paced.done();
        passed = true;
      };
      try {
        const turn = paced.turn();
        if (turn !== undefined) await turn;
        if (deadline.signal.aborted) throw deadline.abortError();
        const headers = await signedHeaders(context.signer, context.keyId, request.method, request.url, now);
        return { headers, signedAtMs: Number(headers[HEADER_TIMESTAMP]), done };
      } catch (error) {
        done();
        throw error;
      }
    },
    explain: explainTimestampRejection,
  };
}
