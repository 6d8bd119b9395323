import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Change } from '../dataset';
import { DEFAULT_CHOICES, Engine, groupsOf, ReadOnlyError, type EngineEvent } from './engine';
import { syntheticCsv } from '../dataset/testing';
import { guessMapping } from './mapping';
import type { ExportChoices } from './types';

const FIXTURES = join(import.meta.dirname, '../export/__fixtures__/e2e');
const enc = new TextEncoder();

const blobText = async (b: Blob): Promise<Buffer> => Buffer.from(await b.arrayBuffer());

function loaded(csv: string): Engine {
  const engine = new Engine();
  const r = engine.load(enc.encode(csv), 'test.csv');
  if (!r.ok) throw new Error(r.problem.message);
  return engine;
}

describe('Engine: a workbook exported with its manifest', () => {
  it('names the sheet it read in the manifest (what verify needs to read the workbook again)', async () => {
    const engine = new Engine();
    const book = readFileSync(join(import.meta.dirname, '../../test-data/xlsx/two-sheets.xlsx'));
    const r = engine.load(new Uint8Array(book), 'two-sheets.xlsx', { sheet: 'Inquiries' });
    expect(r.ok).toBe(true);
    engine.setMapping({ text: 'inquiry', labels: ['category', 'sub_category'] });
    const made = await engine.exportWithManifest({ ...DEFAULT_CHOICES, stratify: 'none' });
    if (!made.ok) throw new Error(made.problems[0]!.message);
    expect((JSON.parse(made.manifest) as { settings: { reading: unknown } }).settings.reading).toEqual({
      encoding: null,
      delimiter: null,
      header: true,
      sheet: 'Inquiries',
    });
  });
});

const CSV =
  'inquiry,category,sub_category\n' + Array.from({ length: 20 }, (_, i) => `question ${i},${i % 2 ? 'Billing' : 'Shipping'},s${i % 3}`).join('\n') + '\n';

describe('Engine: the app makes the same files as trainset export', () => {
  const matches = readdirSync(FIXTURES).filter((d) => JSON.parse(readFileSync(join(FIXTURES, d, 'meta.json'), 'utf8')).expect === 'match');

  it.each(matches)('%s', async (name) => {
    const dir = join(FIXTURES, name);
    const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as { test_size: number; test_size_type: 'int' | 'float'; random_state: number };
    const engine = new Engine();
    const r = engine.load(readFileSync(join(dir, 'dataset.csv')), 'dataset.csv');
    expect(r.ok && r.meta.mapping).toEqual({ text: 'inquiry', labels: ['category', 'sub_category'] });
    const choices: ExportChoices = { ...DEFAULT_CHOICES, testSize: { kind: meta.test_size_type, value: meta.test_size }, seed: meta.random_state };
    const out = engine.exportFiles(choices);
    if (!out.ok) throw new Error(out.problems[0]!.message);
    expect((await blobText(out.train)).equals(readFileSync(join(dir, 'train.jsonl')))).toBe(true);
    expect((await blobText(out.validation)).equals(readFileSync(join(dir, 'validation.jsonl')))).toBe(true);
  });
});

