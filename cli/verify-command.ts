import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { digestBytes, MANIFEST_FILE, parseManifest, TRAINSET_VERSION, type FileDigest, type Manifest } from '../lib/export';
import { readInput } from './options';
import { digestFile, nodeSha256 } from './sha256';
import { UsageError } from './usage';

/**
 * `trainset verify DIR [--input FILE]`: are the files in DIR still the bytes its manifest.json
 * records, and (with --input) were they made from FILE, and does exporting FILE again give them?
 * Exit 0 when everything matches; 1 naming each file that differs (or a damaged manifest, or an
 * input that is not the one recorded, or one whose export gives other bytes); 2 usage error (no
 * such folder, no manifest.json in it, no such input file).
 */
export async function verifyCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, strict: true, options: { input: { type: 'string' } } });
  if (positionals.length !== 1) {
    throw new UsageError(positionals.length === 0 ? 'verify needs the folder holding manifest.json' : `verify takes one folder, got ${positionals.length}`);
  }
  const dir = positionals[0]!;
  const manifest = readManifest(dir);
  if (!manifest.ok) {
    process.stderr.write(`${manifest.message}\n`);
    return 1;
  }
  const m = manifest.manifest;
  const input = values.input === undefined ? null : { file: values.input, bytes: readInput(values.input) };

  const names = Object.keys(m.files) as (keyof Manifest['files'])[];
  const onDisk = new Map<string, FileDigest>();
  const differ: string[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const expected = m.files[name];
    if (!fs.existsSync(file)) {
      differ.push(`${name} is missing (${MANIFEST_FILE} lists it: ${describe(expected)}).`);
      continue;
    }
    const actual = await digestFile(file);
    onDisk.set(name, actual);
    if (actual.bytes !== expected.bytes || actual.sha256 !== expected.sha256) {
      differ.push(`${name} differs from ${MANIFEST_FILE}: it has ${describe(actual)}; the manifest says ${describe(expected)}.`);
    }
  }
  for (const line of differ) process.stderr.write(`${line}\n`);
  if (differ.length === 0) process.stdout.write(`All ${names.length} files match ${path.join(dir, MANIFEST_FILE)}.\n`);
  if (!input) return differ.length === 0 ? 0 : 1;
  const inputOk = await verifyInput(input.file, input.bytes, m, onDisk);
  return differ.length === 0 && inputOk ? 0 : 1;
}

type ManifestOutcome = { ok: true; manifest: Manifest } | { ok: false; message: string };

/** DIR/manifest.json, checked. A missing folder or manifest is a usage error (exit 2); a damaged one is a failed verification (exit 1). */
function readManifest(dir: string): ManifestOutcome {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch {
    throw new UsageError(`cannot read ${JSON.stringify(dir)}: no such folder`);
  }
  if (!stat.isDirectory()) throw new UsageError(`${JSON.stringify(dir)} is a file; give the folder holding ${MANIFEST_FILE} and the files it lists`);
  const file = path.join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(
      `${JSON.stringify(dir)} has no ${MANIFEST_FILE}. trainset export writes one beside train.jsonl and validation.jsonl, and the app puts one in "Download both (.zip)"`,
    );
  }
  const read = parseManifest(text);
  if (!read.ok) return { ok: false, message: `${file} is damaged: ${read.error}. Nothing was verified; export again to write a new one.` };
  return read;
}

/** Whether `bytes` are the recorded input, and exporting them again gives the files; says what differs. */
async function verifyInput(file: string, bytes: Uint8Array, m: Manifest, onDisk: Map<string, FileDigest>): Promise<boolean> {
  const name = path.basename(file);
  const given = await digestBytes(bytes, nodeSha256());
  if (given.sha256 !== m.input.sha256) {
    process.stderr.write(
      `${name} is not the file this export was made from (sha256 ${given.sha256}, ${count(given.bytes)} bytes; ` +
        `${MANIFEST_FILE} records ${m.input.name}: sha256 ${m.input.sha256}, ${count(m.input.bytes)} bytes).\n`,
    );
    return false;
  }
  const { editedCells, addedRows, deletedRows } = m.input.edits;
  if (editedCells + addedRows + deletedRows > 0) {
    const edits = [plural(editedCells, 'cell', 'edited'), plural(addedRows, 'row', 'added'), plural(deletedRows, 'row', 'deleted')].filter(Boolean).join(', ');
    process.stdout.write(
      `${name} is the file this export was made from (sha256 ${given.sha256}). The files were made from its rows as edited in the app ` +
        `(${edits}), so ${name} alone does not make them again: only its hash was checked.\n`,
    );
    return true;
  }
  const { remakeFiles } = await import('./remake');
  const remade = remakeFiles(bytes, m);
  if (!remade.ok) {
    process.stderr.write(`${name} is the file this export was made from, but exporting it again with the recorded settings fails: ${remade.reason}\n`);
    return false;
  }
  const differ: string[] = [];
  for (const [fileName, batches] of [
    ['train.jsonl', remade.files.train()],
    ['validation.jsonl', remade.files.validation()],
  ] as const) {
    const again = await digestBytes(batches, nodeSha256());
    // Compared with the file in the folder; with the manifest when the file is missing.
    const there = onDisk.get(fileName) ?? m.files[fileName];
    if (again.bytes !== there.bytes || again.sha256 !== there.sha256) {
      differ.push(
        `${fileName}: exporting ${name} again gives ${describe(again)}; ${onDisk.has(fileName) ? 'the file has' : `${MANIFEST_FILE} says`} ${describe(there)}.`,
      );
    }
  }
  if (differ.length > 0) {
    for (const line of differ) process.stderr.write(`${line}\n`);
    if (m.tool.version !== TRAINSET_VERSION) {
      process.stderr.write(`The files were made by trainset ${m.tool.version}; this is trainset ${TRAINSET_VERSION}.\n`);
    }
    return false;
  }
  process.stdout.write(`${name} is the file this export was made from (sha256 ${given.sha256}), and exporting it again gives the same bytes.\n`);
  return true;
}

const count = (n: number): string => n.toLocaleString('en');
const describe = (d: { bytes: number; sha256: string; lines: number }): string => `${count(d.bytes)} bytes, ${count(d.lines)} lines, sha256 ${d.sha256}`;
const plural = (n: number, noun: string, verb: string): string => (n === 0 ? '' : `${count(n)} ${noun}${n === 1 ? '' : 's'} ${verb}`);
