import type { JsonObject, JsonValue } from '../../openapi/json.ts';
import { stripBold, unescapeMarkdown } from './markdown.ts';
import { parseTypeText, type TypeSchema } from './type-expression.ts';

/**
 * SDK type texts → JSON schemas. The pages are rendered by openapi-generator's `api_doc.mustache`: primitives
 * (and inline enums, whose dataType is `'a' | 'b'`) as `[**dataType**]`, models and arrays as `**dataType**`,
 * and every enum is then followed by the decoration `**Array<a &#124; b>**`, which the template writes for
 * enums whether or not the parameter is an array. The bracket is therefore the type; the decoration is only
 * used when the bracket cannot be read.
 */

export interface SdkType extends TypeSchema {
  /** The type is written `[**...**]`, the generator's form for primitives and enums. */
  bracketed: boolean;
}

/** Parses a Type cell; undefined when the text is not a type this reader knows. */
export function parseSdkType(cell: string): SdkType | undefined {
  const text = stripBold(unescapeMarkdown(cell)).trim();
  if (!text) return undefined;
  const bracket = /^\[(.*)\]\s*((?:Array\s*<.*>)?)$/.exec(text);
  if (!bracket) {
    const parsed = parseTypeText(text);
    return parsed ? { ...parsed, bracketed: false } : undefined;
  }
  const inner = parseTypeText(bracket[1]!);
  if (inner) return { ...inner, bracketed: true };
  const decoration = /^Array\s*<(.*)>$/.exec(bracket[2]!.trim())?.[1];
  const fallback = decoration !== undefined ? parseTypeText(decoration) : undefined;
  return fallback ? { ...fallback, bracketed: true } : undefined;
}

/** A `defaults to X` value converted to the schema's type; undefined for `undefined` or an unusable value. */
export function defaultValue(text: string, schema: JsonObject): JsonValue | undefined {
  const raw = text.trim().replace(/^(['"])(.*)\1$/, '$2');
  if (raw === '' || raw === 'undefined') return undefined;
  if (raw === 'null') return null;
  const type = schema.type;
  if (type === 'integer' || type === 'number') return Number.isFinite(Number(raw)) ? Number(raw) : undefined;
  if (type === 'boolean') return raw === 'true' ? true : raw === 'false' ? false : undefined;
  if (type === 'string') return raw;
  if (type === 'array' || typeof schema.$ref === 'string') return undefined;
  if (/^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
  if (raw === 'true' || raw === 'false') return raw === 'true';
  return raw;
}
