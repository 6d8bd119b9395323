/**
 * `npm run bench:dataset`: the grid's operations (sort, filter, search, edit, replace, export) on
 * 100k and 1M synthetic rows inside the engine, without a browser. Prints figures; asserts nothing
 * (machines differ). The rows go through the real CSV reader, so cells are the strings the app has.
 */
import { readCsv } from '../lib/csv';
import { clearViewCache, computeView, Dataset, exportDataset, nestedCounts, planReplace, setCell, toCsv, valueCounts } from '../lib/dataset';
import { syntheticCsv } from '../lib/dataset/testing';
import { DEFAULT_SETTINGS } from '../lib/export';
import { cachedCounter, chosenModel, countTokens } from '../lib/engine/tokens';
import { DEFAULT_MODEL_ID } from '../lib/tokens';

const ms = (t0: number): string => `${(performance.now() - t0).toFixed(0)} ms`;
const mb = (): string => `${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`;

function time<T>(rows: [string, string][], what: string, f: () => T): T {
  const t0 = performance.now();
  const r = f();
  rows.push([what, ms(t0)]);
  return r;
}

async function timeAsync<T>(rows: [string, string][], what: string, f: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const r = await f();
  rows.push([what, ms(t0)]);
  return r;
}

const USAGE = `Usage: npm run bench:dataset -- [SIZES]

  SIZES  row counts, comma-separated (default: 100000,1000000)

Times the grid's operations and the export inside the engine, without a browser.
`;
const arg = process.argv[2];
if (arg === '--help' || arg === '-h') {
  process.stdout.write(USAGE);
  process.exit(0);
}
const sizes = (arg ?? '100000,1000000').split(',').map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) {
  process.stderr.write(`bench:dataset: ${JSON.stringify(arg)} is not a list of row counts\n\n${USAGE}`);
  process.exit(2);
}
const tokenChoices = { model: DEFAULT_MODEL_ID, pricePerMillion: null, epochs: null };
for (const n of sizes) {
  {
    const out: [string, string][] = [];
    const bytes = new TextEncoder().encode(syntheticCsv(n));
    const read = time(out, 'readCsv', () => readCsv(bytes));
    if (!read.ok) throw new Error(read.problem.message);
    const ds = time(out, 'Dataset.fromRows', () => Dataset.fromRows(read.table.header, read.table.rows, read.table.lines));
    out.push(['heap after load', mb()]);

    time(out, 'sort inquiry (first: ranks)', () => computeView(ds, { sort: { col: 0, desc: false } }));
    time(out, 'sort inquiry again, descending', () => computeView(ds, { sort: { col: 0, desc: true } }));
    time(out, 'sort category (first: ranks)', () => computeView(ds, { sort: { col: 1, desc: false } }));
    time(out, 'sort category again', () => computeView(ds, { sort: { col: 1, desc: true } }));
    time(out, 'filter category ∈ {Billing, Account}', () => computeView(ds, { filters: [{ col: 1, values: ['Billing', 'Account'] }] }));
    time(out, 'search "refund" in inquiry (first: lower-case copy)', () => computeView(ds, { search: { text: 'refund', col: 0 } }));
    time(out, 'search "refund" in inquiry again', () => computeView(ds, { search: { text: 'refund', col: 0 } }));
    time(out, 'search "kalo" in all columns', () => computeView(ds, { search: { text: 'kalo', col: null } }));
    time(out, 'filter + search + sort by inquiry', () =>
      computeView(ds, { filters: [{ col: 1, values: ['Billing'] }], search: { text: 'order', col: 0 }, sort: { col: 0, desc: false } }),
    );
    out.push(['heap with view caches', mb()]);
    time(out, 'valueCounts(category)', () => valueCounts(ds, 1));
    time(out, 'nestedCounts(category, sub_category)', () => nestedCounts(ds, 1, 2));

    const edits = 10_000;
    const t0 = performance.now();
    for (let i = 0; i < edits; i++) {
      const id = (i * 7919) % n;
      ds.apply(setCell(ds, id, 1, ds.cell(id, 1) === 'Billing' ? 'Shipping' : 'Billing')!);
    }
    out.push([`cell edit (build + apply), mean of ${edits}`, `${(((performance.now() - t0) / edits) * 1000).toFixed(2)} µs`]);
    time(out, 'sort category after edits (ranks rebuilt)', () => computeView(ds, { sort: { col: 1, desc: false } }));
    time(out, 'show only edited', () => computeView(ds, { editedOnly: true }));
    ds.apply(setCell(ds, 0, 0, 'an edited inquiry')!);
    time(out, 'sort inquiry after an edit (ranks rebuilt)', () => computeView(ds, { sort: { col: 0, desc: false } }));
    time(out, 'planReplace "order" → "purchase" (all columns)', () =>
      planReplace(ds, { find: 'order', replace: 'purchase', regex: false, caseSensitive: false, col: null }),
    );
    clearViewCache(ds);
    time(out, 'toCsv', () => toCsv(ds, { neutralizeFormulas: true }));
    time(out, 'exportDataset (collect + split)', () => exportDataset(ds, DEFAULT_SETTINGS));
    // The Tokens and cost card: the first count tokenizes every text; later ones only edited texts.
    await timeAsync(out, `load the ${DEFAULT_MODEL_ID} tokenizer`, () => cachedCounter(chosenModel(tokenChoices).encoding));
    await timeAsync(out, 'count tokens and cost (first count)', () => countTokens(ds, DEFAULT_SETTINGS, tokenChoices));
    ds.apply(setCell(ds, 3, 0, 'a text typed after the first count')!);
    await timeAsync(out, 'count tokens again after an edit', () => countTokens(ds, DEFAULT_SETTINGS, tokenChoices));
    out.push(['heap at the end', mb()]);
    console.log(`\n${n.toLocaleString('en')} rows\n${out.map(([k, v]) => `  ${k.padEnd(52)} ${v.padStart(9)}`).join('\n')}`);
  }
}