describe('Engine: a review session', () => {
  it('edits a cell, and the export carries the fix; undo takes it back', async () => {
    const engine = loaded(CSV);
    engine.setView({});
    const before = engine.rows(0, 1)[0]!;
    expect(before).toMatchObject({ id: 0, number: 1, cells: ['question 0', 'Shipping', 's0'], edited: 0 });
    const r = engine.edit({ kind: 'set', id: 0, col: 0, value: 'Question zero, fixed' });
    expect(r.status).toMatchObject({ editedCells: 1, canUndo: true, undoLabel: expect.any(String) });
    expect(engine.rows(0, 1)[0]).toMatchObject({ cells: ['Question zero, fixed', 'Shipping', 's0'], edited: 1 });
    const files = engine.exportFiles(DEFAULT_CHOICES);
    const text = files.ok ? (await blobText(files.train)).toString() + (await blobText(files.validation)).toString() : '';
    expect(text).toContain('"content": "Question zero, fixed"');
    engine.undo();
    expect(engine.rows(0, 1)[0]!.cells[0]).toBe('question 0');
    engine.redo();
    expect(engine.rows(0, 1)[0]!.cells[0]).toBe('Question zero, fixed');
  });

  it('merges a misspelt label in one bulk step and undoes it in one step', () => {
    const engine = loaded(CSV.replace('question 3,Billing', 'question 3,Biling'));
    engine.setView({ filters: [{ col: 1, values: ['Biling'] }] });
    const ids = engine.rows(0, 100).map((r) => r.id);
    expect(ids).toEqual([3]);
    engine.edit({ kind: 'set-column', ids, col: 1, value: 'Billing' });
    expect(
      engine
        .values(1)
        .map((v) => v.value)
        .sort(),
    ).toEqual(['Billing', 'Shipping']);
    engine.undo();
    expect(
      engine
        .values(1)
        .map((v) => v.value)
        .sort(),
    ).toEqual(['Biling', 'Billing', 'Shipping']);
  });

  it('keeps the view order while editing, drops deleted rows, shows added rows at the end', () => {
    const engine = loaded(CSV);
    engine.setView({ sort: { col: 0, desc: true } });
    const first = engine.rows(0, 1)[0]!;
    engine.edit({ kind: 'set', id: first.id, col: 0, value: 'aaa' });
    expect(engine.rows(0, 1)[0]!.id).toBe(first.id);
    const del = engine.edit({ kind: 'delete', ids: [first.id] });
    expect(del.length).toBe(19);
    const added = engine.edit({ kind: 'add' });
    expect(added.length).toBe(20);
    expect(engine.rows(19, 1)[0]).toMatchObject({ id: added.addedId, number: 21, added: true });
  });

  it('refuses the export with reasons that point at rows, and previews the split when it can', () => {
    const engine = loaded(CSV);
    expect(engine.splitPreview(DEFAULT_CHOICES)).toMatchObject({ ok: true, train: 16, validation: 4, stratifiedBy: 'category' });
    engine.edit({ kind: 'set', id: 4, col: 2, value: '' });
    const preview = engine.splitPreview(DEFAULT_CHOICES);
    expect(preview.ok).toBe(false);
    expect(!preview.ok && preview.problems[0]).toMatchObject({ dataRow: 5, column: 'sub_category' });
  });

  it('a failed upload leaves the previous dataset, edits and history as they were', () => {
    const engine = loaded(CSV);
    engine.edit({ kind: 'set', id: 0, col: 0, value: 'kept' });
    const r = engine.load(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), 'book.xlsx');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problem.message).toMatch(/ZIP archive with no workbook inside/);
    engine.setView({});
    expect(engine.rows(0, 1)[0]!.cells[0]).toBe('kept');
    expect(engine.status().canUndo).toBe(true);
  });

  it('takes in a row that had one field too many by joining the extra field into the text', () => {
    const engine = loaded('inquiry,category,sub_category\nfine,a,x\nhello, world,b,y\n');
    expect(engine.loadedMeta!.badRows).toHaveLength(1);
    const r = engine.takeBadRow(0);
    expect(engine.loadedMeta!.badRows).toHaveLength(0);
    expect(engine.rows(r.length - 1, 1)[0]!.cells).toEqual(['hello, world', 'b', 'y']);
  });

  it('restores a session by replaying its saved history on the same file', () => {
    const saved: { changes: unknown[] } = { changes: [] };
    const engine = new Engine();
    engine.listen((e) => {
      if (e.type === 'changed' && e.step.op === 'push') saved.changes[e.step.index] = e.step.change;
    });
    engine.load(enc.encode(CSV), 'a.csv');
    engine.edit({ kind: 'set', id: 2, col: 1, value: 'Refunds' });
    engine.edit({ kind: 'delete', ids: [5] });
    const again = new Engine();
    again.load(enc.encode(CSV), 'a.csv', {}, undefined, false);
    const r = again.restore({ mapping: null, history: { changes: saved.changes as never, position: 2 } });
    expect(r.dropped).toBe(0);
    expect(r.status).toMatchObject({ rows: 19, canUndo: true });
    again.setView({});
    expect(again.rows(2, 1)[0]!.cells[1]).toBe('Refunds');
  });

  it('cleaned CSV read back by trainset export gives the same JSONL as the app', async () => {
    const engine = loaded(CSV);
    engine.edit({ kind: 'set', id: 7, col: 0, value: '=cmd, "quoted"\r\nline' });
    engine.edit({ kind: 'set', id: 1, col: 0, value: '  spaces kept  ' });
    const csv = engine.cleanedCsv(false);
    const again = new Engine();
    const r = again.load(new Uint8Array(await csv.blob.arrayBuffer()), 'cleaned.csv');
    expect(r.ok).toBe(true);
    const a = engine.exportFiles(DEFAULT_CHOICES);
    const b = again.exportFiles(DEFAULT_CHOICES);
    if (!a.ok || !b.ok) throw new Error('export refused');
    expect((await blobText(a.train)).equals(await blobText(b.train))).toBe(true);
    expect(engine.cleanedCsv(true).neutralized).toBe(1);
  });
});

