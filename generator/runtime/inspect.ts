/**
 * `console.log` in Node (and Deno, Bun) prints an object through `util.inspect`, which calls the method under
 * `Symbol.for('nodejs.util.inspect.custom')`: the errors and the client core install theirs (redacted, settings
 * only) on their own prototypes. Browsers never call it: the package's `browser` field swaps this file for
 * `inspect-browser.ts`, whose `installInspect` does nothing, and bundlers drop the call and the method with it.
 */

/** `util.inspect`'s custom method: `inspect` formats nested values with the caller's options. */
export type InspectMethod = (
  this: never,
  depth: number,
  options: unknown,
  inspect?: (value: unknown, options?: unknown) => string,
) => string;

export function installInspect(prototype: object, method: InspectMethod): void {
  Object.defineProperty(prototype, Symbol.for('nodejs.util.inspect.custom'), {
    value: method,
    writable: true,
    configurable: true,
  });
}
