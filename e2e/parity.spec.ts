import { unzipSync } from 'fflate';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Manifest } from '../lib/export';
import { expect, test } from './fixtures/test';
import { e2eFixture, fixtureMeta, fromRoot, type FixtureMeta } from './fixtures/files';

/**
 * The promise of the app: the files downloaded in the browser are, byte for byte, what the
 * notebook writes for the same CSV and settings. The expected files were written by the notebook.
 */
const FIXTURES = [
  '00-basic_ascii_lf',
  '01-tricky_text_crlf',
  '02-bom_crlf',
  '03-unicode_categories',
  '04-int_test_size',
  '05-large_skewed',
  '06-pandas_quirks_blank_lines',
];

/**
 * The validation share as a user would type it, or null when it is the default (20%). A row count
 * is typed as a whole number; a round share as a percentage ("25%"), any other as the notebook
 * writes it ("0.33"), so both ways of typing a share are covered.
 */
function typedShare(meta: FixtureMeta): string | null {
  if (meta.test_size_type === 'int') return String(meta.test_size);
  if (meta.test_size === 0.2) return null;
  const percent = meta.test_size * 100;
  return Number.isInteger(percent) && percent % 5 === 0 ? `${percent}%` : String(meta.test_size);
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

function expectSameBytes(actual: Uint8Array, expected: Buffer, what: string): void {
  const a = Buffer.from(actual);
  // The text comparison shows where they differ; the byte comparison is the promise.
  expect(a.toString('utf8'), `${what} as text`).toBe(expected.toString('utf8'));
  expect(a.equals(expected), `${what}: same bytes as the notebook's`).toBe(true);
}

// Each fixture is its own session; they can run side by side.
test.describe.configure({ mode: 'parallel' });

for (const name of FIXTURES) {
  test(`${name}: the downloaded JSONL files are the notebook's bytes`, async ({ start, grid, exportPanel }) => {
    const meta = await fixtureMeta(name);
    test.info().annotations.push({ type: 'fixture', description: meta.description });

    await test.step('upload the dataset', async () => {
      await start.open();
      await start.upload(e2eFixture(name, 'dataset.csv'));
      await grid.expectLoaded();
      await grid.expectRows(meta.n_rows);
    });

    await test.step('use the notebook’s validation share and seed', async () => {
      const share = typedShare(meta);
      if (share !== null) await exportPanel.setValidationShare(share);
      if (meta.random_state !== 42) await exportPanel.setSeed(meta.random_state);
      await exportPanel.expectSummary(meta.n_train, meta.n_validation);
      await exportPanel.expectReady();
    });

    const expected = {
      train: await readFile(e2eFixture(name, 'train.jsonl')),
      validation: await readFile(e2eFixture(name, 'validation.jsonl')),
    };

    await test.step('download train.jsonl and validation.jsonl', async () => {
      const train = await exportPanel.download('Download train.jsonl');
      expect(train.name).toBe('train.jsonl');
      expectSameBytes(train.bytes, expected.train, 'train.jsonl');

      const validation = await exportPanel.download('Download validation.jsonl');
      expect(validation.name).toBe('validation.jsonl');
      expectSameBytes(validation.bytes, expected.validation, 'validation.jsonl');
    });

    if (name === '01-tricky_text_crlf') {
      await test.step('download both as a zip', async () => {
        const zip = await exportPanel.download('Download both (.zip)');
        expect(zip.name).toBe('dataset-jsonl.zip');
        const entries = unzipSync(new Uint8Array(zip.bytes));
        expect(Object.keys(entries).sort()).toEqual(['manifest.json', 'train.jsonl', 'validation.jsonl']);
        expectSameBytes(entries['train.jsonl']!, expected.train, 'train.jsonl in the zip');
        expectSameBytes(entries['validation.jsonl']!, expected.validation, 'validation.jsonl in the zip');

        // manifest.json: the hashes of the two files beside it and of the uploaded file, and the settings used.
        const manifest = JSON.parse(Buffer.from(entries['manifest.json']!).toString('utf8')) as Manifest;
        for (const file of ['train.jsonl', 'validation.jsonl'] as const) {
          expect(manifest.files[file], `${file} in manifest.json`).toMatchObject({ bytes: entries[file]!.length, sha256: sha256(entries[file]!) });
        }
        const input = await readFile(e2eFixture(name, 'dataset.csv'));
        expect(manifest.input).toMatchObject({ name: 'dataset.csv', bytes: input.length, sha256: sha256(input), rows: meta.n_rows });
        expect(manifest.settings).toMatchObject({ testSize: { kind: meta.test_size_type, value: meta.test_size }, seed: meta.random_state });

        // What a CI job does with the unzipped folder: trainset verify, with the input exported again.
        const dir = await mkdtemp(join(tmpdir(), 'trainset-zip-'));
        for (const [file, bytes] of Object.entries(entries)) await writeFile(join(dir, file), bytes);
        const verify = spawnSync(process.execPath, [fromRoot('cli', 'trainset.mjs'), 'verify', dir, '--input', e2eFixture(name, 'dataset.csv')], {
          encoding: 'utf8',
        });
        expect(verify.stderr).toBe('');
        expect(verify.stdout).toMatch(/^All 2 files match .*\n.*exporting it again gives the same bytes\.\n$/);
        expect(verify.status).toBe(0);
      });
    }
  });
}
