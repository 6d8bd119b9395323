import type { CheckContext } from './context';
import { joinAnd, plural } from './format';
import type { CheckResult } from './types';

/** Texts read between two pauses. */
const ROWS_PER_STEP = 8192;

export type PiiKind = 'email' | 'phone' | 'card' | 'iban';

const LOCAL_CHAR = /[\p{L}\p{N}._%+-]/u;
/** The domain after an "@": labels of letters, digits and inner hyphens, a dot, a top-level domain of 2+ letters. */
const DOMAIN = /(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}(?![\p{L}\p{N}-])/uy;

/** An e-mail address: something@domain.tld. */
export function hasEmail(text: string): boolean {
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    if (at === 0 || !LOCAL_CHAR.test(text[at - 1]!) || text[at - 1] === '.') continue;
    DOMAIN.lastIndex = at + 1;
    if (DOMAIN.test(text)) return true;
  }
  return false;
}

/** Seven digits or more, possibly separated: the only texts worth looking at for phone and card numbers. */
const DIGITS_PREFILTER = /\d[\d ().-]{5,}\d/;
/** A run of digits with the separators phone and card numbers use, optionally after a "+". */
const NUMBERISH = /\+?\(?\d[\d ().-]*\d/g;
/** Before a number: a letter, digit or sign that makes it part of something else (#1234567, $1,299.00, v2.1.3, A-123). */
const GLUED_BEFORE = /[\p{L}\p{N}_#$€£¥@/.,+-]/u;
/** After a number: a letter, digit or sign that makes it part of something else (1234567kg, 12/05, 55%). */
const GLUED_AFTER = /^(?:[\p{L}\p{N}_/%@]|[.,]\d)/u;

const US_PHONE = /^(?:\+?1[ .-]?)?(?:\(\d{3}\)[ .-]?|\d{3}[ .-])\d{3}[ .-]\d{4}$/;
/** A national number with a trunk 0 and separators: 020 7946 0958, 07700 900123, 01 23 45 67 89, (030) 1234567. */
const NATIONAL_PHONE = /^(?:\(0\d{1,4}\)|0\d{1,4})(?:[ .-]?\d{2,4}){2,5}$/;
/** Dates and times are numbers with separators too: 2020-06-29, 29.06.2020, 12.30. */
const DATE_LIKE = /^\d{1,4}([.\- ])\d{1,2}\1\d{1,4}$/;

/**
 * Phone numbers (international "+…" or "00…", North American, and national formats with a trunk
 * 0 and separators) and payment card numbers (13–19 digits, spaces or dashes allowed, a leading
 * 2–6 as card networks use, passing the Luhn checksum). Order numbers (#1234567), amounts,
 * versions and dates are not flagged; nor are bare digit strings without separators, which are
 * more often account or order numbers than phone numbers.
 */
export function numberKinds(text: string): { phone: boolean; card: boolean } {
  const found = { phone: false, card: false };
  if (!DIGITS_PREFILTER.test(text)) return found;
  NUMBERISH.lastIndex = 0;
  for (let m = NUMBERISH.exec(text); m !== null; m = NUMBERISH.exec(text)) {
    const span = m[0];
    const before = m.index > 0 ? text[m.index - 1]! : '';
    if (before !== '' && GLUED_BEFORE.test(before)) continue;
    if (GLUED_AFTER.test(text.slice(m.index + span.length, m.index + span.length + 2))) continue;
    const digits = span.replace(/\D/g, '');
    if (!found.card && /^[\d -]+$/.test(span) && digits.length >= 13 && digits.length <= 19 && /^[2-6]/.test(digits) && luhn(digits)) found.card = true;
    else if (!found.phone && isPhone(span, digits)) found.phone = true;
  }
  return found;
}

function isPhone(span: string, digits: string): boolean {
  const separated = /[ ().-]/.test(span);
  if (span.startsWith('+')) return digits.length >= 8 && digits.length <= 15 && (separated || digits.length >= 10);
  if (span.startsWith('00')) return separated && digits.length >= 11 && digits.length <= 15;
  if (US_PHONE.test(span)) return true;
  return separated && digits.length >= 9 && digits.length <= 12 && NATIONAL_PHONE.test(span) && !DATE_LIKE.test(span);
}

/** The Luhn checksum of card numbers. */
export function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** IBAN length by country (the SWIFT IBAN registry), so a candidate is checked at exactly one length. */
const IBAN_LENGTHS: Record<string, number> = Object.fromEntries(
  (
    'AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27 DK18 DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 ' +
    'GE22 GI23 GL18 GR27 GT28 HN28 HR21 HU28 IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MN20 ' +
    'MR27 MT31 MU30 NI28 NL18 NO15 OM23 PK24 PL28 PS29 PT25 QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24 SM27 SO23 ST25 SV28 TL23 TN24 TR26 ' +
    'UA29 VA22 VG24 XK20 YE30'
  )
    .split(' ')
    .map((e) => [e.slice(0, 2), Number(e.slice(2))]),
);
const IBAN_PREFILTER = /[A-Za-z]{2}\d{2}/;
const IBAN_START = /(?<![\p{L}\p{N}])([A-Za-z]{2})\d{2}(?=[ ]?[A-Za-z0-9])/gu;

/** An IBAN (country code, check digits, account; spaces between groups allowed) passing the mod-97 check. */
export function hasIban(text: string): boolean {
  if (!IBAN_PREFILTER.test(text)) return false;
  IBAN_START.lastIndex = 0;
  for (let m = IBAN_START.exec(text); m !== null; m = IBAN_START.exec(text)) {
    const length = IBAN_LENGTHS[m[1]!.toUpperCase()];
    if (length === undefined) continue;
    // Take exactly `length` letters and digits from here, skipping single spaces between groups.
    let compact = '';
    let i = m.index;
    for (; i < text.length && compact.length < length; i++) {
      const ch = text[i]!;
      if (/[A-Za-z0-9]/.test(ch)) compact += ch;
      else if (ch !== ' ' || text[i - 1] === ' ') break;
    }
    if (compact.length !== length || /[A-Za-z0-9]/.test(text[i] ?? '')) continue;
    if (mod97(compact.toUpperCase()) === 1) return true;
  }
  return false;
}

/** ISO 7064 mod 97-10 of an IBAN: the first four characters moved to the end, letters as 10–35. */
function mod97(iban: string): number {
  const s = iban.slice(4) + iban.slice(0, 4);
  let r = 0;
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    const v = c >= 65 ? c - 55 : c - 48;
    r = v >= 10 ? (r * 100 + v) % 97 : (r * 10 + v) % 97;
  }
  return r;
}

/** The kinds of personal data in a text. */
export function piiKinds(text: string): PiiKind[] {
  const out: PiiKind[] = [];
  if (text.includes('@') && hasEmail(text)) out.push('email');
  const numbers = numberKinds(text);
  if (numbers.phone) out.push('phone');
  if (numbers.card) out.push('card');
  if (hasIban(text)) out.push('iban');
  return out;
}

const NAMES: Record<PiiKind, string> = {
  email: 'an e-mail address',
  phone: 'a phone number',
  card: 'a payment card number',
  iban: 'an IBAN',
};

/**
 * `pii` (warning): e-mail addresses, phone numbers, payment card numbers and IBANs in the text.
 * A fine-tuned model can repeat what it was trained on. Counted per kind (a text can have several).
 */
export function* checkPii(ctx: CheckContext): Generator<void, CheckResult[], void> {
  const byKind: Record<PiiKind, number> = { email: 0, phone: 0, card: 0, iban: 0 };
  const positions: number[] = [];
  for (let r = 0; r < ctx.rowCount; r++) {
    // About 50 ms for 100,000 texts: a pause every few thousand keeps the worker answering.
    if ((r & (ROWS_PER_STEP - 1)) === ROWS_PER_STEP - 1) yield;
    const kinds = piiKinds(ctx.table.cell(r, ctx.text));
    if (kinds.length === 0) continue;
    positions.push(r);
    for (const k of kinds) byKind[k]++;
  }
  if (positions.length === 0) return [];
  const kinds = (Object.keys(byKind) as PiiKind[]).filter((k) => byKind[k] > 0);
  const listed = kinds.map((k) => `${byKind[k].toLocaleString('en-US')} with ${NAMES[k]}`);
  return [
    ctx.result({
      id: 'pii',
      severity: 'warning',
      positions,
      message:
        `${plural(positions.length, 'text')} ${positions.length === 1 ? 'contains' : 'contain'} what looks like personal data (${joinAnd(listed)}). ` +
        'A fine-tuned model can repeat what it was trained on: remove or mask it (for example [EMAIL]) unless it is made up.',
      details: { kinds: Object.fromEntries(kinds.map((k) => [k, byKind[k]])) },
    }),
  ];
}
