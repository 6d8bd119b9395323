import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { TRAINSET_VERSION } from './version';

it("is package.json's version", () => {
  const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { version: string };
  expect(TRAINSET_VERSION).toBe(pkg.version);
});
