/**
 * Diagnostics are data: every stage reports what it found through a `Diagnostics`
 * collector, and only the CLI decides what they mean for the exit code.
 */

export type Severity = 'error' | 'warning' | 'info';

/** Where a finding comes from: a page of `specs/` (path relative to the specs folder) and a 1-based line. */
export interface SourceLocation {
  file: string;
  line?: number;
}

export interface Diagnostic {
  /** Stable, kebab-case identifier of the kind of finding, e.g. `yaml-malformed`. */
  code: string;
  severity: Severity;
  message: string;
  source?: SourceLocation;
  /** JSON pointer into the merged document or into the page's OpenAPI block, when one applies. */
  pointer?: string;
  /** Other pages involved (the losing side of a conflict, the first definition of a duplicate). */
  related?: SourceLocation[];
  /** A warning the findings baseline lists as accepted (see baseline.ts). */
  known?: true;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export class Diagnostics {
  private readonly items: Diagnostic[] = [];

  add(diagnostic: Diagnostic): void {
    this.items.push(diagnostic);
  }

  error(code: string, message: string, source?: SourceLocation, extra: Partial<Diagnostic> = {}): void {
    this.add({ ...extra, code, severity: 'error', message, ...(source ? { source } : {}) });
  }

  warn(code: string, message: string, source?: SourceLocation, extra: Partial<Diagnostic> = {}): void {
    this.add({ ...extra, code, severity: 'warning', message, ...(source ? { source } : {}) });
  }

  info(code: string, message: string, source?: SourceLocation, extra: Partial<Diagnostic> = {}): void {
    this.add({ ...extra, code, severity: 'info', message, ...(source ? { source } : {}) });
  }

  count(severity: Severity): number {
    return this.items.filter((d) => d.severity === severity).length;
  }

  hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }

  /** All findings in a stable order: severity, file, line, code, message. */
  sorted(): Diagnostic[] {
    return [...this.items].sort(compareDiagnostics);
  }
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    compareText(a.source?.file ?? '', b.source?.file ?? '') ||
    (a.source?.line ?? 0) - (b.source?.line ?? 0) ||
    compareText(a.code, b.code) ||
    compareText(a.message, b.message)
  );
}

/** Locale-independent string order, so output never depends on the machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function formatLocation(source: SourceLocation | undefined): string {
  if (!source) return '(no file)';
  return source.line ? `${source.file}:${source.line}` : source.file;
}
