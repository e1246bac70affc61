import type { JsonObject, JsonValue } from '../../openapi/json.ts';

/** A TypeScript type expression as written by the SDK (`Array<'a' | 'b'>`, `GetOrdersResponse`) and its JSON schema. */
export interface TypeSchema {
  schema: JsonObject;
  /** The model name when the type is a model (`CreateOrderRequest`), for body detection. */
  model?: string;
}

/** Parses a TypeScript type expression such as `Array<'a' | 'b'>` or `GetOrdersResponse`. */
export function parseTypeText(text: string): TypeSchema | undefined {
  const tokens =
    text.match(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|[A-Za-z_$][\w$.]*|\[\]|[<>|(),{}:;[\]]|\S/g) ?? [];
  const parser = new TypeParser(tokens);
  try {
    const type = parser.union();
    return parser.done() ? type : undefined;
  } catch {
    return undefined;
  }
}

const PRIMITIVES: Record<string, JsonObject> = {
  string: { type: 'string' },
  number: { type: 'number' },
  integer: { type: 'integer' },
  boolean: { type: 'boolean' },
  object: { type: 'object' },
  Date: { type: 'string', format: 'date-time' },
  File: { type: 'string', format: 'binary' },
  Blob: { type: 'string', format: 'binary' },
  any: {},
  unknown: {},
};

type Parsed = TypeSchema;

class TypeParser {
  private index = 0;
  constructor(private readonly tokens: readonly string[]) {}

  done(): boolean {
    return this.index === this.tokens.length;
  }

  union(): Parsed {
    const members = [this.postfix()];
    while (this.peek() === '|') {
      this.index++;
      members.push(this.postfix());
    }
    return members.length === 1 ? members[0]! : { schema: unionSchema(members.map((m) => m.schema)) };
  }

  private postfix(): Parsed {
    let type = this.primary();
    while (this.peek() === '[]') {
      this.index++;
      type = { schema: { type: 'array', items: type.schema } };
    }
    return type;
  }

  private primary(): Parsed {
    const token = this.next();
    if (token === '(') return this.close(this.union(), ')');
    if (/^['"]/.test(token)) return { schema: { type: 'string', enum: [token.slice(1, -1)] } };
    if (/^-?\d/.test(token))
      return { schema: { type: Number.isInteger(Number(token)) ? 'integer' : 'number', enum: [Number(token)] } };
    if (token === 'true' || token === 'false') return { schema: { type: 'boolean', enum: [token === 'true'] } };
    if (token === 'null') return { schema: { nullable: true } };
    if (/^(Array|Set|ReadonlyArray)$/.test(token) && this.peek() === '<') {
      this.index++;
      const items = this.close(this.union(), '>');
      return { schema: { type: 'array', items: items.schema, ...(token === 'Set' ? { uniqueItems: true } : {}) } };
    }
    const primitive = PRIMITIVES[token];
    if (primitive) return { schema: { ...primitive } };
    if (/^[A-Z][\w$]*$/.test(token)) return { schema: { $ref: `#/components/schemas/${token}` }, model: token };
    throw new Error(`unknown type ${token}`);
  }

  private close(type: Parsed, token: string): Parsed {
    if (this.next() !== token) throw new Error(`expected ${token}`);
    return type;
  }

  private peek(): string | undefined {
    return this.tokens[this.index];
  }

  private next(): string {
    const token = this.tokens[this.index++];
    if (token === undefined) throw new Error('unexpected end of type');
    return token;
  }
}

/** `'a' | 'b'` → one enum; `1 | 60` → integer enum; `X | null` → nullable X; anything else → oneOf. */
function unionSchema(members: JsonObject[]): JsonObject {
  const nullable = members.some((m) => m.nullable === true && Object.keys(m).length === 1);
  const rest = members.filter((m) => !(m.nullable === true && Object.keys(m).length === 1));
  const types = new Set(rest.map((m) => m.type));
  const allEnums = rest.length > 0 && rest.every((m) => Array.isArray(m.enum));
  let schema: JsonObject;
  if (rest.length === 0) {
    schema = {};
  } else if (allEnums && types.size === 1) {
    schema = { type: rest[0]!.type!, enum: rest.flatMap((m) => m.enum as JsonValue[]) };
  } else if (allEnums && [...types].every((t) => t === 'integer' || t === 'number')) {
    schema = { type: 'number', enum: rest.flatMap((m) => m.enum as JsonValue[]) };
  } else if (rest.length === 1) {
    schema = { ...rest[0]! };
  } else {
    schema = { oneOf: rest };
  }
  if (schema.type === 'boolean' && Array.isArray(schema.enum) && new Set(schema.enum).size === 2) delete schema.enum;
  return nullable ? { ...schema, nullable: true } : schema;
}
