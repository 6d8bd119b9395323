'use client';

import { useCallback, useState } from 'react';
import { useTrainset, useTrainsetApi } from '@/components/store/store-provider';

/**
 * A message about a change ("Replaced 1 cell in 1 row.", "Done — you can undo it."), which
 * belongs to the state it describes: it shows while the data is as that change left it and goes
 * with the next change (its undo included) or a new file. Set it right after the change resolves.
 */
export function useRevisionNote(): [note: string, setNote: (text: string) => void] {
  const api = useTrainsetApi();
  const revision = useTrainset((s) => s.status.revision);
  const [note, setNote] = useState<{ text: string; revision: number } | null>(null);
  const set = useCallback((text: string) => setNote(text === '' ? null : { text, revision: api.getState().status.revision }), [api]);
  return [note !== null && note.revision === revision ? note.text : '', set];
}