describe('guessMapping', () => {
  const guess = (csv: string): ReturnType<typeof guessMapping> => {
    const rows = csv
      .trim()
      .split('\n')
      .map((l) => l.split(','));
    const [header, ...data] = rows;
    return guessMapping(header!, (c, r) => data[r]![c] ?? '', data.length);
  };

  it('maps the notebook columns without asking', () => {
    expect(guess('inquiry,category,sub_category\nq,a,b').mapping).toEqual({ text: 'inquiry', labels: ['category', 'sub_category'] });
  });

  it('guesses the text by name and the labels by few distinct values, parent first', () => {
    const data = Array.from({ length: 40 }, (_, i) => `utterance number ${i} is long enough,${['A', 'B'][i % 2]},${['x', 'y', 'z', 'w'][i % 4]},${i}`).join(
      '\n',
    );
    const g = guess(`utterance,category,intent,id\n${data}`);
    expect(g.mapping).toBeNull();
    expect(g.guess).toEqual({ text: 'utterance', labels: ['category', 'intent'] });
  });
});

describe('Engine: row numbers follow the file', () => {
  it('keeps the file data-row numbers after a row set aside, in the grid and in problems', () => {
    const engine = loaded('inquiry,category,sub_category\nq1,a,x\nbad,row,has,four\nq3,a,\nq4,b,y\nq5,b,y\nq6,a,x\n');
    engine.setView({});
    expect(engine.rows(0, 10).map((r) => r.number)).toEqual([1, 3, 4, 5, 6]);
    const preview = engine.splitPreview(DEFAULT_CHOICES);
    expect(!preview.ok && preview.problems[0]).toMatchObject({ dataRow: 3, line: 4, rowId: 1 });
    const added = engine.edit({ kind: 'add', values: ['new', 'a', 'x'] });
    expect(engine.rows(added.length - 1, 1)[0]!.number).toBe(7);
  });
});

describe('Engine: previews and downloads', () => {
  it('previews the first lines exactly as the files will have them', async () => {
    const engine = loaded(CSV);
    const preview = engine.splitPreview(DEFAULT_CHOICES);
    const files = engine.exportFiles(DEFAULT_CHOICES);
    if (!preview.ok || !files.ok) throw new Error('refused');
    const train = (await blobText(files.train)).toString().split('\n');
    expect(preview.preview.train).toEqual(train.slice(0, 5));
    expect(files.preview.train).toEqual(train.slice(0, 5));
  });

  it('reuses the files for a second download until the data or settings change', () => {
    const engine = loaded(CSV);
    const a = engine.exportFiles(DEFAULT_CHOICES);
    expect(engine.exportFiles(DEFAULT_CHOICES)).toBe(a);
    expect(engine.exportFiles({ ...DEFAULT_CHOICES, seed: 7 })).not.toBe(a);
    const b = engine.exportFiles(DEFAULT_CHOICES);
    engine.edit({ kind: 'set', id: 0, col: 0, value: 'changed' });
    expect(engine.exportFiles(DEFAULT_CHOICES)).not.toBe(b);
  });
});

