import path from 'node:path';
import { DEFAULT_CHOICES, Engine, type ExportChoices } from '../lib/engine';
import { parseChoices } from '../lib/engine/choices';
import { readProject } from '../lib/project';
import { readInput } from './options';
import { UsageError } from './usage';

/** A project file opened as the app opens it: the same engine, file, edits and settings. */
export interface OpenedProject {
  engine: Engine;
  choices: ExportChoices;
  /** The project's file name, for messages. */
  name: string;
  /** The data file's name inside it. */
  dataName: string;
}

/** Options of export and check that the project sets itself: giving them with --project is a usage error. */
const SET_BY_PROJECT = [
  'sheet',
  'combine',
  'text',
  'labels',
  'stratify',
  'test-size',
  'seed',
  'system',
  'json-style',
  'target',
  'encoding',
  'delimiter',
  'no-header',
  'keep-near-duplicates-together',
];

/** Refuse the options a project decides, and a data file given beside it. */
export function checkProjectArgs(values: Record<string, unknown>, positionals: string[]): void {
  const given = SET_BY_PROJECT.filter((o) => values[o] !== undefined);
  if (given.length > 0) {
    throw new UsageError(
      `--project takes the columns, split and format from the project (as the app would), so ${given.map((o) => `--${o}`).join(', ')} cannot be given with it. Change them in the app, then download the project again.`,
    );
  }
  if (positionals.length > 0)
    throw new UsageError(`--project reads its data from the project: give no other file (got ${positionals.map((p) => JSON.stringify(p)).join(', ')})`);
}

/**
 * Open a `.trainset` project: its file read with its options, its history replayed, its settings
 * read back as the app reads them. Damage is reported on stderr (what was kept is used, as in the
 * app); a project that cannot be opened is a message and null.
 */
export function openProject(file: string): OpenedProject | null {
  const name = path.basename(file);
  const read = readProject(readInput(file), name);
  if (!read.ok) {
    process.stderr.write(`${read.reason}\n`);
    return null;
  }
  const { project, damage } = read;
  const engine = new Engine();
  const loaded = engine.load(project.file.bytes, project.file.name, project.file.options);
  if (!loaded.ok) {
    process.stderr.write(`${name}: its data file ${project.file.name} cannot be read: ${loaded.problem.message}\n`);
    return null;
  }
  const restored = engine.restore({ mapping: project.mapping, history: project.history, handledBadLines: project.handledBadLines });
  const notes = [...damage];
  if (restored.dropped > 0)
    notes.push(
      `${restored.dropped === 1 ? '1 edit' : `${restored.dropped} edits`} did not fit the file and ${restored.dropped === 1 ? 'was' : 'were'} left out`,
    );
  const { choices, dropped } = parseChoices(project.choices, DEFAULT_CHOICES);
  if (dropped.length > 0) notes.push(`some settings could not be read and are back to their defaults (${dropped.join(', ')})`);
  for (const n of notes) process.stderr.write(`${name}: ${n}.\n`);
  if (!engine.loadedMeta?.mapping) {
    process.stderr.write(`${name}: its columns were never chosen. Open it in the app, choose the text and label columns, and download the project again.\n`);
    return null;
  }
  return { engine, choices, name, dataName: project.file.name };
}
