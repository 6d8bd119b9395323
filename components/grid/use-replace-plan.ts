'use client';

import { useEffect, useState } from 'react';
import type { ReplacePlan, ReplaceQuery } from '@/lib/dataset';
import { useTrainset, useTrainsetApi } from '@/components/store/store-provider';

const DEBOUNCE_MS = 250;

/**
 * The preview of a find & replace, planned in the worker (nothing is changed) a moment after the
 * user stops typing. Answers to older queries are dropped. `plan` is null while there is nothing
 * to find or the first answer is on its way.
 */
export function useReplacePlan(query: Pick<ReplaceQuery, 'find' | 'replace' | 'regex' | 'caseSensitive' | 'col'>): {
  plan: ReplacePlan | null;
  pending: boolean;
} {
  const api = useTrainsetApi();
  // A change to the data (an undo, an edit elsewhere) plans again.
  const revision = useTrainset((s) => s.status.revision);
  const [answer, setAnswer] = useState<{ key: string; plan: ReplacePlan } | null>(null);
  const { find, replace, regex, caseSensitive, col } = query;
  const key = JSON.stringify([find, replace, regex, caseSensitive, col, revision]);

  useEffect(() => {
    if (find === '') return;
    let live = true;
    const timer = setTimeout(() => {
      void api
        .getState()
        .planReplace({ find, replace, regex, caseSensitive, col })
        .then((plan) => live && setAnswer({ key, plan }));
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // The query's fields, not the object (new on every render); `key` adds the data's revision.
  }, [api, key, find, replace, regex, caseSensitive, col]);

  if (find === '') return { plan: null, pending: false };
  return { plan: answer?.plan ?? null, pending: answer?.key !== key };
}
