/**
 * A streaming CSV tokenizer with the semantics of pandas' C parser (pandas 1.5.3 `tokenizer.c`,
 * `read_csv` defaults: quotechar `"`, doublequote, no escapechar, skip_blank_lines).
 *
 * Why not a generic CSV parser: byte parity with the notebook depends on pandas' exact reading of
 * the grey areas that RFC 4180 leaves open and that general parsers resolve differently:
 * `\n`, `\r\n` and a lone `\r` all end a record, even mixed in one file; blank and
 * whitespace-only lines are skipped; text after a closing quote is appended (`"x"y` → `xy`);
 * a quote inside an unquoted field is a literal character; a NUL byte truncates its cell.
 * It also has to report the physical line of every record, which error messages need.
 * (papaparse serves as the independent reference in the property tests, and writes CSV in the app.)
 *
 * The tokenizer accepts text in chunks of any size, so a 180 MB file never has to exist as one string.
 */

const enum State {
  StartRecord,
  WhitespaceLine,
  StartField,
  InField,
  InQuotedField,
  QuoteInQuotedField,
  /** After a `\r` that ended a record or a blank line: swallow one `\n`. */
  EatLf,
}

const LF = 10;
const CR = 13;
const QUOTE = 34;
const SPACE = 32;
const TAB = 9;

export interface TokenizerHandlers {
  /** A complete record. `line` is the 1-based physical line it starts on. The array is handed over. */
  record(fields: string[], line: number): void;
}

export interface TokenizerStats {
  lf: number;
  crlf: number;
  cr: number;
  /** Some record or skipped line started with a space or tab (matters for lone-`\r` files, see below). */
  blankStartedLine: boolean;
}

export type TokenizerEnd = { ok: true } | { ok: false; quoteLine: number };

export class PandasTokenizer {
  private state: State = State.StartRecord;
  private fields: string[] = [];
  private field = '';
  /** Physical line at the cursor (1-based). */
  private line = 1;
  private recordLine = 1;
  private quoteLine = 1;
  /** The previous character was `\r` (so a following `\n` does not start another line). */
  private afterCr = false;
  private readonly delim: number;
  readonly stats: TokenizerStats = { lf: 0, crlf: 0, cr: 0, blankStartedLine: false };
  private hasNul = false;
  private chunkNo = 0;
  private scanChunk = -1;
  private nextLf = -1;
  private nextCr = -1;

  constructor(
    delimiter: string,
    private readonly handlers: TokenizerHandlers,
  ) {
    this.delim = delimiter.charCodeAt(0);
  }

  /** Feed the next piece of text. */
  push(s: string): void {
    this.chunkNo++;
    if (!this.hasNul && s.indexOf('\0') !== -1) this.hasNul = true;
    const n = s.length;
    const delim = this.delim;
    let i = 0;
    while (i < n) {
      switch (this.state) {
        case State.StartRecord: {
          const c = s.charCodeAt(i);
          if (c === LF) {
            // A blank line: skipped, but it still counts as a line.
            if (!this.afterCr) this.line++;
            this.afterCr = false;
            i++;
          } else if (c === CR) {
            this.line++;
            this.afterCr = true;
            i++;
          } else if ((c === SPACE || c === TAB) && c !== delim) {
            this.afterCr = false;
            this.recordLine = this.line;
            this.field = s[i]!;
            this.state = State.WhitespaceLine;
            this.stats.blankStartedLine = true;
            i++;
          } else {
            this.afterCr = false;
            this.recordLine = this.line;
            this.state = State.StartField;
          }
          break;
        }
        case State.WhitespaceLine: {
          const c = s.charCodeAt(i);
          if (c === LF || c === CR) {
            // Only spaces and tabs on this line: pandas skips it.
            this.field = '';
            this.state = State.StartRecord;
          } else if ((c === SPACE || c === TAB) && c !== delim) {
            this.field += s[i];
            i++;
          } else {
            // pandas backtracks to the start of the line and reads it as an ordinary field,
            // so the leading whitespace is kept and a quote after it is a literal character.
            this.state = State.InField;
          }
          break;
        }
        case State.StartField: {
          const c = s.charCodeAt(i);
          if (c === QUOTE) {
            this.quoteLine = this.line;
            this.afterCr = false;
            this.state = State.InQuotedField;
            i++;
          } else if (c === delim) {
            this.fields.push('');
            i++;
          } else if (c === LF || c === CR) {
            this.fields.push('');
            i = this.endRecord(s, i);
          } else {
            this.state = State.InField;
          }
          break;
        }
        case State.InField: {
          let j = i;
          let c = 0;
          while (j < n) {
            c = s.charCodeAt(j);
            if (c === delim || c === LF || c === CR) break;
            j++;
          }
          if (j === n) {
            this.field += s.slice(i, n);
            i = n;
            break;
          }
          this.endField(this.field + s.slice(i, j));
          if (c === delim) {
            this.state = State.StartField;
            i = j + 1;
          } else {
            i = this.endRecord(s, j);
          }
          break;
        }
        case State.InQuotedField: {
          const q = s.indexOf('"', i);
          const end = q === -1 ? n : q;
          this.countLines(s, i, end);
          this.field += s.slice(i, end);
          if (q === -1) {
            i = n;
          } else {
            this.state = State.QuoteInQuotedField;
            i = q + 1;
          }
          break;
        }
        case State.QuoteInQuotedField: {
          const c = s.charCodeAt(i);
          if (c === QUOTE) {
            // A doubled quote inside quotes is one literal quote.
            this.field += '"';
            this.afterCr = false;
            this.state = State.InQuotedField;
            i++;
          } else if (c === delim) {
            this.endField(this.field);
            this.state = State.StartField;
            i++;
          } else if (c === LF || c === CR) {
            this.endField(this.field);
            i = this.endRecord(s, i);
          } else {
            // Text after a closing quote is appended literally: "x"y → xy.
            this.state = State.InField;
          }
          break;
        }
        case State.EatLf: {
          if (s.charCodeAt(i) === LF) {
            this.stats.crlf++;
            i++;
          } else {
            this.stats.cr++;
          }
          this.afterCr = false;
          this.state = State.StartRecord;
          break;
        }
      }
    }
  }

