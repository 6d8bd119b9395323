import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CHOICES, Engine } from '../lib/engine';
import { FIXTURES, noStackTrace, tempDir, trainset } from './testing';

const BASIC = join(FIXTURES, '00-basic_ascii_lf/dataset.csv');
const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

interface ManifestJson {
  tool: { name: string; version: string };
  settings: Record<string, unknown>;
  input: { name: string; bytes: number; sha256: string; rows: number };
  files: Record<string, { bytes: number; sha256: string; lines: number; perClass: Record<string, number> }>;
}

/** `trainset export BASIC` into a new folder (with `args`), which is returned. */
function exported(args: string[] = [], input = BASIC): string {
  const out = tempDir();
  const r = trainset(['export', input, '--out', out, ...args]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return out;
}

const manifestIn = (dir: string): ManifestJson => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as ManifestJson;

describe('trainset export writes manifest.json beside the files', () => {
  it('with the hashes of the files written, their lines and examples per class, and the input', () => {
    const out = tempDir();
    const r = trainset(['export', BASIC, '--out', out]);
    expect(r.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['manifest.json', 'train.jsonl', 'validation.jsonl']);
    expect(r.stdout).toContain(`Wrote ${join(out, 'manifest.json')} (the settings and each file's sha256; check them with: npx trainset verify ${out}).\n`);
    const m = manifestIn(out);
    expect(m.tool).toEqual({ name: 'trainset', version: '0.1.0' });
    expect(m.input).toMatchObject({ name: 'dataset.csv', bytes: readFileSync(BASIC).length, sha256: sha256(BASIC), rows: 50 });
    for (const [name, lines] of [
      ['train.jsonl', 40],
      ['validation.jsonl', 10],
    ] as const) {
      const file = join(out, name);
      expect(m.files[name]).toMatchObject({ bytes: readFileSync(file).length, sha256: sha256(file), lines });
    }
    // The summary's table, per file.
    expect(m.files['validation.jsonl']!.perClass).toEqual({ Account: 1, Billing: 1, General: 2, Shipping: 4, 'Technical Support': 2 });
    expect(Object.values(m.files['train.jsonl']!.perClass).reduce((a, b) => a + b)).toBe(40);
  });

  it("leaves the files the notebook's bytes, and writes the same manifest for the same input and settings", () => {
    const [a, b] = [exported(), exported()];
    for (const name of ['train.jsonl', 'validation.jsonl']) {
      expect(readFileSync(join(a, name)).equals(readFileSync(join(FIXTURES, '00-basic_ascii_lf', name)))).toBe(true);
    }
    expect(readFileSync(join(a, 'manifest.json'), 'utf8')).toBe(readFileSync(join(b, 'manifest.json'), 'utf8'));
  });
});

describe('trainset verify DIR', () => {
  it('exits 0 on an untouched export', () => {
    const r = trainset(['verify', exported()]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^All 2 files match .*manifest\.json\.\n$/);
    expect(r.status).toBe(0);
  });

  it('exits 1 naming the file when one byte of validation.jsonl changed', () => {
    const out = exported();
    const file = join(out, 'validation.jsonl');
    const bytes = readFileSync(file);
    bytes[100] = bytes[100]! ^ 1;
    writeFileSync(file, bytes);
    const r = trainset(['verify', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /^validation\.jsonl differs from manifest\.json: it has 3,000 bytes, 10 lines, sha256 [0-9a-f]{64}; the manifest says 3,000 bytes/,
    );
    expect(r.stderr).not.toContain('train.jsonl');
    expect(r.stdout).toBe('');
  });

  it('exits 1 when a file is missing', () => {
    const out = exported();
    rmSync(join(out, 'train.jsonl'));
    const r = trainset(['verify', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^train\.jsonl is missing \(manifest\.json lists it: [\d,]+ bytes, 40 lines, sha256 [0-9a-f]{64}\)\.\n$/);
  });

  it('says a damaged manifest is damaged, without a stack trace, and exits 1', () => {
    const out = exported();
    writeFileSync(join(out, 'manifest.json'), readFileSync(join(out, 'manifest.json'), 'utf8').slice(0, 200));
    const r = trainset(['verify', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/manifest\.json is damaged: it is not valid JSON \(.*\)\. Nothing was verified; export again to write a new one\.\n$/);
    noStackTrace(r);
    writeFileSync(join(out, 'manifest.json'), JSON.stringify({ ...manifestIn(exported()), version: 3 }));
    expect(trainset(['verify', out]).stderr).toMatch(/is damaged: its version is 3, and this Trainset \(0\.1\.0\) reads version 1/);
  });

  it('exits 2 when the folder has no manifest.json', () => {
    const r = trainset(['verify', tempDir()]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/has no manifest\.json\. trainset export writes one beside train\.jsonl and validation\.jsonl/);
    expect(r.stderr).toMatch(/Usage:/);
    noStackTrace(r);
  });
});

describe('trainset verify DIR --input FILE', () => {
  it('exits 0 for the input the files were made from, exported again to the same bytes', () => {
    const r = trainset(['verify', exported(), '--input', BASIC]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/\ndataset\.csv is the file this export was made from \(sha256 [0-9a-f]{64}\), and exporting it again gives the same bytes\.\n$/);
    expect(r.status).toBe(0);
  });

  it('exits 1 for another input (one cell changed), saying so', () => {
    const other = join(tempDir(), 'other.csv');
    writeFileSync(other, readFileSync(BASIC, 'utf8').replace('Problem with the parcel', 'Problem with the parcels'));
    const r = trainset(['verify', exported(), '--input', other]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `other.csv is not the file this export was made from (sha256 ${sha256(other)}, 2,411 bytes; manifest.json records dataset.csv: sha256 ${sha256(BASIC)}, 2,410 bytes).\n`,
    );
  });

  it('exits 1 naming the files when exporting the input again gives other bytes', () => {
    const out = exported();
    // A manifest whose settings are not those the files were made with (the seed).
    writeFileSync(join(out, 'manifest.json'), JSON.stringify({ ...manifestIn(out), settings: { ...manifestIn(out).settings, seed: 7 } }));
    const r = trainset(['verify', out, '--input', BASIC]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^train\.jsonl: exporting dataset\.csv again gives [\d,]+ bytes, 40 lines, sha256 [0-9a-f]{64}; the file has /);
    expect(r.stderr).toMatch(/\nvalidation\.jsonl: exporting dataset\.csv again gives /);
  });

  it('reads the input again as it was read (no header, a forced delimiter) and splits it as it was split', () => {
    const dir = tempDir();
    const input = join(dir, 'headerless.csv');
    // Thirty different questions, and three asked again: the option has copies to keep together and rows to trade.
    const words = ['parcel', 'refund', 'invoice', 'password', 'address', 'courier', 'receipt', 'voucher', 'account', 'warranty'];
    const texts = Array.from(
      { length: 30 },
      (_, i) => `${['where is', 'how do I change', 'why was I charged for'][i % 3]} the ${words[i % 10]} ${words[(i * 7 + 3) % 10]} ${i * 7919}`,
    );
    const rows = [...texts, ...texts.slice(0, 3)].map((t, i) => `${t};${i % 3 ? 'Billing' : 'Shipping'}`);
    writeFileSync(input, `${rows.join('\n')}\n`);
    const out = exported(['--no-header', '--delimiter', ';', '--text', 'column 1', '--labels', 'column 2', '--keep-near-duplicates-together'], input);
    expect(manifestIn(out).settings).toMatchObject({
      labelColumns: ['column 2'],
      keepNearDuplicatesTogether: { similarity: 0.8 },
      reading: { encoding: null, delimiter: ';', header: false },
    });
    const r = trainset(['verify', out, '--input', input]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('is a usage error when the input does not exist', () => {
    const r = trainset(['verify', exported(), '--input', join(tempDir(), 'nope.csv')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot read ".*nope\.csv": no such file/);
  });
});

it('verify works on a copy of the folder (paths are relative to it)', () => {
  const copy = join(tempDir(), 'copy');
  cpSync(exported(), copy, { recursive: true });
  expect(trainset(['verify', copy, '--input', BASIC]).status).toBe(0);
});

describe("the app's manifest (the engine's, as zipped by Download both)", () => {
  /** What the app zips for `bytes` read as `name`, after `edit`, written into a folder as a user unzips it. */
  async function appExport(bytes: Uint8Array, name: string, edit?: (engine: Engine) => void): Promise<string> {
    const engine = new Engine();
    const loaded = engine.load(bytes, name);
    if (!loaded.ok) throw new Error(loaded.problem.message);
    edit?.(engine);
    const r = await engine.exportWithManifest(DEFAULT_CHOICES);
    if (!r.ok) throw new Error(r.problems[0]!.message);
    const dir = tempDir();
    writeFileSync(join(dir, 'train.jsonl'), Buffer.from(await r.train.arrayBuffer()));
    writeFileSync(join(dir, 'validation.jsonl'), Buffer.from(await r.validation.arrayBuffer()));
    writeFileSync(join(dir, 'manifest.json'), r.manifest);
    return dir;
  }

  it('is byte for byte the manifest trainset export writes from the same file', async () => {
    const app = await appExport(readFileSync(BASIC), 'dataset.csv');
    expect(readFileSync(join(app, 'manifest.json'), 'utf8')).toBe(readFileSync(join(exported(), 'manifest.json'), 'utf8'));
  });

  it('counts the edits made in the app; verify --input then checks the input by its hash only', async () => {
    const app = await appExport(readFileSync(BASIC), 'dataset.csv', (engine) => engine.edit({ kind: 'set', id: 0, col: 0, value: 'Problem with my parcel' }));
    expect(manifestIn(app).input).toMatchObject({ edits: { editedCells: 1, addedRows: 0, deletedRows: 0 } });
    const r = trainset(['verify', app, '--input', BASIC]);
    expect(r.stdout).toMatch(
      /The files were made from its rows as edited in the app \(1 cell edited\), so dataset\.csv alone does not make them again: only its hash was checked\.\n$/,
    );
    expect(r.status).toBe(0);
  });

  it('of a CSV with a row the app could not read and left out: verify --input leaves it out too', async () => {
    const input = join(tempDir(), 'ragged.csv');
    writeFileSync(input, readFileSync(BASIC, 'utf8').replace('Problem with the parcel,', 'Problem with the parcel,extra field,'));
    expect(trainset(['export', input, '--out', tempDir()]).status).toBe(1);
    const app = await appExport(readFileSync(input), 'ragged.csv', (engine) => engine.dropBadRow(0));
    expect(manifestIn(app).input).toMatchObject({ rows: 49, unreadRows: 1, edits: { editedCells: 0, addedRows: 0, deletedRows: 0 } });
    const r = trainset(['verify', app, '--input', input]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/exporting it again gives the same bytes\.\n$/);
    expect(r.status).toBe(0);
  });

  it('of a chat JSONL file: verify --input reads it again as the app does and gets the same bytes', async () => {
    const lines = Array.from({ length: 20 }, (_, i) =>
      JSON.stringify({
        messages: [
          { role: 'user', content: `question ${i}` },
          { role: 'assistant', content: JSON.stringify({ category: i % 2 ? 'Billing' : 'Shipping' }) },
        ],
      }),
    );
    const input = join(tempDir(), 'chat.jsonl');
    writeFileSync(input, `${lines.join('\n')}\n`);
    const app = await appExport(readFileSync(input), 'chat.jsonl');
    expect(manifestIn(app).input).toMatchObject({ name: 'chat.jsonl', format: 'jsonl', rows: 20 });
    const r = trainset(['verify', app, '--input', input]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/exporting it again gives the same bytes\.\n$/);
    expect(r.status).toBe(0);
  });
});
