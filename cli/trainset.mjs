#!/usr/bin/env node
// Entry point of `npx trainset`. The CLI is TypeScript that shares lib/ with the app; tsx compiles it
// on the fly so a fresh clone works right after `npm ci`, with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
