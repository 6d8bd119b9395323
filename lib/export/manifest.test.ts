import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportCsv } from './from-csv';
import { buildManifest, manifestText, parseManifest, TRAINSET_VERSION, type Manifest } from './manifest';
import { digestBytes, jsSha256, webSha256, type Sha256 } from './sha256';
import { DEFAULT_SETTINGS, type ExportSettings } from './types';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const nodeSha256 = (): Sha256 => {
  const hash = createHash('sha256');
  return { update: (b) => void hash.update(b), digest: async () => hash.digest('hex') };
};

describe('SHA-256', () => {
  // Around the padding boundaries (55/56/64 bytes), and more than one block.
  const sizes = [0, 1, 3, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 70_001];

  it.each(sizes)('%i bytes, fed in uneven parts: the TypeScript hasher and WebCrypto give node:crypto’s digest', async (n) => {
    const bytes = randomBytes(n);
    const parts = Array.from({ length: Math.ceil(n / 37) }, (_, k) => bytes.subarray(k * 37, k * 37 + 37));
    for (const make of [jsSha256, webSha256]) {
      const sha = make();
      for (const p of parts) sha.update(p);
      expect(await sha.digest()).toBe(sha256(bytes));
    }
  });

  it('counts bytes and lines while hashing batches of views', async () => {
    const text = new TextEncoder().encode('{"a": 1}\n{"b": 2}\n');
    const batches = [[text.subarray(0, 3), text.subarray(3, 10)], [text.subarray(10)]];
    expect(await digestBytes(batches, jsSha256())).toEqual({ bytes: text.length, lines: 2, sha256: sha256(text) });
  });
});

const csv = (rows: string[]): Uint8Array => new TextEncoder().encode(`inquiry,category,sub_category\n${rows.join('\n')}\n`);
/** 16 rows: 6 Billing, 4 Shipping, 3 labelled "10" and 3 "9" (labels a JS object puts first, "9" before "10"). */
const SMALL = csv([
  ...Array.from({ length: 6 }, (_, i) => `bill question ${i},Billing,refund`),
  ...Array.from({ length: 4 }, (_, i) => `where is parcel ${i},Shipping,late`),
  ...Array.from({ length: 3 }, (_, i) => `ten ${i},10,x`),
  ...Array.from({ length: 3 }, (_, i) => `nine ${i},9,x`),
]);

async function manifestOfCsv(bytes: Uint8Array, settings: ExportSettings = DEFAULT_SETTINGS) {
  const r = exportCsv(bytes, settings);
  if (!r.ok) throw new Error('export refused');
  const manifest = await buildManifest(r.files, settings, { name: 'small.csv', bytes: bytes.length, sha256: sha256(bytes) }, { sha256: nodeSha256 });
  const file = (which: 'train' | 'validation'): Buffer => Buffer.concat([...r.files[which]()].flat());
  return { manifest, train: file('train'), validation: file('validation') };
}

