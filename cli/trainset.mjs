#!/usr/bin/env node
// Entry point of `npx trainset`. The CLI is TypeScript that shares lib/ with the app. `npm ci`
// bundles it (cli/build.mjs, the `prepare` script) so it starts at once; when a file of cli/ or
// lib/ is newer than the bundle (an edit since), tsx compiles the sources instead, so what runs
// is always the code in the tree (TRAINSET_FROM_SOURCE=1 asks for the sources whatever the dates).
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('..', import.meta.url);
const bundle = new URL('dist/cli/main.mjs', root);

/** The newest modification time of the .ts files under `dir` (a few hundred stat calls, a few ms). */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) latest = Math.max(latest, newest(path));
    else if (entry.name.endsWith('.ts')) latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}

function bundleIsFresh() {
  if (process.env.TRAINSET_FROM_SOURCE) return false;
  try {
    const built = statSync(bundle).mtimeMs;
    return ['cli', 'lib'].every((d) => newest(fileURLToPath(new URL(d, root))) <= built);
  } catch {
    return false;
  }
}

let main;
if (bundleIsFresh()) ({ main } = await import(bundle.href));
else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('./main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
