import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { delimiterName, encodingName, type CsvInfo, type Encoding } from '../lib/csv';
import { DEFAULT_SETTINGS, exportCsv, type ExportFiles, type ExportProblem, type ExportSettings } from '../lib/export';
import { parseTestSize } from '../lib/split';
import { USAGE, UsageError, WriteError } from './usage';

const MAX_PROBLEMS_SHOWN = 20;

const ENCODINGS: Record<string, Encoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-8-sig': 'utf-8',
  'utf-16le': 'utf-16le',
  'utf-16-le': 'utf-16le',
  'utf-16be': 'utf-16be',
  'utf-16-be': 'utf-16be',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  latin1: 'windows-1252',
  'latin-1': 'windows-1252',
  'iso-8859-1': 'windows-1252',
};

/** `trainset export`: read, check, split, write atomically, summarise. */
export async function exportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      out: { type: 'string' },
      text: { type: 'string' },
      labels: { type: 'string' },
      stratify: { type: 'string' },
      'test-size': { type: 'string' },
      seed: { type: 'string' },
      system: { type: 'string' },
      'json-style': { type: 'string' },
      encoding: { type: 'string' },
      delimiter: { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
    },
  });
  if (positionals.length !== 1) {
    throw new UsageError(positionals.length === 0 ? 'export needs the CSV file to read' : `export takes one file, got ${positionals.length}`);
  }
  const file = positionals[0]!;
  const settings = settingsFrom(values);
  const encoding = values.encoding === undefined ? undefined : ENCODINGS[values.encoding.toLowerCase()];
  if (values.encoding !== undefined && encoding === undefined) {
    throw new UsageError(`unknown encoding ${JSON.stringify(values.encoding)}: use utf-8, utf-16le, utf-16be or windows-1252`);
  }
  const delimiter = parseDelimiter(values.delimiter);
  const outDir = values.out ?? '.';

  const bytes = readInput(file);
  const name = path.basename(file);
  const result = exportCsv(bytes, settings, { ...(encoding ? { encoding } : {}), ...(delimiter ? { delimiter } : {}) });

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

  const written = writeFilesAtomically(outDir, result.files);
  if (!values.quiet) process.stdout.write(summary(name, result.files, written));
  return 0;
}

function settingsFrom(values: Record<string, string | boolean | undefined>): ExportSettings {
  const str = (k: string): string | undefined => values[k] as string | undefined;
  // A comma inside a column name is written \, (e.g. --labels "Product\, line,Issue").
  const list = (s: string): string[] => s.split(/(?<!\\),/).map((c) => c.replaceAll('\\,', ','));
  const labelColumns = str('labels') !== undefined ? list(str('labels')!) : DEFAULT_SETTINGS.labelColumns;
  if (labelColumns.some((c) => c === '')) throw new UsageError('--labels has an empty column name');
  const stratifyText = str('stratify');
  const stratify =
    stratifyText === undefined ? [labelColumns[0]!] : stratifyText.toLowerCase() === 'none' ? null : list(stratifyText);
  const testSizeText = str('test-size') ?? '0.2';
  const testSize = parseTestSize(testSizeText);
  if (testSize === null) throw new UsageError(`--test-size must be a share such as 0.2 or a row count such as 40, not ${JSON.stringify(testSizeText)}`);
  const seedText = str('seed') ?? '42';
  if (!/^\d+$/.test(seedText) || Number(seedText) > 0xffffffff) {
    throw new UsageError(`--seed must be a whole number from 0 to 4294967295 (numpy's range), not ${JSON.stringify(seedText)}`);
  }
  const style = str('json-style') ?? 'python';
  if (style !== 'python' && style !== 'compact') throw new UsageError(`--json-style is python or compact, not ${JSON.stringify(style)}`);
  return {
    textColumn: str('text') ?? DEFAULT_SETTINGS.textColumn,
    labelColumns,
    stratify,
    testSize,
    seed: Number(seedText),
    systemPrompt: str('system') ?? DEFAULT_SETTINGS.systemPrompt,
    jsonStyle: style,
  };
}

