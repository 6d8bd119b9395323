import type { ExportChoices, StreamEnd } from '../engine';
import { projectFileName } from '../project';
import { sourceValue } from '../sources';
import { MANIFEST_FILE } from '../export';
import { parseTestSize } from '../split';
import { transfer } from '../rpc';
import type { Set, Slice, StoreContext } from './context';
import { gateOf } from './derived-slice';
import { exportInitial } from './initial-state';
import type { ExportSlice } from './types';

const count = (n: number): string => n.toLocaleString('en');

/** The export settings and the downloads. */
export const exportSlice: Slice<ExportSlice> = (ctx) => (set, get) => ({
  ...exportInitial,
  setChoices(patch) {
    const choices: ExportChoices = { ...get().choices, ...patch };
    set({ choices });
    ctx.deps.engine.saveChoices(choices);
    ctx.refreshSoon();
  },
  setTestSizeText(text) {
    const parsed = parseValidationShare(text);
    set({ testSizeText: text, testSizeError: parsed.ok ? null : parsed.error });
    if (parsed.ok) get().setChoices({ testSize: parsed.value });
  },
  setNeutralizeFormulas(on) {
    set({ neutralizeFormulas: on });
  },
  setCsvReviewStatus(on) {
    set({ csvReviewStatus: on });
  },
  setCsvSourceColumn(on) {
    set({ csvSourceColumn: on });
  },
  async download(kind) {
    set({ busy: kind, lastDownload: null });
    try {
      const meta = get().meta;
      const files = meta?.info.sources?.files;
      // Several files read as one: "refund-and-2-more-cleaned.csv", not the first file's name alone.
      const base = files ? `${sourceValue(files[0]!.name)}-and-${files.length - 1}-more` : (meta?.fileName ?? 'dataset').replace(/\.[^.]+$/, '');
      if (kind === 'project') {
        const project = await ctx.deps.engine.projectFile();
        if (!project) return;
        ctx.deps.save(project, files ? `${base}.trainset` : projectFileName(meta?.fileName ?? 'dataset'));
        set({
          lastDownload: {
            kind,
            note: 'It holds the file, every edit (undo included), the review progress and the settings: open it with Upload, in any browser, to carry on.',
          },
        });
        return;
      }
      if (kind === 'csv') {
        const { blob, neutralized } = await ctx.engine.cleanedCsv(get().neutralizeFormulas, get().csvReviewStatus, get().csvSourceColumn);
        ctx.deps.save(blob, `${base}-cleaned.csv`);
        set({
          lastDownload: {
            kind,
            note: neutralized > 0 ? `${neutralized} cells starting with = + - @ got a leading ' so spreadsheets do not run them as formulas.` : 'Saved.',
          },
        });
        return;
      }
      // The policy is enforced here, not only by disabled buttons: results for the rows as they are now.
      await get().refreshGate();
      const gate = gateOf(get());
      if (!gate.ok && gate.reason === 'errors') return;
      if ((kind === 'train' || kind === 'validation') && (await streamDownload(ctx, set, kind, get().choices))) return;
      // The zip also holds manifest.json, with the hashes the worker took of these very files.
      const r = kind === 'zip' ? await ctx.engine.exportWithManifest(get().choices) : await ctx.engine.exportFiles(get().choices);
      if (!r.ok) {
        set({ exportProblems: { problems: r.problems, count: r.problemCount } });
        return;
      }
      if ('manifest' in r && typeof r.manifest === 'string') ctx.deps.save(await zipWithManifest(ctx, r.train, r.validation, r.manifest), `${base}-jsonl.zip`);
      else ctx.deps.save(kind === 'train' ? r.train : r.validation, `${kind}.jsonl`);
      set({ lastDownload: { kind, note: examplesNote(r.summary) } });
    } finally {
      set({ busy: null, savingBytes: null });
    }
  },
});

