/**
 * The typo check: misspelt words in the texts, found against the file's own vocabulary and an
 * English dictionary loaded on demand.
 */
export { checkTypo, looksEnglish } from './check';
export { forEachWord, matchCase, replaceWord, wordCase, type WordCase } from './words';
export { WordIndex, osaDistance } from './word-index';

/**
 * The English word list for `TypoOptions.dictionary` (SCOWL up to size 60, about 80,000 words),
 * loaded the first time it is asked for. A dynamic import, so the app's bundler serves it as a
 * chunk of its own from the app's origin (no request leaves the page) and only when the check runs.
 */
export async function loadEnglishWords(): Promise<ReadonlySet<string>> {
  const { englishWords } = await import('./dictionary');
  return englishWords();
}
