import { CONTROL, CONTROL_G } from './chars';
import type { CheckContext, FixDraft } from './context';
import { joinAnd, plural, quote } from './format';
import type { CheckResult } from './types';

/** Windows-1252's characters for bytes 0x80–0x9F (the five undefined bytes decode to C1 controls, as browsers do). */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
/** A UTF-8 continuation byte (0x80–0xBF) as Windows-1252 or Latin-1 shows it. */
const CONT = `[\\u0080-\\u00bf${CP1252_HIGH}]`;
/** The same without the punctuation that legitimately follows a capital letter ("Ö…", "É’"). */
const CONT_STRICT = `[\\u0080-\\u0084\\u0086-\\u0090\\u0098-\\u00bf\\u20ac\\u0192\\u02c6\\u2030\\u0160\\u2039\\u0152\\u017d\\u02dc\\u2122\\u0161\\u203a\\u0153\\u017e\\u0178]`;

/**
 * "à" (C3 A0) read as Windows-1252 is "Ã" and a no-break space, which editors and spreadsheets
 * often turn into a plain space ("Ã  la carte", "voilÃ  tout", or "Ã la carte" once the spaces are
 * collapsed). In real text Ã before a space ends an upper-case Portuguese word ("IRMÃ E", "MAÇÃ
 * VERDE"), so it counts only when no upper-case letter comes before it.
 */
const A_GRAVE_SPACE = '(?<![A-Z\\u00c0-\\u00d6\\u00d8-\\u00de])\\u00c3 ';

/**
 * UTF-8 read as Windows-1252 or Latin-1 ("Ã©" for é, "â€™" for ’, "Â " for a no-break space,
 * "ðŸ˜€" for 😀): a lead byte's character followed by continuation bytes' characters. Ã and Â
 * almost never precede those characters in real text; other leads need a stricter follower or two.
 */
const MOJIBAKE = new RegExp(
  `[\\u00c2\\u00c3]${CONT}|\\u00c2 |${A_GRAVE_SPACE}|[\\u00c4-\\u00df]${CONT_STRICT}|[\\u00e0-\\u00ef]${CONT}{2}|\\u00f0${CONT}{2}|\\u00e2\\u20ac`,
);

/** Code page 437 (the DOS code page) for bytes 0x80–0xBF, the UTF-8 continuation bytes. */
const CP437_CONT = 'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐';
/**
 * UTF-8 read as code page 437, as in hwu64's "BeyoncΓö£┬«": a box-drawing character for a
 * 2-byte lead followed by a continuation character, or Γ (the lead of ’, “, — …) followed by two.
 * The horizontal lines (─ ═) and block elements are left out as leads: ASCII-art tables use them.
 */
const CP437_MOJIBAKE = new RegExp(`[┬├┼╞╟╚╔╩╦╠╬╧╨╤╥╙╘╒╓╫╪┘┌][${CP437_CONT}]|Γ[${CP437_CONT}]{2}`);

/** One test before telling the kinds apart: any character a mojibake pattern starts with, U+FFFD or a control. */
// eslint-disable-next-line no-control-regex -- control characters are among what it looks for
const SUSPECT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00c2-\u00f0┬├┼╞╟╚╔╩╦╠╬╧╨╤╥╙╘╒╓╫╪┘┌Γ\ufffd]/;

/** Each kind as it completes "1 text …" and "2 texts …". */
const KINDS = {
  mojibake: ['shows', 'show', 'mojibake such as "Ã©" or "â€™" (UTF-8 text that was once read as Windows-1252)'],
  'mojibake-dos': ['shows', 'show', 'mojibake such as "Γö£┬«" (UTF-8 text that was once read with the old DOS code page)'],
  replacement: ['contains', 'contain', 'the replacement character � (a character was lost when the text was converted)'],
  control: ['contains', 'contain', 'invisible control characters'],
} as const;
type Kind = keyof typeof KINDS;

function kindsOf(value: string): Kind[] {
  if (!SUSPECT.test(value)) return [];
  const out: Kind[] = [];
  if (MOJIBAKE.test(value)) out.push('mojibake');
  if (CP437_MOJIBAKE.test(value)) out.push('mojibake-dos');
  if (value.includes('\ufffd')) out.push('replacement');
  if (CONTROL.test(value)) out.push('control');
  return out;
}

/**
 * `encoding` (warning): text damaged by a wrong encoding somewhere before this file — mojibake,
 * U+FFFD, control characters. The model would learn the garbage. Fixes: remove the control
 * characters; repair mojibake where the whole cell converts back cleanly.
 */
