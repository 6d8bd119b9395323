import type { AnswerMode } from '../export';
import { answerMode } from '../jsonl';
import type { ColumnMapping, LoadedMeta } from './types';

const DEFAULT: ColumnMapping = { text: 'inquiry', labels: ['category', 'sub_category'] };
const TEXT_NAMES =
  /^(inquiry|enquiry|text|utterance|question|message|query|instruction|prompt|input|sentence|narrative|body|description|complaint|consumer complaint narrative|content)$/i;
const LABEL_NAMES = /(category|intent|label|class|topic|product|issue|scenario|domain|tag|type)/i;
const SAMPLE = 2000;

/**
 * The notebook's columns when they are all there (then no question is asked); otherwise a guess
 * from names and contents: the text is the column with the longest, most varied values, the
 * labels are short columns with few distinct values, parents (fewer values) first.
 */
export function guessMapping(
  header: readonly string[],
  column: (col: number, row: number) => string,
  rows: number,
): { mapping: ColumnMapping | null; guess: ColumnMapping } {
  if (header.includes(DEFAULT.text) && DEFAULT.labels.every((l) => header.includes(l))) {
    return { mapping: DEFAULT, guess: DEFAULT };
  }
  const n = Math.min(rows, SAMPLE);
  const stats = header.map((name, col) => {
    const seen = new Set<string>();
    let length = 0;
    let empty = 0;
    for (let r = 0; r < n; r++) {
      const v = column(col, r);
      if (v.trim() === '') empty++;
      seen.add(v);
      length += v.length;
    }
    return { name, col, distinct: seen.size, meanLength: n ? length / n : 0, emptyShare: n ? empty / n : 1 };
  });
  const usable = stats.filter((s) => s.emptyShare < 0.5);
  const textByName = usable.find((s) => TEXT_NAMES.test(s.name.trim()));
  const text = textByName ?? [...usable].sort((a, b) => b.meanLength * b.distinct - a.meanLength * a.distinct)[0] ?? stats[0];
  const labelCandidates = usable.filter((s) => s !== text && s.distinct >= 2 && s.distinct <= Math.max(2, Math.min(1000, n * 0.5)) && s.meanLength < 80);
  const named = labelCandidates.filter((s) => LABEL_NAMES.test(s.name));
  const labels = (named.length > 0 ? named : labelCandidates).sort((a, b) => a.distinct - b.distinct).slice(0, 2);
  return { mapping: null, guess: { text: text?.name ?? header[0] ?? '', labels: labels.map((l) => l.name) } };
}

/**
 * How the export writes the loaded file's answers as mapped: `text` for a JSONL whose free-text
 * answers are the only label column (they are written as they are, and labels and stratification
 * do not apply), otherwise `labels`. The engine's export settings and the UI both ask this.
 */
export function answerModeOf(meta: Pick<LoadedMeta, 'mapping' | 'jsonl'> | null | undefined): AnswerMode {
  return meta?.jsonl && meta.mapping ? answerMode(meta.jsonl, meta.mapping.labels) : 'labels';
}
