import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  exportCsv,
  exportCsvInTwo,
  MANIFEST_FILE,
  manifestOf,
  manifestText,
  sha256Hex,
  TARGETS,
  type BatchBuffers,
  type CsvExportExtra,
  type CsvExportResult,
  type ExportFiles,
  type ExportSettings,
  type ExportTarget,
  type FileDigest,
  type GroupTexts,
  type Manifest,
} from '../lib/export';
import { DEFAULT_THRESHOLDS, nearDuplicateGroupIds } from '../lib/quality';
import type { CsvBytes, CsvOptions } from '../lib/csv';
import { DigestThread, type DigestStream } from './digest-thread';
import { FileBytes } from './file-bytes';
import { cutAfterMiddle, ParseThread, parallelMinBytes } from './parse-thread';
import { combinedSource, CSV_OPTIONS, csvOptionsFrom, csvSource, noteDetected, openInput, reportProblems, settingsFrom, type CsvSource } from './options';
import { checkProjectArgs, openProject } from './project';
import { USAGE, UsageError, WriteError } from './usage';

/** `trainset export`: read, check, split, write atomically, summarise. */
export async function exportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      ...CSV_OPTIONS,
      out: { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      project: { type: 'string' },
    },
  });
  if (values.project !== undefined) return exportProject(values.project, values, positionals);
  if (positionals.length === 0) throw new UsageError('export needs the CSV file (or .xlsx workbook) to read, or several to read as one');
  if (positionals.length === 1 && values.combine !== undefined) throw new UsageError('--combine is for several files read as one');
  const settings = settingsFrom(values);
  const csvOptions = csvOptionsFrom(values);
  const outDir = values.out ?? '.';

  // Several files are one dataset (lib/sources); the manifest's input is their bundle.
  const several = positionals.length > 1 ? combinedSource(positionals, values, csvOptions) : null;
  if (typeof several === 'number') return several;
  const name = several ? several.name : path.basename(positionals[0]!);
  // One file is read in pieces, as it is parsed, and hashed meanwhile (see FileBytes).
  const file = several ? null : openInput(positionals[0]!);
  try {
    return await exportSource(name, several ?? csvSource(name, file!, values, csvOptions), file, { settings, csvOptions, outDir, values });
  } finally {
    file?.close();
  }
}

/**
 * A large file read in two halves at once, the second on a worker thread (lib/export's
 * exportCsvInTwo): null when it is small, or when the halves cannot stand for the whole file (then
 * it is read on this thread, as always).
 */
async function exportOnTwoThreads(file: FileBytes, settings: ExportSettings, csvOptions: CsvOptions, extra: CsvExportExtra): Promise<CsvExportResult | null> {
  if (file.size < parallelMinBytes()) return null;
  const cut = cutAfterMiddle(file.fd, file.size);
  if (cut === null) return null;
  const thread = new ParseThread({ fd: file.fd, start: cut, end: file.size, settings, ...(extra.plainWrites ? { plainWrites: extra.plainWrites } : {}) });
  try {
    const result = await exportCsvInTwo(FileBytes.range(file.fd, 0, cut), thread, settings, csvOptions, extra);
    if (process.env.TRAINSET_DEBUG)
      process.stderr.write(
        `trainset: ${result ? 'read in two parts at once, from byte 0 and' : 'read on one thread after all (the two parts could not stand for the file), not cut at'} byte ${cut}\n`,
      );
    return result;
  } finally {
    await thread.stop();
  }
}

interface SourceExport {
  settings: ExportSettings;
  csvOptions: CsvOptions;
  outDir: string;
  values: { quiet?: boolean; 'keep-near-duplicates-together'?: boolean };
}

/** Export one source (a file read in pieces, or the bundle of several files) and write the files and their manifest. */
async function exportSource(
  name: string,
  source: (CsvSource<CsvBytes> & { bundle?: Uint8Array }) | number,
  file: FileBytes | null,
  options: SourceExport,
): Promise<number> {
  if (typeof source === 'number') return source;
  const digests = DigestThread.start();
  try {
    return await exportWith(name, source, file, digests, options);
  } finally {
    await digests.close();
  }
}

