import type { Change, ChangeKind, OperationRef, Side } from './change.ts';
import { severityOf } from './rules.ts';

export interface EmitDetail {
  /** Refines the rule: `required`, `optional`, `success`, `error`, `wider`, `stricter`, ... (see rules.ts). */
  qualifier?: string;
  property?: string;
  /** The component schema whose definition changed, with the change worded relative to it. */
  schema?: string;
  schemaMessage?: string;
  schemaProperty?: string;
}

/** Records a change at one place of one operation, classified by the rules. */
export type Emit = (kind: ChangeKind, message: string, detail?: EmitDetail) => void;

/** Records changes of one operation (or, without one, of the document as a whole) at one location. */
export function emitter(out: Change[], operation: OperationRef | undefined, location?: string, side?: Side): Emit {
  return (kind, message, detail = {}) => {
    const { qualifier: _qualifier, ...where } = detail;
    out.push({
      kind,
      severity: severityOf(kind, side, detail.qualifier),
      ...(operation === undefined ? {} : { operation }),
      ...(location === undefined ? {} : { location }),
      ...(side === undefined ? {} : { side }),
      ...where,
      message,
    });
  };
}
