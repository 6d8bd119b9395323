import { describe, expect, it } from 'vitest';
import { readCsvTable } from './read-table';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('readCsvTable: a first row that looks like data', () => {
  const file = 'give me the weather for merced at three pm,weather_query\nweather this week,weather_query\nwake me up at six,alarm_set\n';

  it('says why when the file is read with a header', () => {
    const r = readCsvTable(bytes(file), {});
    expect(r.ok && r.info.headerLooksLikeData).toBe('“give me the weather for merced at three…” reads like a sentence, not a column name');
    expect(r.ok && r.rowCount).toBe(2);
  });

  it('reads every line as a row, without the question, when told there is no header', () => {
    const r = readCsvTable(bytes(file), { header: false });
    expect(r.ok && r.header).toEqual(['column 1', 'column 2']);
    expect(r.ok && r.columns[0]![0]).toBe('give me the weather for merced at three pm');
    expect(r.ok && r.rowCount).toBe(3);
    expect(r.ok && Array.from(r.lines)).toEqual([1, 2, 3]);
    expect(r.ok && r.info.headerLooksLikeData).toBeUndefined();
  });

  it('does not ask about an ordinary header', () => {
    const r = readCsvTable(bytes('text,label\nhello there,greet\n'), {});
    expect(r.ok && r.info.headerLooksLikeData).toBeUndefined();
  });
});
