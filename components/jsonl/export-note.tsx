'use client';

import { useRef } from 'react';
import { useTrainset, useTrainsetApi } from '@/components/store/store-provider';
import { answerModeOf } from '@/lib/engine';
import { FREE_TEXT_NOTE, systemPromptNote } from './format-text';
import styles from './format-panel.module.css';

/**
 * What an export writes from a JSONL besides its rows: free-text answers as they are, and which
 * system prompt, with a way back to the file's own when the Export panel's differs.
 */
export function ExportNote() {
  const api = useTrainsetApi();
  const { info, freeText, current } = useTrainset((s) => ({
    info: s.meta?.jsonl?.info,
    freeText: answerModeOf(s.meta) === 'text',
    current: s.choices.systemPrompt,
  }));
  const promptRef = useRef<HTMLParagraphElement>(null);
  if (!info) return null;
  const prompt = systemPromptNote(info, current);
  const useFilePrompt = (): void => {
    if (info.systemPrompt === null) return;
    api.getState().setChoices({ systemPrompt: info.systemPrompt });
    // The button goes away with the change: keep the keyboard focus on the sentence that now says so.
    promptRef.current?.focus();
  };
  return (
    <>
      {freeText && <p className={styles.note}>{FREE_TEXT_NOTE}</p>}
      <p ref={promptRef} tabIndex={-1} className={styles.note}>
        {prompt.text}{' '}
        {prompt.offerFilePrompt && (
          <button type="button" className={`link-button ${styles.link}`} onClick={useFilePrompt}>
            Use the file&apos;s system prompt
          </button>
        )}
      </p>
    </>
  );
}