async function exportWith(
  name: string,
  source: CsvSource<CsvBytes> & { bundle?: Uint8Array },
  file: FileBytes | null,
  digests: DigestThread,
  { settings, csvOptions, outDir, values }: SourceExport,
): Promise<number> {
  // The input is hashed on the digest thread while this one parses it (an export that fails ignores the hash).
  const inputHash = file ? digests.hashFile(file.fd) : sha256Hex(source.bundle!);
  inputHash.catch(() => undefined);
  // Opt-in, not the notebook's split: copies and near-copies (the near-duplicate check's default similarity) go to one file.
  const together = values['keep-near-duplicates-together'] === true;
  const similarity = together ? DEFAULT_THRESHOLDS.nearDuplicateSimilarity : null;
  const groupTexts: GroupTexts | undefined = similarity !== null ? (texts) => nearDuplicateGroupIds(texts, similarity) : undefined;
  const extra: CsvExportExtra = {
    // Node's TextEncoder is cheap per call (see PlainWrites).
    plainWrites: 'encoder',
    ...(source.rowOfLine ? { rowOfLine: source.rowOfLine } : {}),
    ...(groupTexts ? { groupTexts } : {}),
  };
  const read = file && source.bytes === file && !source.rowOfLine && !groupTexts ? await exportOnTwoThreads(file, settings, source.csvOptions, extra) : null;
  const result = read ?? exportCsv(source.bytes, settings, source.csvOptions, undefined, extra);

  if (!result.ok && result.kind === 'unreadable') {
    process.stderr.write(`${name}: ${result.problem.message}\n`);
    return 1;
  }
  if (result.info) noteDetected(name, result.info);
  if (!result.ok) {
    reportProblems(name, result.problems, result.problemCount);
    if (result.kind === 'usage') {
      process.stderr.write(`\n${USAGE}`);
      return 2;
    }
    process.stderr.write('Nothing was written.\n');
    return 1;
  }

  const input = { name, bytes: file ? file.size : source.bundle!.length, sha256: await inputHash };
  const manifest = (digests: { train: FileDigest; validation: FileDigest }): Manifest =>
    manifestOf(settings, input, result.files.summary, digests, {
      // The options given, and a workbook's sheet (the one named, or its only sheet with cells).
      csv: source.sheet !== undefined ? { ...csvOptions, sheet: source.sheet } : csvOptions,
      nearDuplicateSimilarity: similarity,
    });
  const written = await writeFilesAtomically(outDir, result.files, manifest, digests);
  if (!values.quiet) process.stdout.write(summary(name, result.files, written, settings.target) + keepingNote(result.files));
  return 0;
}

/** What keeping near-copies in one file changed in scikit-learn's split (empty without the option). */
function keepingNote(files: ExportFiles): string {
  const k = files.keeping;
  if (!k) return '';
  if (k.groupsSplit === 0) return "Near-duplicates kept on one side: no group was split across the files, so they are scikit-learn's.\n";
  return (
    `Near-duplicates kept on one side: ${k.groupsSplit} ${k.groupsSplit === 1 ? 'group' : 'groups'} split by scikit-learn moved whole ` +
    `(${k.rowsMoved} ${k.rowsMoved === 1 ? 'row' : 'rows'} moved, ${k.rowsSwapped} traded back` +
    (k.classChanges > 0 ? `, ${k.classChanges} of another class` : '') +
    `).${k.rowsSwapped < k.rowsMoved ? ' No row was free to trade for the rest: the file sizes changed.' : ''}\n`
  );
}

/**
 * `trainset export --project NAME.trainset`: the files the app would download from that session,
 * made by the same engine from the same file, edits and settings.
 */
async function exportProject(file: string, values: { out?: string; quiet?: boolean } & Record<string, unknown>, positionals: string[]): Promise<number> {
  checkProjectArgs(values, positionals);
  const opened = openProject(file);
  if (!opened) return 1;
  // The app's "Download both (.zip)": the files and the manifest the worker makes from this session.
  const r = await opened.engine.exportWithManifest(opened.choices);
  if (!r.ok) {
    reportProblems(opened.name, r.problems, r.problemCount);
    process.stderr.write('Nothing was written.\n');
    return 1;
  }
  const [train, validation] = await Promise.all([r.train.arrayBuffer(), r.validation.arrayBuffer()]);
  const manifest = JSON.parse(r.manifest) as Manifest;
  const files = { train: () => [[new Uint8Array(train)]], validation: () => [[new Uint8Array(validation)]] };
  const digests = DigestThread.start();
  const written = await writeFilesAtomically(values.out ?? '.', files, () => manifest, digests).finally(() => digests.close());
  if (!values.quiet) process.stdout.write(summary(`${opened.dataName} (${opened.name}, with its edits)`, r, written, opened.choices.target));
  return 0;
}

interface Written {
  train: string;
  validation: string;
  manifest: string;
}

/**
 * Write both files and their manifest (hashed as they are written, in one pass) to temporary
 * names, then rename: a failure never leaves half a file or clobbers the old ones.
 */
