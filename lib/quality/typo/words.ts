/** What a UTF-16 code unit is to the word reader. */
const OTHER = 0;
const LETTER = 1;
const DIGIT = 2;
const APOSTROPHE = 3;
const SPACE = 4;
/** Characters that make a chunk a code, a path, a placeholder or markup rather than words: `_ @ # = < > { } [ ] \ | ~ ^ $ % & * + /`. */
const CODE = 5;
/** Sentence ends: the next word is a sentence start, so its capital says nothing about a name. */
const STOP = 6;

let kinds: Uint8Array | null = null;

/** The class of every code unit, built on first use (a few milliseconds) so the loop over the texts does one array read per character. */
function charKinds(): Uint8Array {
  if (kinds !== null) return kinds;
  const k = new Uint8Array(65536);
  const letter = /[\p{L}\p{M}]/u;
  const digit = /\p{N}/u;
  const space = /\s/u;
  for (let u = 0; u < 65536; u++) {
    if (u >= 0xd800 && u <= 0xdfff) continue;
    const ch = String.fromCharCode(u);
    if (letter.test(ch)) k[u] = LETTER;
    else if (digit.test(ch)) k[u] = DIGIT;
    else if (space.test(ch)) k[u] = SPACE;
  }
  for (const ch of "'\u2019") k[ch.charCodeAt(0)] = APOSTROPHE;
  for (const ch of '_@#=<>{}[]\\|~^$%&*+/') k[ch.charCodeAt(0)] = CODE;
  for (const ch of '.!?…:;') k[ch.charCodeAt(0)] = STOP;
  return (kinds = k);
}

/** Called for each word: its span in the text, and whether it starts a sentence (the text's first word, or after `. ! ? : ;` or a line break). */
export type WordVisitor = (start: number, end: number, sentenceStart: boolean) => void;

/**
 * Every word of a text that could be a misspelling, in order: runs of letters, with apostrophes
 * inside (`don't`), split at hyphens and other punctuation. Whole chunks between spaces are skipped
 * when they are not prose: any digit (`order123`, `2nd`), an e-mail address or URL (`@`, `://`,
 * `www.`), a dotted name (`file.txt`, `e.g.`), or code characters (`snake_case`, `{{Order Number}}`,
 * `a/b`). A character loop, no regular expression per word: a million texts take a fraction of a second.
 */
export function forEachWord(text: string, visit: WordVisitor): void {
  const K = charKinds();
  const n = text.length;
  let sentenceStart = true;
  let i = 0;
  while (i < n) {
    // Skip spaces; a line break starts a sentence (a list, a new line of a message).
    let c = text.charCodeAt(i);
    if (K[c] === SPACE) {
      if (c === 10 || c === 13) sentenceStart = true;
      i++;
      continue;
    }
    // A chunk: up to the next space. First see whether it is prose at all.
    let end = i;
    let skip = false;
    while (end < n) {
      c = text.charCodeAt(end);
      const k = K[c]!;
      if (k === SPACE) break;
      if (k === DIGIT || k === CODE) skip = true;
      else if (c === 46 /* . */ && end > i && end + 1 < n && K[text.charCodeAt(end - 1)] === LETTER && K[text.charCodeAt(end + 1)] === LETTER) skip = true;
      else if (c === 58 /* : */ && text.charCodeAt(end + 1) === 47) skip = true;
      end++;
    }
    if (!skip && end - i >= 4 && text.startsWith('www.', i)) skip = true;
    if (!skip) {
      let j = i;
      while (j < end) {
        if (K[text.charCodeAt(j)] !== LETTER) {
          j++;
          continue;
        }
        const start = j;
        // Letters, and apostrophes between two letters.
        while (j < end) {
          const k = K[text.charCodeAt(j)];
          if (k === LETTER) j++;
          else if (k === APOSTROPHE && j + 1 < end && K[text.charCodeAt(j + 1)] === LETTER) j += 2;
          else break;
        }
        visit(start, j, sentenceStart);
        sentenceStart = false;
      }
    } else sentenceStart = false;
    // A chunk ending in sentence punctuation (possibly inside quotes or brackets) ends the sentence.
    for (let j = end - 1; j >= i; j--) {
      const k = K[text.charCodeAt(j)];
      if (k === STOP) {
        sentenceStart = true;
        break;
      }
      if (k !== OTHER) break;
    }
    i = end;
  }
}

/** How a word is written: all lower case, Capitalised, ALL CAPS, or mixed (`iPhone`, `McDonald`). */
export type WordCase = 'lower' | 'capitalised' | 'upper' | 'mixed';

export function wordCase(word: string): WordCase {
  const lower = word.toLowerCase();
  if (word === lower) return 'lower';
  const upper = word.toUpperCase();
  if (word === upper) return word.length === 1 ? 'capitalised' : 'upper';
  if (word[0] === upper[0] && word.slice(1) === lower.slice(1)) return 'capitalised';
  return 'mixed';
}

/** `suggestion` written as `like` is: `Restaurnt` → `Restaurant`, `RESTAURNT` → `RESTAURANT`; lower case otherwise. */
export function matchCase(like: string, suggestion: string): string {
  switch (wordCase(like)) {
    case 'upper':
      return suggestion.toUpperCase();
    case 'capitalised':
      return suggestion.charAt(0).toUpperCase() + suggestion.slice(1);
    default:
      return suggestion;
  }
}

/**
 * The text with every whole-word occurrence of `word` (any case, found as the typo check finds
 * words: not inside a URL, a code or a longer word) replaced by `suggestion` written in the same
 * case. Returns the text unchanged when the word does not occur.
 */
export function replaceWord(text: string, word: string, suggestion: string): string {
  const key = word.toLowerCase();
  let out = '';
  let last = 0;
  forEachWord(text, (start, end) => {
    if (end - start !== key.length) return;
    const found = text.slice(start, end);
    if (found.toLowerCase() !== key) return;
    out += text.slice(last, start) + matchCase(found, suggestion);
    last = end;
  });
  return last === 0 ? text : out + text.slice(last);
}