describe('Engine: a JSONL with free-text answers', () => {
  const SYSTEM = 'You are a friendly support assistant.';
  const pairs = Array.from({ length: 12 }, (_, i) => [`How do I reset router ${i}?`, `Hello! Hold the button ${i} s — then wait. "Done" ✓`] as const);
  const jsonl = (system = SYSTEM) =>
    `${pairs
      .map(([user, answer]) =>
        JSON.stringify({
          messages: [
            { role: 'system', content: system },
            { role: 'user', content: user },
            { role: 'assistant', content: answer },
          ],
        }),
      )
      .join('\n')}\n\n`;
  const load = (): Engine => {
    const engine = new Engine();
    const r = engine.load(enc.encode(jsonl()), 'support.jsonl');
    if (!r.ok) throw new Error(r.problem.message);
    return engine;
  };

  it('writes each answer as it is and splits at random whatever the stratify choice', async () => {
    const engine = load();
    for (const stratify of ['first', 'all-labels', 'none'] as const) {
      const choices: ExportChoices = { ...DEFAULT_CHOICES, systemPrompt: SYSTEM, stratify };
      expect(engine.settings(choices)).toMatchObject({ labelColumns: ['assistant'], answer: 'text', stratify: null });
      const out = engine.exportFiles(choices);
      if (!out.ok) throw new Error(out.problems[0]!.message);
      expect(out.summary).toMatchObject({ train: 9, validation: 3, perLabel: [] });
      const lines = `${await blobText(out.train)}${await blobText(out.validation)}`.trim().split('\n');
      const back = lines.map((l) => (JSON.parse(l) as { messages: { content: string }[] }).messages.map((m) => m.content));
      expect(new Map(back.map(([system, user, answer]) => [user, [system, answer]]))).toEqual(new Map(pairs.map(([u, a]) => [u, [SYSTEM, a]])));
    }
  });

  it('says which column holds the answers, and gives the file its own warning codes', () => {
    const meta = load().loadedMeta!;
    expect(meta.jsonl?.assistantColumn).toBe('assistant');
    expect(meta.info.warnings.map((w) => w.code)).toEqual(['blank-lines']);
  });

  it('writes labels again once another column is mapped as the label', () => {
    const engine = load();
    engine.setMapping({ text: 'inquiry', labels: ['system'] });
    expect(engine.settings(DEFAULT_CHOICES)).toMatchObject({ answer: 'labels', stratify: ['system'] });
  });
});

describe('Engine: counting tokens beside other work', () => {
  const big = (): Engine => loaded(syntheticCsv(40_000, 7));

  it('counts every example as the CLI does, and a recount after an edit sees the edit', async () => {
    const engine = loaded(CSV);
    const first = (await engine.tokens(DEFAULT_CHOICES))!;
    expect(first).toMatchObject({ examples: 20, model: 'gpt-4o-mini-2024-07-18', encoding: 'o200k_base', train: { examples: 16 } });
    engine.edit({ kind: 'set', id: 0, col: 0, value: `${'a long question '.repeat(20)}` });
    const second = (await engine.tokens(DEFAULT_CHOICES))!;
    expect(second.totalTokens).toBeGreaterThan(first.totalTokens);
    expect(second.longest[0]).toMatchObject({ rowId: 0, row: 1 });
  });

  it('a newer count makes the older one stop (it returns null)', async () => {
    const engine = big();
    const older = engine.tokens(DEFAULT_CHOICES);
    const newer = engine.tokens(DEFAULT_CHOICES);
    expect(await older).toBeNull();
    expect((await newer)!.examples).toBe(40_000);
  });

  it('edits made while it counts leave the report on the revision it started from', async () => {
    const engine = big();
    const counting = engine.tokens(DEFAULT_CHOICES);
    // Let it count a slice, then edit between two slices, as a user typing meanwhile would.
    await new Promise((resolve) => setTimeout(resolve, 60));
    const { status } = engine.edit({ kind: 'set', id: 3, col: 0, value: 'typed while counting' });
    const report = (await counting)!;
    expect(report.examples).toBe(40_000);
    expect(report.revision).toBeLessThan(status.revision);
  });
});

