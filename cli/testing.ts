import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';

/** What the CLI's tests share: the real command, temporary files, and the export's parity fixtures. */
export const ROOT = join(import.meta.dirname, '..');
export const FIXTURES = join(ROOT, 'lib/export/__fixtures__/e2e');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run the real command, as a CI job would: `node cli/trainset.mjs …`. */
export function trainset(args: string[], cwd = ROOT, env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [join(ROOT, 'cli/trainset.mjs'), ...args], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A new, empty temporary folder. */
export const tempDir = (prefix = 'trainset-cli-'): string => mkdtempSync(join(tmpdir(), prefix));

/** A file named `name` holding `content`, in a new temporary folder. */
export function tempFile(name: string, content: string | Uint8Array, prefix = 'trainset-cli-'): string {
  const file = join(tempDir(prefix), name);
  writeFileSync(file, content);
  return file;
}

/** Bad input is a message, never a stack trace. */
export const noStackTrace = (r: Run): void => {
  expect(r.stderr).not.toMatch(/\n\s+at [\w.<]+ \(/);
  expect(r.stderr).not.toMatch(/node:internal|Error: /);
};
