/**
 * A cheap upper estimate of how deep a YAML text nests, read before the YAML library sees it: the library recurses
 * once per level, so a text nesting thousands deep would overflow the stack inside it (and a stack overflow in
 * native code ends the process, it cannot be caught). Counted: flow brackets (`[`, `{`) open at once, outside
 * quotes and comments, and per line its indentation plus its leading block-sequence markers (`- - - x`).
 */
export function nestingEstimate(text: string): { depth: number; line: number } {
  let flow = 0;
  let deepest = { depth: 0, line: 1 };
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    const indent = line.length - line.trimStart().length;
    const markers = /^(?:-(?:[ \t]+|$))*/.exec(line.trimStart())![0].replace(/[ \t]/g, '').length;
    const brackets = flowBrackets(line, flow);
    flow = brackets.end;
    const depth = Math.max(Math.ceil(indent / 2) + markers, brackets.peak);
    if (depth > deepest.depth) deepest = { depth, line: index + 1 };
  });
  return deepest;
}

/** The flow depth at the end of a line and the deepest it reached on it, outside quoted strings and comments. */
function flowBrackets(line: string, start: number): { end: number; peak: number } {
  let depth = start;
  let peak = start;
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote && !(quote === '"' && line[i - 1] === '\\')) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) break;
    else if (c === '[' || c === '{') peak = Math.max(peak, ++depth);
    else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
  }
  return { end: depth, peak };
}
