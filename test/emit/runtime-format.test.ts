import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { prettierOptionsFor } from '../../generator/emit/prettier-options.mjs';
import { RUNTIME_DIR } from '../../generator/emit/package-files.ts';

/** The runtime is copied into the package without being formatted again: it must already be prettier-clean. */
describe('generator/runtime', () => {
  const files = ['', 'ws/'].flatMap((folder) =>
    readdirSync(join(RUNTIME_DIR, folder))
      .filter((name) => name.endsWith('.ts'))
      .sort()
      .map((name) => folder + name),
  );
  it.each(files)('%s is formatted as the generated package is', async (name) => {
    const text = readFileSync(join(RUNTIME_DIR, name), 'utf8');
    expect(await prettier.check(text, prettierOptionsFor(name))).toBe(true);
  });
});