  /**
   * Whether the text fed so far ends exactly where a record ends (no record or quoted field open):
   * where a reader may hand the rest of the file to another tokenizer that starts afresh.
   */
  get atRecordStart(): boolean {
    return this.state === State.StartRecord;
  }

  /** The physical line (1-based) the next character is on. */
  get nextLine(): number {
    return this.line;
  }

  /** Finish the input. Fails only on an unterminated quoted field (pandas: "EOF inside string"). */
  end(): TokenizerEnd {
    switch (this.state) {
      case State.InQuotedField:
        return { ok: false, quoteLine: this.quoteLine };
      case State.StartField:
        this.fields.push('');
        this.emit();
        break;
      case State.InField:
      case State.QuoteInQuotedField:
        this.endField(this.field);
        this.emit();
        break;
      case State.EatLf:
        this.stats.cr++;
        break;
      default:
        break;
    }
    this.state = State.StartRecord;
    return { ok: true };
  }

  private endField(value: string): void {
    // pandas stores cells as C strings: a NUL byte ends the cell.
    if (this.hasNul) {
      const z = value.indexOf('\0');
      if (z !== -1) value = value.slice(0, z);
    }
    this.fields.push(value);
    this.field = '';
  }

  /** `s[i]` is `\n` or `\r` ending the current record; returns the index after it. */
  private endRecord(s: string, i: number): number {
    this.emit();
    this.line++;
    if (s.charCodeAt(i) === LF) {
      this.stats.lf++;
      this.state = State.StartRecord;
      this.afterCr = false;
    } else {
      this.state = State.EatLf;
      this.afterCr = true;
    }
    return i + 1;
  }

  private emit(): void {
    const fields = this.fields;
    this.fields = [];
    this.field = '';
    this.handlers.record(fields, this.recordLine);
  }

  /** Count physical lines inside a quoted run: every `\r`, and every `\n` not preceded by `\r`. */
  private countLines(s: string, from: number, to: number): void {
    if (from >= to) return;
    // The next `\n` / `\r` positions are cached per chunk: searching afresh for each quoted field
    // would rescan the rest of the chunk whenever it has no such character (quadratic).
    if (this.scanChunk !== this.chunkNo) {
      this.scanChunk = this.chunkNo;
      this.nextLf = s.indexOf('\n');
      this.nextCr = s.indexOf('\r');
    }
    if (this.nextLf !== -1 && this.nextLf < from) this.nextLf = s.indexOf('\n', from);
    while (this.nextLf !== -1 && this.nextLf < to) {
      const k = this.nextLf;
      const prevCr = k === from ? this.afterCr : s.charCodeAt(k - 1) === CR;
      if (!prevCr) this.line++;
      this.nextLf = s.indexOf('\n', k + 1);
    }
    if (this.nextCr !== -1 && this.nextCr < from) this.nextCr = s.indexOf('\r', from);
    while (this.nextCr !== -1 && this.nextCr < to) {
      this.line++;
      this.nextCr = s.indexOf('\r', this.nextCr + 1);
    }
    this.afterCr = s.charCodeAt(to - 1) === CR;
  }
}