describe('Engine: the quality checks give way to other calls', () => {
  const big = (): Engine => loaded(syntheticCsv(40_000, 7));
  const duplicateIds = (report: { checks: { id: string; rowIds?: number[] }[] } | null): number[] =>
    report?.checks.find((c) => c.id === 'duplicate' || c.id === 'conflicting-duplicate')?.rowIds ?? [];

  it('pauses between checks: a timer set after they start fires before they finish', async () => {
    const engine = big();
    const order: string[] = [];
    const checking = engine.checks(DEFAULT_CHOICES).then(() => order.push('checks'));
    setTimeout(() => order.push('other call'), 0);
    await checking;
    expect(order).toEqual(['other call', 'checks']);
  });

  it('an edit made during a pause is in the report: the run starts again on the rows as they are now', async () => {
    const engine = loaded(CSV);
    let edited = false;
    const pause = async (): Promise<void> => {
      if (!edited) engine.edit({ kind: 'set', id: 3, col: 0, value: 'question 4' });
      edited = true;
    };
    const report = await engine.checks(DEFAULT_CHOICES, { pause, sliceMs: 0 });
    expect(edited).toBe(true);
    // Row 4 (id 3) now has the text of row 5 (id 4) with another label: the two are reported together.
    expect(duplicateIds(report)).toEqual(expect.arrayContaining([3, 4]));
  });

  it('a newer run makes the older one stop (it answers null)', async () => {
    const engine = big();
    const older = engine.checks(DEFAULT_CHOICES);
    const newer = engine.checks(DEFAULT_CHOICES);
    expect(await older).toBeNull();
    expect((await newer)!.rows).toBe(40_000);
  });
});

describe('Engine: a JSONL training file', () => {
  const line = (user: string, answer?: string) =>
    JSON.stringify({ messages: [{ role: 'user', content: user }, ...(answer === undefined ? [] : [{ role: 'assistant', content: answer }])] });

  it('loads its examples as rows, and follows what became of each format finding', () => {
    const engine = new Engine();
    const file = [line('a', '{"category": "x"}'), line('no answer'), 'not json', line('also none'), line('b', '{"category": "y"}')].join('\n');
    const r = engine.load(enc.encode(file), 'train.jsonl');
    expect(r.ok && r.meta.mapping).toEqual({ text: 'inquiry', labels: ['category'] });
    expect(r.ok && r.meta.jsonl?.format.errors).toMatchObject({ invalid_json: 1, example_missing_assistant_message: 2 });
    expect(engine.status().rows).toBe(4);
    const states = () => engine.formatFindingStates();
    expect(states()).toEqual(['open', 'none', 'open']);
    // Row numbers are example numbers: the two rows without an answer are rows 2 and 4.
    engine.edit({ kind: 'set', id: engine.loadedMeta!.jsonl!.findingRowIds[0]!, col: 1, value: 'x' });
    engine.edit({ kind: 'delete', ids: [engine.loadedMeta!.jsonl!.findingRowIds[2]!] });
    expect(states()).toEqual(['edited', 'none', 'deleted']);
  });
});

