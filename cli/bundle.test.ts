import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from './testing';

/** Run the CLI's `main` from `entry` (a bundle, or the sources through tsx), timed. */
function run(entry: 'bundle' | 'sources', outdir: string, args: string[]) {
  const t0 = performance.now();
  const r =
    entry === 'bundle'
      ? spawnSync(
          process.execPath,
          [
            '--input-type=module',
            '-e',
            `const { main } = await import(${JSON.stringify(pathToFileURL(join(outdir, 'main.mjs')).href)}); process.exitCode = await main(${JSON.stringify(args)});`,
          ],
          {
            cwd: ROOT,
            encoding: 'utf8',
          },
        )
      : spawnSync(process.execPath, [join(ROOT, 'cli/trainset.mjs'), ...args], {
          cwd: ROOT,
          encoding: 'utf8',
          env: { ...process.env, TRAINSET_FROM_SOURCE: '1' },
        });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - t0 };
}

describe('the CLI bundle (npm ci builds it: the prepare script)', () => {
  it('is built by cli/build.mjs and answers as the sources do, without compiling TypeScript first', () => {
    // A folder of its own inside the project (its imports resolve to node_modules), so CLI runs of other tests are not disturbed.
    const outdir = join(ROOT, 'node_modules/.cache/trainset-bundle-test');
    rmSync(outdir, { recursive: true, force: true });
    const build = spawnSync(process.execPath, [join(ROOT, 'cli/build.mjs'), outdir], { cwd: ROOT, encoding: 'utf8' });
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
    for (const args of [['--help'], ['export'], ['check', 'nope.csv']]) {
      const bundled = run('bundle', outdir, args);
      const sources = run('sources', outdir, args);
      expect([bundled.status, bundled.stdout, bundled.stderr]).toEqual([sources.status, sources.stdout, sources.stderr]);
    }
    const bundled = run('bundle', outdir, ['--help']);
    const sources = run('sources', outdir, ['--help']);
    expect(bundled.ms).toBeLessThan(sources.ms);
  });
});
