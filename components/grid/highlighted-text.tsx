'use client';

import { createContext, useContext } from 'react';
import { splitHighlight } from './highlight';

/** The applied search: its text, and the column it is limited to (null: all columns). */
export interface SearchHighlight {
  needle: string;
  col: number | null;
}

/*
 * A context rather than a prop: rows are memoised on their data, and a new search must re-mark
 * the visible cells without the rows re-rendering everything else.
 */
export const HighlightContext = createContext<SearchHighlight>({ needle: '', col: null });

/** A cell's text with the search matches wrapped in <mark>. */
export function CellText({ text, col }: { text: string; col: number }) {
  const { needle, col: searched } = useContext(HighlightContext);
  if (needle === '' || (searched !== null && searched !== col)) return <>{text}</>;
  return <>{splitHighlight(text, needle).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : part.text))}</>;
}
