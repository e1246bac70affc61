#!/usr/bin/env node
// `kalshi-generate` (the toolchain's package.json `bin`): the generator CLI, generator/cli.ts, run through tsx's
// loader so that no build step is needed. Same options and exit codes as `node --import tsx generator/cli.ts`.
import { register } from 'tsx/esm/api';

register();
const [{ main }, { runMain }] = await Promise.all([import('./cli.ts'), import('./command-line.ts')]);
runMain(main);
