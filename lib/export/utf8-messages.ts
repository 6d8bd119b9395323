import type { JsonStyle } from './types';

/**
 * The messages of a file, escaped as JSON string literals from their UTF-8 bytes, a group of rows at
 * a time: the group's texts are joined and encoded with one TextEncoder call, and one loop over
 * the bytes writes each message's literal, exactly as `json.dumps` (python style: `\uXXXX` for all
 * but printable ASCII) or JSON.stringify (compact style: UTF-8 as it is) writes it.
 *
 * Why not a loop over each string's characters (writePythonJson)? The app's messages are the CSV
 * reader's slices of the decoded file, two-byte strings pointing into larger ones, and at a million
 * rows reading them a character at a time took about 1.1 s of the 2 s it took to write train.jsonl in
 * Chromium's worker; one join and one encode per group read them at the speed of a copy. A call to
 * TextEncoder per message costs about 3 µs there, hence the groups.
 *
 * A group holding a lone surrogate (only an edit can make one: a file read as UTF-8 cannot) is
 * written a message at a time by `fallback`, since TextEncoder would replace it with U+FFFD.
 */
export class Utf8Messages {
  private texts: string[] = [];
  private bytes = new Uint8Array(1 << 16);
  /** The next message's first byte in `bytes`. */
  private at = 0;
  private current = '';
  private wellFormed = true;
  private readonly encoder = new TextEncoder();

  constructor(
    private readonly style: JsonStyle,
    /** The message of the k-th line of the file. */
    private readonly messageOf: (k: number) => string,
    /** Lines in the file. */
    private readonly lines: number,
    /** A message written from its string (for a group with a lone surrogate). */
    private readonly fallback: (text: string, out: Uint8Array, at: number) => number,
    private readonly group = 4096,
  ) {}

  /** Read the group from line `first` on: its texts joined, encoded. */
  private fill(first: number): void {
    const n = Math.min(this.group, this.lines - first);
    const texts = this.texts;
    texts.length = n;
    for (let i = 0; i < n; i++) texts[i] = this.messageOf(first + i);
    const joined = texts.join('');
    this.at = 0;
    this.wellFormed = isWellFormed(joined);
    if (!this.wellFormed) return;
    if (this.bytes.length < joined.length * 3) this.bytes = new Uint8Array(joined.length * 3 + (1 << 16));
    this.encoder.encodeInto(joined, this.bytes);
  }

  /**
   * Line `k`'s message, next to be written: its length in UTF-16 units (its literal takes at most 6
   * bytes a unit, plus 2). Lines are taken in order from 0, each once.
   */
  take(k: number): number {
    const i = k % this.group;
    if (i === 0) this.fill(k);
    this.current = this.texts[i]!;
    return this.current.length;
  }

  /** The message taken last as a JSON string literal at `out[at…]`; returns the position after it. */
  write(out: Uint8Array, at: number): number {
    const text = this.current;
    if (!this.wellFormed) return this.fallback(text, out, at);
    return this.style === 'python' ? this.writePython(text.length, out, at) : this.writeCompact(text.length, out, at);
  }

  /** `units` UTF-16 units from `bytes[this.at…]` as `json.dumps` writes them (ensure_ascii). */
  private writePython(units: number, out: Uint8Array, at: number): number {
    const src = this.bytes;
    let p = this.at;
    out[at++] = 0x22;
    for (let u = 0; u < units; u++) {
      const b = src[p++]!;
      if (b >= 0x20 && b < 0x7f) {
        if (b === 0x22 || b === 0x5c) out[at++] = 0x5c;
        out[at++] = b;
        continue;
      }
      let c: number;
      if (b < 0x80) c = b;
      else if (b < 0xe0) c = ((b & 0x1f) << 6) | (src[p++]! & 0x3f);
      else if (b < 0xf0) c = ((b & 0x0f) << 12) | ((src[p++]! & 0x3f) << 6) | (src[p++]! & 0x3f);
      else {
        // Outside the BMP: two UTF-16 units, written as a surrogate pair, as Python does.
        const cp = (((b & 0x07) << 18) | ((src[p++]! & 0x3f) << 12) | ((src[p++]! & 0x3f) << 6) | (src[p++]! & 0x3f)) - 0x10000;
        at = writeU(out, at, 0xd800 + (cp >> 10));
        at = writeU(out, at, 0xdc00 + (cp & 0x3ff));
        u++;
        continue;
      }
      at = c < 0x20 ? writeControl(out, at, c) : writeU(out, at, c);
    }
    out[at++] = 0x22;
    this.at = p;
    return at;
  }

  /** `units` UTF-16 units from `bytes[this.at…]` as JSON.stringify writes them, UTF-8 left as it is. */
  private writeCompact(units: number, out: Uint8Array, at: number): number {
    const src = this.bytes;
    let p = this.at;
    out[at++] = 0x22;
    for (let u = 0; u < units; u++) {
      const b = src[p++]!;
      if (b >= 0x20) {
        if (b < 0x80) {
          if (b === 0x22 || b === 0x5c) out[at++] = 0x5c;
          out[at++] = b;
          continue;
        }
        // A multi-byte character, copied: 2 or 3 bytes for one UTF-16 unit, 4 for two.
        out[at++] = b;
        out[at++] = src[p++]!;
        if (b >= 0xe0) out[at++] = src[p++]!;
        if (b >= 0xf0) {
          out[at++] = src[p++]!;
          u++;
        }
        continue;
      }
      at = writeControl(out, at, b);
    }
    out[at++] = 0x22;
    this.at = p;
    return at;
  }
}

/** A lone surrogate: a high one not followed by a low one, or a low one not after a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** No lone surrogate in `s` (String.prototype.isWellFormed, ES2024, where the browser has it). */
function isWellFormed(s: string): boolean {
  const own = (s as { isWellFormed?: () => boolean }).isWellFormed;
  return own ? own.call(s) : !LONE_SURROGATE.test(s);
}

/** The short escapes of JSON for the control characters that have one (0 for the others). */
const SHORT = new Uint8Array(0x20);
SHORT[8] = 0x62; // \b
SHORT[9] = 0x74; // \t
SHORT[10] = 0x6e; // \n
SHORT[12] = 0x66; // \f
SHORT[13] = 0x72; // \r

/** A control character (below U+0020) as JSON escapes it: `\n` and the like where there is a short form, else `\u00XX`. */
function writeControl(out: Uint8Array, at: number, c: number): number {
  const short = SHORT[c]!;
  if (short === 0) return writeU(out, at, c);
  out[at++] = 0x5c;
  out[at++] = short;
  return at;
}

const HEX = new Uint8Array([...'0123456789abcdef'].map((c) => c.charCodeAt(0)));

/** `\uXXXX`, lowercase hex, as both Python and JSON.stringify write it. */
function writeU(out: Uint8Array, at: number, c: number): number {
  out[at++] = 0x5c;
  out[at++] = 0x75;
  out[at++] = HEX[c >> 12]!;
  out[at++] = HEX[(c >> 8) & 15]!;
  out[at++] = HEX[(c >> 4) & 15]!;
  out[at++] = HEX[c & 15]!;
  return at;
}
