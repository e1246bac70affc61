import type { Change, Side } from './change.ts';
import type { Emit } from './emit.ts';
import { severityOf } from './rules.ts';

/** What a WebSocket change is about: a channel, a message, or (neither) the document as a whole. */
export interface StreamSubject {
  channel?: string;
  message?: string;
}

/** Records changes of the WebSocket API's document (`lane: asyncapi`), classified by the same rules as the REST ones. */
export function streamEmitter(out: Change[], subject: StreamSubject, side?: Side): Emit {
  return (kind, message, detail = {}) => {
    const { qualifier: _qualifier, ...where } = detail;
    out.push({
      kind,
      severity: severityOf(kind, side, detail.qualifier),
      lane: 'asyncapi',
      ...(subject.channel === undefined ? {} : { channel: subject.channel }),
      ...(subject.message === undefined ? {} : { messageName: subject.message }),
      ...(side === undefined ? {} : { side }),
      ...where,
      message,
    });
  };
}
