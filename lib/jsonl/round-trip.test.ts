import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../csv';
import { chatFormat, DEFAULT_SETTINGS, EXPORT_TARGETS, exportCsv, TARGETS, type ExportTarget, type JsonStyle } from '../export';
import { sniffKind } from './sniff';
import { readJsonl } from './read';

const E2E = join(import.meta.dirname, '../export/__fixtures__/e2e');
const matching = readdirSync(E2E).filter((d) => JSON.parse(readFileSync(join(E2E, d, 'meta.json'), 'utf8')).expect === 'match');

/** A JSONL file the way the exporter writes it: one line per row. */
function write(style: JsonStyle, system: string, rows: readonly (readonly string[])[], keys: readonly string[], target: ExportTarget = 'openai'): Uint8Array {
  const f = chatFormat(style, system, target);
  const text = rows.map(([user, ...labels]) => `${f.prefix}${f.str(user!)}${f.middle}${f.assistant(keys, labels)}${f.suffix}`).join('');
  return new TextEncoder().encode(text);
}

function readOk(bytes: Uint8Array) {
  const r = readJsonl(bytes);
  if (!r.ok) throw new Error(r.problem.message);
  return r;
}

/** The table's rows as [text, ...labels], by the mapping it reports. */
function examples(r: ReturnType<typeof readOk>): string[][] {
  const cols = [r.table.mapping.text, ...r.table.mapping.labels].map((name) => r.table.columns[r.table.header.indexOf(name)]!);
  return Array.from({ length: r.table.rowCount }, (_, i) => cols.map((c) => c[i]!));
}

const key = (row: readonly string[]): string => JSON.stringify(row);

describe("round trip: the notebook's files read back as the rows they were written from", () => {
  it('covers every fixture that exports', () => {
    expect(matching.length).toBeGreaterThanOrEqual(7);
  });

  it.each(matching)('%s', (dir) => {
    const meta = JSON.parse(readFileSync(join(E2E, dir, 'meta.json'), 'utf8')) as { instruction: string; n_train: number; n_validation: number };
    const csv = readCsv(readFileSync(join(E2E, dir, 'dataset.csv')));
    if (!csv.ok) throw new Error(csv.problem.message);
    const col = (name: string): number => csv.table.header.indexOf(name);
    const source = csv.table.rows.map((row) => [DEFAULT_SETTINGS.textColumn, ...DEFAULT_SETTINGS.labelColumns].map((c) => row[col(c)]!));

    const back: string[][] = [];
    for (const [file, n] of [
      ['train.jsonl', meta.n_train],
      ['validation.jsonl', meta.n_validation],
    ] as const) {
      const bytes = readFileSync(join(E2E, dir, file));
      const r = readOk(bytes);
      expect(r.format.errors).toEqual({});
      expect(r.format.notes).toEqual([]);
      expect(r.badLines).toEqual([]);
      expect(r.info).toMatchObject({ rows: n, systemPrompt: meta.instruction, labelKeys: DEFAULT_SETTINGS.labelColumns, multiTurn: 0 });
      expect(r.table.mapping).toEqual({ text: DEFAULT_SETTINGS.textColumn, labels: DEFAULT_SETTINGS.labelColumns });
      const rows = examples(r);
      // Written again with the prompt it reports, the file is the same bytes.
      expect(Buffer.from(write('python', r.info.systemPrompt!, rows, r.info.labelKeys)).equals(bytes)).toBe(true);
      back.push(...rows);
    }
    // Every row of the two files is a row of the source CSV, with its labels, and none is missing.
    expect(back.map(key).sort()).toEqual(source.map(key).sort());
  });
});

describe('round trip: any text and labels survive export then re-import', () => {
  const text = fc.string({ unit: 'binary', maxLength: 30 });
  it.each<JsonStyle>(['python', 'compact'])('%s style', (style) => {
    fc.assert(
      fc.property(text, fc.array(fc.tuple(text, text, text), { minLength: 1, maxLength: 8 }), (system, rows) => {
        const r = readOk(write(style, system, rows, ['category', 'sub_category']));
        expect(examples(r)).toEqual(rows);
        expect(r.info.systemPrompt).toBe(system);
      }),
      { numRuns: 200 },
    );
  });
});

/** Layouts that leave the system field out for an empty prompt: read back, the rows have none. */
const OMITS_EMPTY_SYSTEM: readonly string[] = ['vertex-gemini', 'bedrock-conversation', 'bedrock-claude', 'sharegpt'];

describe("round trip: every target's files, opened again, are the rows they were written from", () => {
  const E2E_SAMPLE = join(E2E, matching[0]!, 'dataset.csv');

  it.each(EXPORT_TARGETS)('%s: told as JSONL by content, read in its layout, same rows and prompt, no finding', (target) => {
    const csv = readFileSync(E2E_SAMPLE);
    const exported = exportCsv(csv, { ...DEFAULT_SETTINGS, target });
    if (!exported.ok) throw new Error('refused');
    const source = readCsv(csv);
    if (!source.ok) throw new Error(source.problem.message);
    const back: string[][] = [];
    for (const file of [exported.files.train, exported.files.validation]) {
      const bytes = new Uint8Array(Buffer.concat([...file()].flat()));
      expect(sniffKind(bytes, 'download.txt')).toBe('jsonl');
      const r = readOk(bytes);
      expect(r.info.layout).toBe(TARGETS[target].layout);
      expect(r.format.errors).toEqual({});
      expect(r.format.notes).toEqual([]);
      expect(r.format.order).toEqual({});
      expect(r.info).toMatchObject({ systemPrompt: DEFAULT_SETTINGS.systemPrompt, labelKeys: DEFAULT_SETTINGS.labelColumns, multiTurn: 0 });
      expect(r.table.mapping).toEqual({ text: DEFAULT_SETTINGS.textColumn, labels: DEFAULT_SETTINGS.labelColumns });
      back.push(...examples(r));
    }
    const col = (name: string): number => source.table.header.indexOf(name);
    const rows = source.table.rows.map((row) => [DEFAULT_SETTINGS.textColumn, ...DEFAULT_SETTINGS.labelColumns].map((c) => row[col(c)]!));
    expect(back.map(key).sort()).toEqual(rows.map(key).sort());
  });

  it.each(EXPORT_TARGETS.filter((t) => t !== 'openai'))('%s: any text and labels survive, in both styles', (target) => {
    const layout = TARGETS[target].layout;
    const text = fc.string({ unit: 'binary', maxLength: 20 });
    fc.assert(
      fc.property(
        fc.constantFrom<JsonStyle>('python', 'compact'),
        text,
        fc.array(fc.tuple(text, text, text), { minLength: 1, maxLength: 5 }),
        (style, system, rows) => {
          const r = readOk(write(style, system, rows, ['category', 'sub_category'], target));
          // A Claude line without its system field is only a messages list: read as the OpenAI layout, to the same rows.
          expect(r.info.layout).toBe(system === '' && layout === 'bedrock-claude' ? 'openai-chat' : layout);
          expect(examples(r)).toEqual(rows);
          expect(r.info.systemPrompt).toBe(system === '' && OMITS_EMPTY_SYSTEM.includes(layout) ? null : system);
        },
      ),
      { numRuns: 60 },
    );
  });
});
