/**
 * Just enough XML for the parts of an .xlsx: tags found by a regular expression, prefixes dropped
 * (some writers spell `<x:c>` for `<c>`), attributes and text decoded as an XML parser would.
 * A full DOM would hold a 50,000-row sheet several times over; this reads it in one pass.
 */

const decoder = new TextDecoder();

/** A part's bytes as text (TextDecoder: several times faster than fflate's strFromU8 on a large sheet). */
export const utf8 = (bytes: Uint8Array): string => decoder.decode(bytes);

/** One tag: `<name attrs>`, `</name>` or `<name attrs/>`. `name` is the local name (prefix dropped). */
export interface Tag {
  name: string;
  /** The raw attribute text (see {@link attr}). */
  attrs: string;
  closing: boolean;
  selfClosing: boolean;
  /** Index just past the `>`. */
  end: number;
  /** Index of the `<`. */
  start: number;
}

// Comments, processing instructions and declarations are skipped by the `[!?]` branch.
const TAG = /<(?:([!?])[^>]*|(\/?)(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)([^>]*?)(\/?))>/g;

/** The tags of `xml` from `from` on, in order. */
export function* tags(xml: string, from = 0, to = xml.length): Generator<Tag> {
  const re = new RegExp(TAG.source, 'g');
  re.lastIndex = from;
  for (let m = re.exec(xml); m !== null && m.index < to; m = re.exec(xml)) {
    if (m[1]) continue;
    yield { name: m[3]!, attrs: m[4]!, closing: m[2] === '/', selfClosing: m[5] === '/', start: m.index, end: m.index + m[0].length };
  }
}

const ATTRS = new Map<string, RegExp>();

/** The decoded value of attribute `name` (a prefixed one like `r:id` matches by its local name too). */
export function attr(attrs: string, name: string): string | undefined {
  // The common spelling first, without a regular expression: a sheet asks for r, s and t of every cell.
  const at = attrs.indexOf(` ${name}="`);
  if (at >= 0) {
    const from = at + name.length + 3;
    const to = attrs.indexOf('"', from);
    if (to >= 0) {
      const value = attrs.slice(from, to);
      return /[&\r\n\t]/.test(value) ? decodeEntities(value.replace(/\r\n|[\r\n\t]/g, ' ')) : value;
    }
  }
  let re = ATTRS.get(name);
  if (!re) ATTRS.set(name, (re = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(attrs);
  if (!m) return undefined;
  // Attribute values are normalised by XML parsers: a literal tab or line end becomes a space.
  return decodeEntities((m[1] ?? m[2]!).replace(/\r\n|[\r\n\t]/g, ' '));
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (whole, e: string) => {
    if (e[0] !== '#') return NAMED[e]!;
    const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
  });
}

/**
 * Element text as an XML parser gives it: literal line ends normalised to `\n` (XML 1.0 §2.11:
 * that is why Excel writes a CR as `_x000D_`, and LibreOffice as `&#13;`), then entities.
 */
export function xmlText(raw: string): string {
  const s = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  return decodeEntities(s);
}

/**
 * Text of a spreadsheet string (`ST_Xstring`) as Excel reads it: `_xHHHH_` is the character
 * U+HHHH (Excel writes CR as `_x000D_` and a literal `_x` sequence with its underscore escaped,
 * `_x005F_x000D_`), whatever the case of the hex digits.
 */
export function spreadsheetText(raw: string): string {
  const s = xmlText(raw);
  return s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s;
}

const PLAIN_RUN = /^<(?:[\w.-]+:)?t(?:\s[^>]*)?>([^<]*)<\/(?:[\w.-]+:)?t>$/;

/** The concatenated `<t>` texts inside `xml` (a shared string or an inline string), leaving out phonetic runs (`<rPh>`). */
export function stringItemText(xml: string): string {
  // Most strings are one plain run: no walk over their tags.
  const plain = PLAIN_RUN.exec(xml);
  if (plain) return spreadsheetText(plain[1]!);
  let out = '';
  let inPhonetic = 0;
  let textStart = -1;
  for (const tag of tags(xml)) {
    if (tag.name === 'rPh') {
      if (!tag.selfClosing) inPhonetic += tag.closing ? -1 : 1;
    } else if (tag.name === 't' && inPhonetic === 0) {
      if (tag.closing) {
        if (textStart >= 0) out += xml.slice(textStart, tag.start);
        textStart = -1;
      } else if (!tag.selfClosing) {
        textStart = tag.end;
      }
    }
  }
  return spreadsheetText(out);
}
