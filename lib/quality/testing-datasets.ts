import { readCsv } from '../csv';
import { columnsTable } from './table';
import type { CheckTable } from './types';

// Test support (imported only by `*.test.ts`): the real public datasets as check tables.

/** A folder's files, as the tests read them with node:fs (lib/ itself has no Node built-ins). */
export interface DatasetFiles {
  /** The bytes of a file, by its path inside the folder (`a/b.csv`). */
  read(file: string): Uint8Array;
  /** The names of the files in a sub-folder. */
  list(sub: string): string[];
}

/** Tables from the files of one copy of the datasets (the full ones or the samples). */
export function datasets(source: DatasetFiles) {
  const text = (file: string): string => new TextDecoder().decode(source.read(file));
  function csvTable(...files: string[]): CheckTable {
    let header: string[] = [];
    const rows: string[][] = [];
    for (const file of files) {
      const r = readCsv(source.read(file));
      if (!r.ok) throw new Error(`${file}: ${r.problem.message}`);
      header = r.table.header;
      rows.push(...r.table.rows);
    }
    return columnsTable(
      header,
      header.map((_, c) => rows.map((row) => row[c]!)),
      rows.length,
    );
  }

  /** All files of a folder, in name order (hwu64 keeps one file per intent). */
  const folder = (sub: string): string[] =>
    source
      .list(sub)
      .sort()
      .map((f) => `${sub}/${f}`);

  /** clinc150 is JSON: every split's [text, intent] pairs, with the intent's domain from domains.json (`oos` has none). */
  function clincTable(): CheckTable {
    const data = JSON.parse(text('clinc150/data_full.json')) as Record<string, [string, string][]>;
    const domains = JSON.parse(text('clinc150/domains.json')) as Record<string, string[]>;
    const domainOf = new Map(Object.entries(domains).flatMap(([d, intents]) => intents.map((i) => [i, d] as const)));
    const pairs = Object.values(data).flat();
    const columns = [pairs.map((p) => p[0]), pairs.map((p) => domainOf.get(p[1]) ?? 'oos'), pairs.map((p) => p[1])];
    return columnsTable(['text', 'domain', 'intent'], columns, pairs.length);
  }

  return { csvTable, folder, clincTable };
}