function parseDelimiter(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const named: Record<string, string> = { tab: '\t', '\\t': '\t', comma: ',', semicolon: ';', pipe: '|' };
  const d = named[text.toLowerCase()] ?? text;
  if ([...d].length !== 1 || d === '"' || d === '\n' || d === '\r') {
    throw new UsageError(`--delimiter must be one character (or tab), not ${JSON.stringify(text)}`);
  }
  return d;
}

function readInput(file: string): Uint8Array {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new UsageError(`cannot read ${JSON.stringify(file)}: no such file`);
  }
  if (stat.isDirectory()) throw new UsageError(`${JSON.stringify(file)} is a folder; give the CSV file inside it`);
  try {
    return fs.readFileSync(file);
  } catch (e) {
    throw new UsageError(`cannot read ${JSON.stringify(file)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

function noteDetected(name: string, info: CsvInfo): void {
  const notes: string[] = [];
  if (info.encodingDetected && info.encoding !== 'utf-8') notes.push(`encoding ${encodingName(info.encoding)} (detected)`);
  if (info.delimiterDetected) notes.push(`delimiter ${delimiterName(info.delimiter)} (detected)`);
  if (notes.length > 0) process.stderr.write(`${name}: read with ${notes.join(', ')}\n`);
  for (const w of info.warnings) process.stderr.write(`${name}: note: ${w.message}\n`);
}

function reportProblems(name: string, problems: ExportProblem[], total: number): void {
  for (const p of problems.slice(0, MAX_PROBLEMS_SHOWN)) process.stderr.write(`${name}: ${p.message}\n`);
  if (total > MAX_PROBLEMS_SHOWN) process.stderr.write(`${name}: … and ${total - MAX_PROBLEMS_SHOWN} more problems like these.\n`);
}

/** Write both files to temporary names, then rename: a failure never leaves half a file or clobbers the old ones. */
function writeFilesAtomically(outDir: string, files: ExportFiles): { train: string; validation: string } {
  try {
    fs.mkdirSync(outDir, { recursive: true });
  } catch (e) {
    throw new WriteError(`cannot create the folder ${JSON.stringify(outDir)} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}). Choose another with --out.`);
  }
  const targets = { train: path.join(outDir, 'train.jsonl'), validation: path.join(outDir, 'validation.jsonl') };
  const temps = { train: `${targets.train}.${process.pid}.tmp`, validation: `${targets.validation}.${process.pid}.tmp` };
  try {
    writeChunks(temps.train, files.train());
    writeChunks(temps.validation, files.validation());
    fs.renameSync(temps.train, targets.train);
    fs.renameSync(temps.validation, targets.validation);
  } catch (e) {
    for (const t of Object.values(temps)) fs.rmSync(t, { force: true });
    throw new WriteError(`cannot write to ${JSON.stringify(outDir)} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); nothing was written. Choose a folder you can write to with --out.`);
  }
  return targets;
}

function writeChunks(file: string, batches: Iterable<Uint8Array[]>): void {
  const fd = fs.openSync(file, 'w');
  try {
    for (const parts of batches) {
      const total = parts.reduce((n, p) => n + p.length, 0);
      let written = fs.writevSync(fd, parts);
      // writev may write less than asked (rare on files); finish the batch byte-exactly.
      if (written < total) {
        const rest = Buffer.concat(parts).subarray(written);
        while (written < total) written += fs.writeSync(fd, rest, written - (total - rest.length));
      }
    }
  } finally {
    fs.closeSync(fd);
  }
}

function summary(name: string, files: ExportFiles, written: { train: string; validation: string }): string {
  const s = files.summary;
  const width = Math.max(s.labelColumn.length, ...s.perLabel.map((c) => c.label.length), 5);
  const row = (a: string, b: string, c: string): string => `  ${a.padEnd(width)}  ${b.padStart(7)}  ${c.padStart(10)}\n`;
  return (
    `Read ${s.rows} rows from ${name}.\n` +
    `Wrote ${written.train} (${s.train} rows) and ${written.validation} (${s.validation} rows).\n\n` +
    row(s.labelColumn, 'train', 'validation') +
    s.perLabel.map((c) => row(c.label, String(c.train), String(c.validation))).join('')
  );
}