describe('changing the columns after the mapping step', () => {
  const FILE = 'text,topic,intent,note\nwhere is my parcel,shipping,track,a\nrefund me,billing,refund,b\n';
  const mapped = (): Engine => {
    const engine = new Engine();
    engine.load(enc.encode(FILE), 'f.csv');
    engine.setMapping({ text: 'text', labels: ['topic'] });
    return engine;
  };

  it('is one undo step, and undo and redo bring the columns back and forth', () => {
    const engine = mapped();
    const events: EngineEvent[] = [];
    engine.listen((e) => events.push(e));
    expect(engine.setMapping({ text: 'text', labels: ['topic', 'intent'] })).toEqual({ ok: true });
    expect(engine.status()).toMatchObject({ canUndo: true, undoLabel: 'Change columns' });
    expect(engine.loadedMeta?.mapping).toEqual({ text: 'text', labels: ['topic', 'intent'] });
    expect(events.at(-1)).toMatchObject({ type: 'changed', mapping: { text: 'text', labels: ['topic', 'intent'] } });
    engine.undo();
    expect(engine.loadedMeta?.mapping).toEqual({ text: 'text', labels: ['topic'] });
    expect(events.at(-1)).toMatchObject({ type: 'changed', mapping: { text: 'text', labels: ['topic'] } });
    engine.redo();
    expect(engine.distribution()?.labels).toEqual(['topic', 'intent']);
  });

  it('choosing the same columns again changes nothing', () => {
    const engine = mapped();
    engine.setMapping({ text: 'text', labels: ['topic'] });
    expect(engine.status().canUndo).toBe(false);
  });

  it('comes back with the session: the last change of columns replayed is the one in use', () => {
    const engine = mapped();
    const saved: Change[] = [];
    engine.listen((e) => {
      if (e.type === 'changed' && e.step.op === 'push') saved[e.step.index] = e.step.change;
    });
    engine.setMapping({ text: 'text', labels: ['intent'] });
    engine.edit({ kind: 'set', id: 0, col: 0, value: 'where is my package' });
    const again = new Engine();
    again.load(enc.encode(FILE), 'f.csv', {}, undefined, false);
    again.restore({ mapping: { text: 'text', labels: ['topic'] }, history: { changes: saved, position: 2 } });
    expect(again.loadedMeta?.mapping).toEqual({ text: 'text', labels: ['intent'] });
    again.undo();
    again.undo();
    expect(again.loadedMeta?.mapping).toEqual({ text: 'text', labels: ['topic'] });
  });

  it('is refused in a read-only tab', () => {
    const engine = mapped();
    engine.setReadOnly(true);
    expect(() => engine.setMapping({ text: 'text', labels: ['intent'] })).toThrow(ReadOnlyError);
  });
});

describe('Engine: review status', () => {
  it('marks, counts, filters, and keeps an edited reviewed row "changed since review"; undo takes each step back', () => {
    const engine = loaded(CSV);
    engine.edit({ kind: 'review', ids: [0, 1, 2], status: 'reviewed' });
    engine.edit({ kind: 'review', ids: [3], status: 'flagged' });
    const { status } = engine.edit({ kind: 'review-with', id: 4, cells: [{ col: 1, value: 'Billing' }], label: 'Use the suggested label in row 5' });
    expect(status.review).toEqual({ unreviewed: 15, reviewed: 4, flagged: 1, changed: 0 });
    expect(status.undoLabel).toBe('Use the suggested label in row 5');
    expect(engine.row(4)).toMatchObject({ cells: ['question 4', 'Billing', 's1'], review: 'reviewed' });
    engine.edit({ kind: 'set', id: 1, col: 0, value: 'question one' });
    expect(engine.row(1)!.review).toBe('changed');
    expect(engine.setView({ review: ['changed', 'flagged'] }).length).toBe(2);
    engine.undo();
    expect(engine.row(1)).toMatchObject({ cells: ['question 1', 'Billing', 's1'], review: 'reviewed' });
  });
});

describe('Engine: the typo check with the English word list and the session’s ignore list', () => {
  const csv =
    'inquiry,category,sub_category\n' +
    Array.from({ length: 20 }, (_, i) => `please book a table at the restaurant number ${i},Booking,Table`).join('\n') +
    '\nplease book a table at the restaurnt tonight,Booking,Table\nmy parcel from Lansford is late,Shipping,Late\n';

  it('finds the misspelt word with its correction and a fix for its row; a word marked "Not a typo" is quiet', async () => {
    const engine = loaded(csv);
    // A slow check: not in the quick run that decides the downloads, in the slow run after it.
    expect((await engine.checks(DEFAULT_CHOICES))!.checks.map((c) => c.id)).not.toContain('typo');
    const typo = (await engine.checks(DEFAULT_CHOICES, { lane: 'slow' }))!.checks.find((c) => c.id === 'typo');
    expect(typo?.message).toContain('restaurnt');
    expect(typo?.rows).toEqual([21]);
    expect(typo?.fixes?.map((f) => f.kind)).toEqual(expect.arrayContaining(['replace-word', 'ignore-word']));
    const quiet = (await engine.checks({ ...DEFAULT_CHOICES, ignoreWords: ['restaurnt'] }, { lane: 'slow' }))!.checks.find((c) => c.id === 'typo');
    expect(quiet).toBeUndefined();
  });
});

