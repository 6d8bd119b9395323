import { DETECTABLE_DELIMITERS } from './types';

/**
 * The delimiter, judged from the header line alone: a comma when the header has one (what pandas
 * assumes), otherwise whichever of `;`, tab and `|` occurs most often in it (Excel in many European
 * locales writes `;`; "Unicode text" exports use tabs).
 */
export function detectDelimiter(text: string): { delimiter: string; detected: boolean } {
  let end = text.length;
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  if (lf !== -1) end = Math.min(end, lf);
  if (cr !== -1) end = Math.min(end, cr);
  const header = text.slice(0, end);
  if (header.includes(',')) return { delimiter: ',', detected: false };
  let best = ',';
  let bestCount = 0;
  for (const d of DETECTABLE_DELIMITERS) {
    if (d === ',') continue;
    const count = header.split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return { delimiter: best, detected: best !== ',' };
}

/** A readable name for a delimiter in messages. */
export function delimiterName(d: string): string {
  switch (d) {
    case ',':
      return 'comma';
    case ';':
      return 'semicolon';
    case '\t':
      return 'tab';
    case '|':
      return 'pipe';
    default:
      return JSON.stringify(d);
  }
}
