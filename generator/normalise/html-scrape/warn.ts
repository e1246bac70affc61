import type { Diagnostics } from '../../diagnostics/diagnostic.ts';

/** Reports a warning at a 1-based line of the page being normalised. */
export type Warn = (code: string, message: string, line: number) => void;

export function warnerFor(file: string, diagnostics: Diagnostics): Warn {
  return (code, message, line) => diagnostics.warn(code, message, { file, line });
}
