import type { Diagnostics } from '../../diagnostics/diagnostic.ts';
import { contentLines, type SectionPart } from './method-section.ts';
import { findTable, plainText } from './markdown.ts';
import { parseSdkType, type SdkType } from './parameter-types.ts';

/** One row of a method's `| Name | Type | Description | Notes |` table. */
export interface SdkParameter {
  name: string;
  typeText: string;
  /** Undefined when the type could not be read (already reported). */
  type?: SdkType;
  description?: string;
  notes: string;
  optional: boolean;
  /** The text after `defaults to`, when the notes have one. */
  defaultText?: string;
  line: number;
}

const HEADER = /^\s*\|?\s*Name\s*\|\s*Type\s*\|/i;
const COLUMNS = 4;

/**
 * Reads the Parameters part. Enum types such as `[**0 | 1 | 60**]` carry unescaped pipes that split the
 * Type cell over several cells; the extra cells of such a row are joined back into its type.
 */
export function readParameterTable(
  part: SectionPart | undefined,
  file: string,
  diagnostics: Diagnostics,
): SdkParameter[] {
  if (!part) return [];
  const table = findTable(part.lines, HEADER);
  if (!table) {
    const text = contentLines(part)
      .map((l) => l.text.trim())
      .join(' ');
    if (text && !/does not have any parameters|^no parameters/i.test(text)) {
      diagnostics.warn(
        'sdk-reference-parameters-unreadable',
        `the Parameters part has no | Name | Type | ... | table: "${text.slice(0, 80)}"`,
        { file, line: part.line },
      );
    }
    return [];
  }
  const parameters: SdkParameter[] = [];
  for (const { cells, line } of table.rows) {
    const parameter = readRow(cells, line, file, diagnostics);
    if (parameter) parameters.push(parameter);
  }
  return parameters;
}

function readRow(
  raw: readonly string[],
  line: number,
  file: string,
  diagnostics: Diagnostics,
): SdkParameter | undefined {
  const cells = [...raw];
  while (cells.length > COLUMNS && cells[cells.length - 1] === '') cells.pop();
  const extra = Math.max(0, cells.length - COLUMNS);
  const typeText = cells.slice(1, 2 + extra).join(' | ');
  const nameCell = cells[0] ?? '';
  const descriptionCell = cells[2 + extra] ?? '';
  const notesCell = cells[3 + extra] ?? '';
  const name = /^[A-Za-z_$][\w$]*$/.exec(plainText(nameCell))?.[0];
  if (!name) {
    diagnostics.warn('sdk-reference-parameter-name', `cannot read a parameter name from "${nameCell}"; row skipped`, {
      file,
      line,
    });
    return undefined;
  }
  const type = parseSdkType(typeText);
  if (!type) {
    diagnostics.warn(
      'sdk-reference-parameter-type',
      `cannot read the type "${typeText}" of parameter ${name}; it is given no schema type`,
      { file, line },
    );
  }
  const notes = plainText(notesCell);
  const defaults = /defaults to\s+(.*?)\s*$/i.exec(notes);
  const description = plainText(descriptionCell);
  return {
    name,
    typeText,
    ...(type ? { type } : {}),
    ...(description ? { description } : {}),
    notes,
    optional: /\(optional\)|^optional\b/i.test(notes),
    ...(defaults ? { defaultText: defaults[1]! } : {}),
    line,
  };
}