export function checkEncoding(ctx: CheckContext): CheckResult[] {
  const positions: number[] = [];
  const fixes: FixDraft[] = [];
  const phrases: string[] = [];
  const columns: { column: string; count: number; kinds: Record<string, number> }[] = [];
  let firstExample: string | undefined;
  for (const col of ctx.used) {
    const column = ctx.name(col);
    const byKind = new Map<Kind, number[]>();
    const repairable: number[] = [];
    let example: number | undefined;
    for (const r of ctx.matching(col, (v) => kindsOf(v).length > 0)) {
      const value = ctx.table.cell(r, col);
      for (const k of kindsOf(value)) {
        let list = byKind.get(k);
        if (list === undefined) byKind.set(k, (list = []));
        list.push(r);
      }
      example ??= r;
      if (repairMojibake(value) !== value) repairable.push(r);
    }
    if (byKind.size === 0) continue;
    const kinds: Record<string, number> = {};
    const inColumn = new Set<number>();
    const what = ctx.isTextOnly(col) ? 'text' : `${column} value`;
    for (const kind of (Object.keys(KINDS) as Kind[]).filter((k) => byKind.has(k))) {
      const rows = byKind.get(kind)!;
      kinds[kind] = rows.length;
      rows.forEach((r) => inColumn.add(r));
      positions.push(...rows);
      const [one, many, problem] = KINDS[kind];
      phrases.push(`${plural(rows.length, what)} ${rows.length === 1 ? one : many} ${problem}`);
    }
    if (byKind.has('control')) fixes.push({ kind: 'remove-control', col, column, positions: byKind.get('control')! });
    if (repairable.length > 0) fixes.push({ kind: 'repair-mojibake', col, column, positions: repairable });
    columns.push({ column, count: inColumn.size, kinds });
    firstExample ??= `The first is row ${ctx.table.rowNumber(example!)}: ${quote(ctx.table.cell(example!, col), 60)}.`;
  }
  if (columns.length === 0) return [];
  const rows = new Set(positions).size;
  return [
    ctx.result({
      id: 'encoding',
      severity: 'warning',
      positions,
      message: `${plural(rows, 'row')} ${rows === 1 ? 'looks' : 'look'} garbled by a wrong text encoding: ${joinAnd(phrases)}. ${firstExample} The model would learn the garbled characters.`,
      fixes,
      details: { columns },
    }),
  ];
}

/** Remove control characters other than tab and line breaks. */
export function removeControl(value: string): string {
  return value.replace(CONTROL_G, '');
}

const CP1252_BYTE = new Map<number, number>([...CP1252_HIGH].map((c, i) => [c.charCodeAt(0), 0x80 + i]));
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Undo "UTF-8 read as Windows-1252" (up to three times, for text damaged twice), but only when
 * the whole cell converts back to valid UTF-8: a cell mixing mojibake with other characters is
 * left as it is. Returns the value unchanged when there is nothing to repair.
 */
export function repairMojibake(value: string): string {
  let current = lostNoBreakSpaces(value);
  for (let round = 0; round < 3 && MOJIBAKE.test(current); round++) {
    const bytes = new Uint8Array(current.length);
    for (let i = 0; i < current.length; i++) {
      const c = current.charCodeAt(i);
      const b = c <= 0xff ? c : CP1252_BYTE.get(c);
      if (b === undefined) return current;
      bytes[i] = b;
    }
    try {
      current = utf8.decode(bytes);
    } catch {
      return value;
    }
  }
  return current === lostNoBreakSpaces(value) ? value : current;
}

/**
 * Give back the no-break space that the second byte of "à" or of a no-break space (A0) became and
 * that was then made a plain space ("Ã la" → "Ã\u00a0la", "10Â EUR" → "10Â\u00a0EUR"), so the cell
 * converts back. After "Ã" a space is kept before a letter: à is mostly a word of its own ("à la",
 * "voilà tout"), and that space is the one collapsing took.
 */
function lostNoBreakSpaces(value: string): string {
  if (!value.includes('\u00c3 ') && !value.includes('\u00c2 ')) return value;
  return value
    .replace(new RegExp(`${A_GRAVE_SPACE}( ?)`, 'g'), (_, space: string, offset: number, whole: string) => {
      const next = whole.charAt(offset + 2 + space.length);
      return `\u00c3\u00a0${space === '' && /[\p{L}\p{N}]/u.test(next) ? ' ' : space}`;
    })
    .replace(/\u00c2 /g, '\u00c2\u00a0');
}