describe('Engine: the opt-in split that keeps near-duplicates on one side', () => {
  // 40 distinct questions, then each of the first 10 asked again with a word added.
  const questions = Array.from({ length: 40 }, (_, i) => `how do I change the ${['card', 'plan', 'address', 'password'][i % 4]} number ${i * 7919} on file`);
  const rows = [...questions, ...questions.slice(0, 10).map((q) => `${q} please`)];
  const csv = 'inquiry,category,sub_category\n' + rows.map((q, i) => `${q},${i % 2 ? 'Billing' : 'Shipping'},s`).join('\n') + '\n';
  const pairOf = (text: string): string => text.replace(/ please$/, '');
  const texts = async (b: Blob): Promise<string[]> =>
    (await blobText(b))
      .toString()
      .trim()
      .split('\n')
      .map((l) => pairOf((JSON.parse(l) as { messages: { content: string }[] }).messages[1]!.content));

  it('keeps each question and its near-copy in one file, says what it moved, and leaves the default split alone', async () => {
    const engine = loaded(csv);
    const choices = { ...DEFAULT_CHOICES, keepNearDuplicatesTogether: true };
    const plain = engine.exportFiles(DEFAULT_CHOICES);
    const kept = engine.exportFiles(choices);
    if (!plain.ok || !kept.ok) throw new Error('refused');
    const [pt, pv] = [await texts(plain.train), await texts(plain.validation)];
    const cut = pv.filter((t) => pt.includes(t)).length;
    expect(cut).toBeGreaterThan(0);
    const [kt, kv] = [await texts(kept.train), await texts(kept.validation)];
    expect(kv.filter((t) => kt.includes(t))).toEqual([]);
    expect([kt.length, kv.length]).toEqual([pt.length, pv.length]);
    const preview = engine.splitPreview(choices);
    expect(preview.ok && preview.keeping).toMatchObject({ groupsSplit: cut, rowsMoved: cut, rowsSwapped: cut, classChanges: 0 });
    expect(engine.splitPreview(DEFAULT_CHOICES)).not.toHaveProperty('keeping');
  });

  it('uses the near-duplicate threshold the user set: at 0.99 only exact copies are kept together', () => {
    const engine = loaded(csv);
    const preview = engine.splitPreview({ ...DEFAULT_CHOICES, keepNearDuplicatesTogether: true, thresholds: { nearDuplicateSimilarity: 0.99 } });
    expect(preview.ok && preview.keeping).toEqual({ groupsSplit: 0, rowsMoved: 0, rowsSwapped: 0, classChanges: 0 });
  });
});

describe('keeping near-copies in one file: the grouping is reused while the texts are the same', () => {
  it('the same texts give the same grouping without grouping again; a changed text or similarity groups again', () => {
    const texts = ['where is my parcel', 'where is my parcel?', 'refund please', 'cancel my order'];
    const first = groupsOf(texts, 0.8);
    expect(groupsOf([...texts], 0.8)).toBe(first);
    expect(first[0]).toBe(first[1]);
    const edited = groupsOf(['where is my parcel', 'refund please', 'refund please', 'cancel my order'], 0.8);
    expect(edited).not.toBe(first);
    expect([edited[1] === edited[2], edited[0] === edited[1]]).toEqual([true, false]);
    expect(groupsOf(['where is my parcel', 'refund please', 'refund please', 'cancel my order'], 0.9)).not.toBe(edited);
  });
});
