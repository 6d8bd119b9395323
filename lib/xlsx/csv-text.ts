/** The most cells (rows × columns, empty ones included) a sheet's CSV is made of: 100,000 rows of 200 columns. */
const MAX_CELLS = 20_000_000;

/** `0` → `A`, `26` → `AA`. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A field as a CSV writer with minimal quoting writes it (RFC 4180): quoted only when it holds `,`, `"`, CR or LF. */
function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Physical lines a quoted field adds, counted as the CSV reader counts them (every CR, every LF not after a CR). */
function extraLines(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 || (c === 10 && text.charCodeAt(i - 1) !== 13)) n++;
  }
  return n;
}

/**
 * The cells as Excel's "Save as CSV UTF-8" lays them out: from A1 to the last row and the last
 * column that hold a value, every row as wide as the widest (an empty row is `,,`, which pandas
 * reads as a row of missing values; in a one-column sheet it is a blank line, which pandas skips),
 * `\n` after every record, no BOM. Also says which sheet row each physical line comes from.
 */
export function cellsToCsv(rows: readonly (readonly string[] | undefined)[]): { csv: Uint8Array; rowOfLine: Int32Array } | { tooLarge: string } | null {
  let lastRow = -1;
  let width = 0;
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r];
    if (!cells) continue;
    for (let c = cells.length - 1; c >= 0; c--) {
      if (cells[c]) {
        lastRow = r;
        width = Math.max(width, c + 1);
        break;
      }
    }
  }
  if (lastRow < 0) return null;
  // A stray value far from the table (XFD1048576) would make a CSV of billions of commas.
  if ((lastRow + 1) * width > MAX_CELLS) return { tooLarge: `${columnName(width - 1)}${lastRow + 1}` };
  const parts: string[] = [];
  const rowOfLine: number[] = [0];
  const empty = ','.repeat(width - 1);
  for (let r = 0; r <= lastRow; r++) {
    const cells = rows[r];
    let lines = 1;
    if (!cells || cells.length === 0) {
      parts.push(empty);
    } else {
      const fields: string[] = [];
      for (let c = 0; c < width; c++) {
        const text = cells[c] ?? '';
        fields.push(field(text));
        if (text.length > 0 && (text.includes('\n') || text.includes('\r'))) lines += extraLines(text);
      }
      parts.push(fields.join(','));
    }
    for (let i = 0; i < lines; i++) rowOfLine.push(r + 1);
  }
  rowOfLine.push(lastRow + 2);
  return { csv: new TextEncoder().encode(parts.join('\n') + '\n'), rowOfLine: Int32Array.from(rowOfLine) };
}