/** What a saved JSONL download holds, for the status line: "400 train and 100 validation examples." */
const examplesNote = (summary: { train: number; validation: number }): string =>
  `${count(summary.train)} train and ${count(summary.validation)} validation examples.`;

const MB = 2 ** 20;

/**
 * One JSONL file written by the worker straight into the browser's downloads (StoreDeps.openStream),
 * the status line counting what is saved. False when no stream could be opened: the caller then
 * makes the file as a Blob. When the writer fails the download is ended as failed in the browser
 * (not left half-written as if complete) and the error says so; the rows are not touched either way.
 */
async function streamDownload(ctx: StoreContext, set: Set, kind: 'train' | 'validation', choices: ExportChoices): Promise<boolean> {
  if (!ctx.deps.openStream) return false;
  const check = await ctx.engine.prepareFile(choices);
  if (!check.ok) {
    set({ exportProblems: { problems: check.problems, count: check.problemCount } });
    return true;
  }
  const name = `${kind}.jsonl`;
  const stream = await ctx.deps.openStream(name);
  if (!stream) return false;
  let lastShown = 0;
  stream.onProgress((bytes) => {
    // A status line that changes at most every 8 MB: enough to see it move.
    if (bytes - lastShown < 8 * MB) return;
    lastShown = bytes;
    set({ savingBytes: bytes });
  });
  const stopped = (why: string): Error => {
    stream.abort(why);
    return new Error(`${name} was cut off (${why.replace(/\.$/, '')}). The browser marks that download as failed; your rows are unchanged: download it again.`);
  };
  const writing = ctx.engine.streamFile(choices, kind, transfer(stream.port, [stream.port]));
  stream.start();
  let end: StreamEnd;
  try {
    end = await writing;
  } catch (e) {
    throw stopped(e instanceof Error ? e.message : String(e));
  }
  if (!end.ok && end.reason === 'stalled') throw stopped('the browser stopped taking it for a minute');
  set({
    lastDownload: end.ok ? { kind, note: examplesNote(check.summary) } : { kind, note: 'The download was cancelled in the browser.', cancelled: true },
  });
  return true;
}

/** Both files and manifest.json, whose hashes the worker took of these very Blobs. */
async function zipWithManifest(ctx: StoreContext, trainBlob: Blob, validationBlob: Blob, manifest: string): Promise<Blob> {
  const [train, validation] = await Promise.all([trainBlob.arrayBuffer(), validationBlob.arrayBuffer()]);
  const zipped = ctx.deps.zip({
    'train.jsonl': new Uint8Array(train),
    'validation.jsonl': new Uint8Array(validation),
    [MANIFEST_FILE]: new TextEncoder().encode(manifest),
  });
  return new Blob([zipped as Uint8Array<ArrayBuffer>], { type: 'application/zip' });
}

/**
 * The validation share as users type it: "20%" or "0.2" (a share, a Python float) or "40" (a row
 * count, a Python int). "40.0" is a float, as in the notebook, and therefore not a valid share.
 */
export function parseValidationShare(text: string): { ok: true; value: { kind: 'float' | 'int'; value: number } } | { ok: false; error: string } {
  const t = text.trim();
  const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(t);
  if (percent) {
    const value = Number(percent[1]) / 100;
    if (value > 0 && value < 1) return { ok: true, value: { kind: 'float', value } };
    return { ok: false, error: 'A percentage must be between 0% and 100%.' };
  }
  const parsed = parseTestSize(t);
  if (!parsed || !Number.isFinite(parsed.value)) return { ok: false, error: 'Type a share such as 20% or 0.2, or a number of rows such as 40.' };
  if (parsed.kind === 'float' && !(parsed.value > 0 && parsed.value < 1)) {
    return { ok: false, error: 'A share must be between 0 and 1 (for example 0.2); for a row count, type a whole number.' };
  }
  if (parsed.kind === 'int' && parsed.value < 1) return { ok: false, error: 'A row count must be at least 1.' };
  return { ok: true, value: parsed };
}
