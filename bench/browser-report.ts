// What the browser bench prints and writes: a table of figures per size with PASS/FAIL against the
// targets, the memory samples, the downloads' check, the notebook and the CLI side by side, and JSON.
import fs from 'node:fs';
import path from 'node:path';
import type { Figure, Heap, SizeResult, Unit } from './browser-figures';
import { formatMb, formatRows, machine } from './env';

/** The lines above the tables: how the figures were taken. */
export function formatHeading(): string {
  return (
    `\nTrainset app in Chromium vs the notebook pipeline (${machine()})\n` +
    'Timed in the page unless marked: from the input event (its timeStamp) to the DOM change a MutationObserver sees, then to the\n' +
    'next animation frame (the frame that paints it). Downloads and "values listed" are timed from Playwright. Targets from the\n' +
    'issue: those stated for 100k rows apply up to 100k rows, those stated for 1M rows above that.\n'
  );
}

function formatValue(v: number | null, unit: Unit): string {
  if (v === null) return 'n/a';
  if (unit === 's') return `${v.toFixed(2)} s`;
  if (unit === 'MB') return `${v.toFixed(0)} MB`;
  return `${v.toFixed(0)} ms`;
}

function formatTarget(f: Figure): string {
  if (f.target === undefined) return '';
  if (f.unit === 'MB') return `< ${(f.target / 1024).toFixed(1)} GB`;
  return `≤ ${f.target} ${f.unit}`;
}

export function formatSize(r: SizeResult, chromiumVersion: string): string {
  const others = r.otherCpuShare === undefined ? '' : `; other processes took ${(r.otherCpuShare * 100).toFixed(0)}% of the CPUs meanwhile`;
  const head = `\n${formatRows(r.rows)} rows (${formatMb(r.csvBytes)} MB CSV) in Chromium ${chromiumVersion}${others}`;
  const table = [
    ['measure', 'figure', 'target', ''],
    ...r.figures.map((f) => [
      f.label,
      f.key.startsWith('long') && f.value === 0 ? '< 50 ms' : formatValue(f.value, f.unit),
      formatTarget(f),
      f.pass === undefined ? '' : f.pass ? 'PASS' : 'FAIL',
    ]),
  ];
  const widths = [0, 1, 2].map((i) => Math.max(...table.map((row) => [...row[i]!].length)));
  const pad = (s: string, w: number, right = false) => (right ? ' '.repeat(w - [...s].length) + s : s + ' '.repeat(w - [...s].length));
  const lines = table.map((row) => `  ${pad(row[0]!, widths[0]!)}  ${pad(row[1]!, widths[1]!, true)}  ${pad(row[2]!, widths[2]!)}  ${row[3]}`.trimEnd());
  const out = [head, ...lines];
  out.push(...formatMemory(r));
  if (r.downloads) {
    const sizes = r.downloads.files.map((f) => `${f.name} ${formatMb(f.bytes)} MB`).join(', ');
    out.push(`  downloads vs trainset export (sha256): ${r.downloads.identical ? 'identical' : `DIFFERENT: ${r.downloads.difference}`} (${sizes})`);
  }
  out.push('  side by side on the same file (seconds are wall time, MB is peak RSS):');
  const nb = r.notebook;
  if (nb?.status === 'ok') {
    const same = nb.identicalToCli === null ? '' : nb.identicalToCli ? ', same bytes as trainset export' : ', NOT the same bytes as trainset export';
    out.push(`    notebook pipeline (seed_pipeline.py)  ${nb.seconds.toFixed(2)} s  ${nb.peakMb.toFixed(0)} MB${same}`);
    if (nb.phases) {
      const p = nb.phases;
      const phase = (k: string) => (p[`${k}_s`] === undefined ? '-' : p[`${k}_s`]!.toFixed(2));
      out.push(
        `      its phases (s): import ${phase('import')}, read ${phase('read')}, build ${phase('build')}, split ${phase('split')}, write ${phase('write')}`,
      );
    }
  } else if (nb) out.push(`    notebook pipeline: ${nb.status} (${nb.reason})`);
  if (r.cli?.status === 'ok') out.push(`    trainset export (CLI)                 ${r.cli.seconds.toFixed(2)} s  ${r.cli.peakMb.toFixed(0)} MB`);
  else if (r.cli) out.push(`    trainset export (CLI): failed (${r.cli.reason})`);
  const loaded = r.figures.find((f) => f.key === 'loaded')?.value;
  const downloads = r.figures.find((f) => f.key === 'downloads')?.value;
  if (typeof loaded === 'number' && typeof downloads === 'number') {
    const ratio = nb?.status === 'ok' ? ` (${(nb.seconds / (loaded + downloads)).toFixed(1)}× faster than the notebook)` : '';
    out.push(`    app: loaded and shown + both downloads  ${(loaded + downloads).toFixed(2)} s${ratio}`);
  }
  const notes = r.figures
    .filter((f) => f.note || f.targetNote)
    .map((f) => `  · ${f.label.trim()}: ${[f.note, f.targetNote ? `target: ${f.targetNote}` : ''].filter(Boolean).join('; ')}`);
  if (notes.length > 0) out.push('  notes:', ...notes);
  for (const w of r.warnings) out.push(`  warning: ${w}`);
  if (r.error) out.push(`  FAILED: ${r.error}`);
  return out.join('\n') + '\n';
}

const MEMORY_COLUMNS: [keyof Heap, string][] = [
  ['pageMb', 'page heap'],
  ['workerMb', 'worker heap'],
  ['workerBuffersMb', 'worker ArrayBuffers'],
  ['rendererRssMb', 'renderer PSS'],
  ['chromiumRssMb', 'all Chromium PSS'],
];

/** The memory samples as a small table (MB). */
function formatMemory(r: SizeResult): string[] {
  const samples: [string, Heap | undefined][] = [
    ['peak while loading', r.heap.peakDuringLoad],
    ['after load', r.heap.afterLoad],
    ['after export', r.heap.afterExport],
    ['at the end', r.heap.end],
  ];
  const present = samples.filter((x): x is [string, Heap] => x[1] !== undefined);
  if (present.length === 0) return [];
  const rowsOut = [
    ['memory, MB', ...MEMORY_COLUMNS.map((c) => c[1])],
    ...present.map(([label, h]) => [label, ...MEMORY_COLUMNS.map(([k]) => (h[k] === null ? 'n/a' : h[k]!.toFixed(0)))]),
  ];
  const widths = rowsOut[0]!.map((_, i) => Math.max(...rowsOut.map((row) => row[i]!.length)));
  return rowsOut.map((row) => '  ' + row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
}

/** The figures as JSON in bench-results/bench-browser.json; returns its path from the project root. */
export function writeJson(root: string, results: SizeResult[], chromiumVersion: string, exitCode: number): string {
  const file = path.join(root, 'bench-results', 'bench-browser.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const report = {
    date: new Date().toISOString(),
    machine: machine(),
    chromium: chromiumVersion,
    timing:
      'in-page figures run from the input event (its timeStamp) to the DOM change, then to the next animation frame (the frame that paints it); downloads are timed from Playwright',
    results: results.map(({ csv, ...r }) => ({ ...r, csv: path.relative(root, csv) })),
    exitCode,
  };
  fs.writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  return path.relative(root, file);
}
