import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { isProjectFile, projectFileName, readProject, writeProject, type ProjectContent } from './project';
import { crc32 } from './crc32';

const csv = strToU8('inquiry,category,sub_category\nWhere is my parcel?,Shipping,Delayed\nRefund please,Billing,Refund\n');
const PROJECT: ProjectContent = {
  file: { name: 'tickets.csv', bytes: csv, options: { delimiter: ',' }, savedAt: Date.UTC(2026, 11, 7, 9, 30) },
  mapping: { text: 'inquiry', labels: ['category', 'sub_category'] },
  history: {
    changes: [
      { label: 'Edit category', patches: [{ op: 'set', rowId: 1, col: 1, before: 'Billing', after: 'Payments' }] },
      { label: 'Mark reviewed', patches: [{ op: 'review', rowId: 0, before: 'unreviewed', after: 'reviewed' }] },
      { label: 'Edit inquiry', patches: [{ op: 'set', rowId: 0, col: 0, before: 'Where is my parcel?', after: 'Where is my parcel' }] },
    ],
    position: 2,
  },
  choices: { seed: 7, ignoreWords: ['Lansford'], thresholds: { nearDuplicateSimilarity: 0.9 } },
  handledBadLines: [4],
  savedAt: Date.UTC(2026, 11, 7, 9, 30),
};

/** The project with its index changed by `edit` (the rest of the zip as written). */
function withIndex(edit: (index: Record<string, unknown>) => void, bytes = writeProject(PROJECT)): Uint8Array {
  const entries = unzipSync(bytes);
  const index = JSON.parse(strFromU8(entries['trainset-project.json']!)) as Record<string, unknown>;
  edit(index);
  return zipSync({
    'trainset-project.json': strToU8(JSON.stringify(index)),
    ...Object.fromEntries(Object.entries(entries).filter(([k]) => k !== 'trainset-project.json')),
  });
}

describe('project files', () => {
  it('round-trips a session exactly: the file bytes, the whole history and its undo position, mapping, settings, rows set aside', () => {
    const read = readProject(writeProject(PROJECT), 'tickets.trainset');
    expect(read).toEqual({ ok: true, project: PROJECT, damage: [] });
  });

  it('is recognised from its first bytes, whatever its name; a zip that is not a project is not', () => {
    expect(isProjectFile(writeProject(PROJECT).subarray(0, 64))).toBe(true);
    expect(isProjectFile(zipSync({ 'a.csv': csv }).subarray(0, 64))).toBe(false);
    expect(isProjectFile(csv)).toBe(false);
    expect(readProject(zipSync({ 'a.csv': csv }), 'a.zip')).toEqual({ ok: false, reason: expect.stringContaining('not a Trainset project') });
  });

  it('writes the same bytes for the same session, and keeps the manifest', () => {
    expect(writeProject(PROJECT)).toEqual(writeProject(PROJECT));
    const read = readProject(writeProject({ ...PROJECT, manifest: { format: 'trainset-manifest' } }), 'p.trainset');
    expect(read.ok && read.project.manifest).toEqual({ format: 'trainset-manifest' });
  });

  it('refuses a project from a newer Trainset, saying what to do', () => {
    const read = readProject(
      withIndex((i) => ((i.version = 2), (i.tool = { name: 'trainset', version: '0.4.0' }))),
      'next.trainset',
    );
    expect(read).toEqual({
      ok: false,
      reason: expect.stringMatching(/^next\.trainset was saved by Trainset 0\.4\.0 \(project format 2\); this Trainset .* Open it with the newer Trainset/),
    });
  });

  it('keeps every edit up to a damaged one, and says what was dropped', () => {
    const read = readProject(
      withIndex((i) => {
        const h = i.history as { changes: { patches: unknown }[] };
        h.changes[1]!.patches = [{ op: 'set', rowId: -3 }];
      }),
      'p.trainset',
    );
    expect(read.ok && read.project.history).toEqual({ changes: PROJECT.history.changes.slice(0, 1), position: 1 });
    expect(read.ok && read.damage).toEqual(['2 edits were damaged and could not be restored (edit 2 is malformed)']);
    expect(read.ok && read.project.file.bytes).toEqual(csv);
  });

  it('opens the file alone when the index is damaged, and says so', () => {
    const entries = unzipSync(writeProject(PROJECT));
    entries['trainset-project.json'] = strToU8('{"format": "trainset-proj');
    const read = readProject(zipSync(entries), 'p.trainset');
    expect(read.ok && read.project.file).toMatchObject({ name: 'tickets.csv', bytes: csv });
    expect(read.ok && read.project.history.changes).toEqual([]);
    expect(read.ok && read.damage[0]).toMatch(/^the project's index was damaged .*: the file tickets\.csv was opened without its edits/);
  });

  it('refuses a project whose data file is damaged or missing: its edits would apply to other data', () => {
    const entries = unzipSync(writeProject(PROJECT));
    const changed = entries['source/tickets.csv']!.slice();
    changed[40] = changed[40]! ^ 1;
    expect(crc32(changed)).not.toBe(crc32(csv));
    expect(readProject(zipSync({ ...entries, 'source/tickets.csv': changed }), 'p.trainset')).toEqual({
      ok: false,
      reason: expect.stringContaining('the data file inside it (tickets.csv) is not the one its edits were made on'),
    });
    delete entries['source/tickets.csv'];
    expect(readProject(zipSync(entries), 'p.trainset')).toEqual({ ok: false, reason: expect.stringContaining('is missing from it') });
  });

  it('refuses a truncated file with a message, never an exception', () => {
    const bytes = writeProject(PROJECT);
    const read = readProject(bytes.subarray(0, bytes.length - 40), 'cut.trainset');
    expect(read).toEqual({ ok: false, reason: expect.stringMatching(/^cut\.trainset is damaged/) });
  });

  it('names the project after the data file', () => {
    expect(projectFileName('tickets.csv')).toBe('tickets.trainset');
    expect(projectFileName('March export.v2.xlsx')).toBe('March export.v2.trainset');
    expect(projectFileName('.csv')).toBe('dataset.trainset');
  });

  it('computes the zip CRC-32', () => {
    expect(crc32(strToU8('The quick brown fox jumps over the lazy dog'))).toBe(0x414fa339);
    expect(crc32(new Uint8Array())).toBe(0);
  });
});
