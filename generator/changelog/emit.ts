import type { Change, ChangeKind, OperationRef, Side } from './change.ts';
import { severityOf } from './rules.ts';

export interface EmitDetail {
  /** Refines the rule: `required`, `optional`, `success`, `error`, `wider`, `stricter`, ... (see rules.ts). */
  qualifier?: string;
  property?: string;
  schema?: string;
}

/** Records a change at one place of one operation, classified by the rules. */
export type Emit = (kind: ChangeKind, message: string, detail?: EmitDetail) => void;

export function emitter(out: Change[], operation: OperationRef, location?: string, side?: Side): Emit {
  return (kind, message, detail = {}) => {
    out.push({
      kind,
      severity: severityOf(kind, side, detail.qualifier),
      operation,
      ...(location === undefined ? {} : { location }),
      ...(side === undefined ? {} : { side }),
      ...(detail.property === undefined ? {} : { property: detail.property }),
      ...(detail.schema === undefined ? {} : { schema: detail.schema }),
      message,
    });
  };
}
