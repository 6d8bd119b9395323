import { DETECTABLE_DELIMITERS } from './types';

/**
 * The first line that is not blank or only spaces and tabs (pandas skips those before the header),
 * or null when the text holds no complete such line yet.
 */
export function firstContentLine(text: string, complete: boolean): string | null {
  const m = /^[ \t]*[^ \t\r\n][^\r\n]*(?=[\r\n])/m.exec(text);
  if (m) return m[0];
  if (!complete) return null;
  const last = /^[ \t]*[^ \t\r\n][^\r\n]*$/m.exec(text);
  return last ? last[0] : '';
}

/**
 * The delimiter, judged from the header line alone: a comma when the header has one (what pandas
 * assumes), otherwise whichever of `;`, tab and `|` occurs most often in it (Excel in many European
 * locales writes `;`; "Unicode text" exports use tabs).
 */
export function detectDelimiter(header: string): { delimiter: string; detected: boolean } {
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
