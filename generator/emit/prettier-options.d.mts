import type { Options } from 'prettier';

export declare const PRETTIER_OPTIONS: Options;
export declare const FORMATTED: RegExp;
export declare function prettierOptionsFor(path: string): Options;
