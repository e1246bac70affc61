/**
 * `inspect.ts` in browser bundles (the package's `browser` field maps one to the other): browsers have no
 * `util.inspect`, so nothing is installed, and a bundler drops the calls, with the methods they would install.
 */
import type { InspectMethod } from './inspect.js';

export function installInspect(_prototype: object, _method: InspectMethod): void {}