describe('buildManifest', () => {
  it('records the tool, every setting, the input and each file, hashed as node:crypto hashes the written bytes', async () => {
    const { manifest, train, validation } = await manifestOfCsv(SMALL);
    expect(manifest).toEqual({
      format: 'trainset-manifest',
      version: 1,
      tool: { name: 'trainset', version: TRAINSET_VERSION },
      settings: {
        textColumn: 'inquiry',
        labelColumns: ['category', 'sub_category'],
        answer: 'labels',
        stratify: ['category'],
        testSize: { kind: 'float', value: 0.2 },
        seed: 42,
        systemPrompt: DEFAULT_SETTINGS.systemPrompt,
        jsonStyle: 'python',
        target: 'openai',
        keepNearDuplicatesTogether: null,
        reading: { encoding: null, delimiter: null, header: true },
      },
      input: {
        name: 'small.csv',
        bytes: SMALL.length,
        sha256: sha256(SMALL),
        rows: 16,
        format: 'csv',
        unreadRows: 0,
        edits: { editedCells: 0, addedRows: 0, deletedRows: 0 },
      },
      files: {
        // sklearn: 16 rows × 0.2 → 4 validation rows, one of each class.
        'train.jsonl': { bytes: train.length, sha256: sha256(train), lines: 12, perClass: { '10': 2, '9': 2, Billing: 5, Shipping: 3 } },
        'validation.jsonl': { bytes: validation.length, sha256: sha256(validation), lines: 4, perClass: { '10': 1, '9': 1, Billing: 1, Shipping: 1 } },
      },
    } satisfies Manifest);
  });

  it('writes keys in a fixed order (classes in code-point order: "10" before "9"), two-space indented, with a final newline', async () => {
    const text = manifestText((await manifestOfCsv(SMALL)).manifest);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.match(/^ {2}"\w+"/gm)).toEqual(['  "format"', '  "version"', '  "tool"', '  "settings"', '  "input"', '  "files"']);
    const perClass = text.slice(text.indexOf('"perClass"'));
    expect(perClass.slice(0, perClass.indexOf('}')).match(/"[^"]+":/g)).toEqual(['"perClass":', '"10":', '"9":', '"Billing":', '"Shipping":']);
    expect(JSON.parse(text)).toEqual((await manifestOfCsv(SMALL)).manifest);
  });

  it('is the same bytes for the same data and settings: no time in it', async () => {
    expect(manifestText((await manifestOfCsv(SMALL)).manifest)).toBe(manifestText((await manifestOfCsv(SMALL)).manifest));
  });

  it('records the settings given, and no classes for free-text answers', async () => {
    const settings: ExportSettings = {
      ...DEFAULT_SETTINGS,
      labelColumns: ['sub_category'],
      answer: 'text',
      stratify: null,
      testSize: { kind: 'int', value: 4 },
      seed: 7,
      jsonStyle: 'compact',
      target: 'bedrock-nova',
    };
    const { manifest } = await manifestOfCsv(SMALL, settings);
    expect(manifest.settings).toMatchObject({ labelColumns: ['sub_category'], answer: 'text', stratify: null, testSize: { kind: 'int', value: 4 }, seed: 7 });
    expect(manifest.files['validation.jsonl']).toMatchObject({ lines: 4, perClass: {} });
  });
});

describe('parseManifest', () => {
  it('reads back what manifestText wrote', async () => {
    const { manifest } = await manifestOfCsv(SMALL);
    expect(parseManifest(manifestText(manifest))).toEqual({ ok: true, manifest });
  });

  const damage = async (edit: (m: Record<string, unknown> & Manifest) => void): Promise<string> => {
    const m = structuredClone((await manifestOfCsv(SMALL)).manifest) as Record<string, unknown> & Manifest;
    edit(m);
    const r = parseManifest(JSON.stringify(m));
    return r.ok ? 'accepted' : r.error;
  };

  it.each<[string, (m: Record<string, unknown> & Manifest) => void, RegExp]>([
    ['another kind of file', (m) => (m.format = 'x' as 'trainset-manifest'), /^"format" should be "trainset-manifest"/],
    ['a newer version', (m) => (m.version = 2 as 1), /its version is 2, and this Trainset .* reads version 1/],
    ['a hash that is not one', (m) => (m.files['train.jsonl'].sha256 = 'abc'), /^files\["train\.jsonl"\] should be/],
    ['a missing file entry', (m) => delete (m.files as Partial<Manifest['files']>)['validation.jsonl'], /^files\["validation\.jsonl"\] should be/],
    [
      'a file outside the folder',
      (m) => ((m.files as Record<string, unknown>)['../etc/passwd'] = m.files['train.jsonl']),
      /train\.jsonl and validation\.jsonl only/,
    ],
    ['an unknown target', (m) => (m.settings.target = 'gemini' as 'openai'), /^settings\.target should be one of "openai"/],
    ['a negative seed', (m) => (m.settings.seed = -1), /^settings\.seed should be a whole number/],
    ['no input hash', (m) => delete (m.input as Partial<Manifest['input']>).sha256, /^"input" should be/],
    ['a sheet that is not a name', (m) => ((m.settings.reading as Record<string, unknown>).sheet = ''), /^settings\.reading\.sheet should be the name/],
  ])('refuses %s, naming the field', async (_name, edit, message) => {
    expect(await damage(edit)).toMatch(message);
  });

  it('refuses text that is not JSON', () => {
    expect(parseManifest('{"format": "trainset-manifest",')).toMatchObject({ ok: false, error: expect.stringMatching(/^it is not valid JSON/) });
  });
});

it("TRAINSET_VERSION is package.json's version", () => {
  const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string };
  expect(TRAINSET_VERSION).toBe(pkg.version);
});