async function writeFilesAtomically(
  outDir: string,
  files: { train(buffers?: BatchBuffers): Iterable<Uint8Array[]>; validation(buffers?: BatchBuffers): Iterable<Uint8Array[]> },
  manifest: (digests: { train: FileDigest; validation: FileDigest }) => Manifest,
  digests: DigestThread,
): Promise<Written> {
  try {
    fs.mkdirSync(outDir, { recursive: true });
  } catch (e) {
    throw new WriteError(
      `cannot create the folder ${JSON.stringify(outDir)} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}). Choose another with --out.`,
    );
  }
  const targets: Written = {
    train: path.join(outDir, 'train.jsonl'),
    validation: path.join(outDir, 'validation.jsonl'),
    manifest: path.join(outDir, MANIFEST_FILE),
  };
  const temp = (file: string): string => `${file}.${process.pid}.tmp`;
  const temps: Written = { train: temp(targets.train), validation: temp(targets.validation), manifest: temp(targets.manifest) };
  try {
    const train = await writeChunks(temps.train, (buffers) => files.train(buffers), digests.stream());
    const validation = await writeChunks(temps.validation, (buffers) => files.validation(buffers), digests.stream());
    fs.writeFileSync(temps.manifest, manifestText(manifest({ train, validation })));
    fs.renameSync(temps.train, targets.train);
    fs.renameSync(temps.validation, targets.validation);
    fs.renameSync(temps.manifest, targets.manifest);
  } catch (e) {
    for (const t of Object.values(temps)) fs.rmSync(t, { force: true });
    throw new WriteError(
      `cannot write to ${JSON.stringify(outDir)} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); nothing was written. Choose a folder you can write to with --out.`,
    );
  }
  return targets;
}

/** Writes of one file under way at once: enough to keep the disk busy while the next batches are made (about 16 MB). */
const WRITES_IN_FLIGHT = 8;

/**
 * Write the batches to `file` and hash them on the digest thread; returns the file's size, SHA-256
 * and lines. The writes run on libuv's thread pool, each at its own position, and the hashing on the
 * digest thread (reading each batch back once written, in file order), while this thread makes the
 * next batches.
 */
async function writeChunks(file: string, batches: (buffers: BatchBuffers) => Iterable<Uint8Array[]>, digest: DigestStream): Promise<FileDigest> {
  const pool = new BufferPool();
  // Read and write: the digest thread reads each batch back.
  const handle = await fs.promises.open(file, 'w+');
  const inFlight: Promise<void>[] = [];
  let failure: unknown = null;
  let position = 0;
  // Settles once every batch written so far is handed to the digest thread (in file order).
  let handedOn = Promise.resolve();
  try {
    for (const parts of batches(pool)) {
      for (const part of parts) {
        const at = position;
        // A failure is kept and thrown below; left unhandled meanwhile, it would end the process.
        const written = writeAll(handle, part, at).then(() => pool.give(part));
        handedOn = Promise.all([handedOn, written]).then(() => digest.add(handle.fd, at, part.length));
        inFlight.push(handedOn.catch((e: unknown) => void (failure ??= e)));
        position += part.length;
      }
      while (inFlight.length >= WRITES_IN_FLIGHT) await inFlight.shift();
      if (failure !== null) throw failure;
    }
    await Promise.all(inFlight);
    if (failure !== null) throw failure;
    // Before the file is closed: the digest thread reads it.
    return await digest.result();
  } finally {
    await Promise.all(inFlight);
    await handle.close();
  }
}

/** The batches' buffers, each lent again once it is written (new memory is slow to touch; see BatchBuffers). */
class BufferPool implements BatchBuffers {
  private readonly free: Uint8Array[] = [];

  take(bytes: number): Uint8Array {
    const i = this.free.findIndex((b) => b.length >= bytes);
    return i >= 0 ? this.free.splice(i, 1)[0]! : new Uint8Array(bytes);
  }

  /** `part` was a view of a buffer this pool lent: it may be lent again. */
  give(part: Uint8Array): void {
    this.free.push(new Uint8Array(part.buffer, 0, part.buffer.byteLength));
  }
}

/** Write all of `bytes` at `position` (a write may take fewer bytes than asked). */
async function writeAll(handle: fs.promises.FileHandle, bytes: Uint8Array, position: number): Promise<void> {
  for (let done = 0; done < bytes.length;) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, position + done);
    done += bytesWritten;
  }
}

function summary(name: string, files: Pick<ExportFiles, 'summary'>, written: Written, target: ExportTarget): string {
  const s = files.summary;
  const width = Math.max(s.labelColumn.length, ...s.perLabel.map((c) => c.label.length), 5);
  const row = (a: string, b: string, c: string): string => `  ${a.padEnd(width)}  ${b.padStart(7)}  ${c.padStart(10)}\n`;
  return (
    `Read ${s.rows} rows from ${name}.\n` +
    `Wrote ${written.train} (${s.train} rows) and ${written.validation} (${s.validation} rows).\n` +
    `Wrote ${written.manifest} (the settings and each file's sha256; check them with: npx trainset verify ${shellWord(path.dirname(written.manifest))}).\n` +
    // The default layout goes unnamed: it is the notebook's.
    (target === 'openai' ? '' : `Each line is in the layout for ${TARGETS[target].name}.\n`) +
    '\n' +
    row(s.labelColumn, 'train', 'validation') +
    s.perLabel.map((c) => row(c.label, String(c.train), String(c.validation))).join('')
  );
}

/** A path as one word for the shell (quoted when it holds anything but plain characters). */
function shellWord(p: string): string {
  return /^[\w./@:+-]+$/.test(p) ? p : `'${p.replaceAll("'", "'\\''")}'`;
}
