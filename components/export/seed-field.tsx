'use client';

import { useId, useState } from 'react';
import { useTrainset, useTrainsetApi } from '@/components/store/store-provider';
import { MAX_SEED } from '@/lib/random';
import { parseSeed } from './export-form';
import styles from './export.module.css';

/**
 * The random seed as typed. The store only ever gets a valid seed; while the text is not one,
 * the field says why and the split keeps the last valid seed.
 */
export function SeedField() {
  const api = useTrainsetApi();
  const seed = useTrainset((s) => s.choices.seed);
  const [text, setText] = useState(String(seed));
  const [shownSeed, setShownSeed] = useState(seed);
  const id = useId();

  // The seed can change from outside (a restored session): show it, unless the text already means it.
  if (seed !== shownSeed) {
    setShownSeed(seed);
    const parsed = parseSeed(text);
    if (!parsed.ok || parsed.value !== seed) setText(String(seed));
  }

  const parsed = parseSeed(text);
  const error = parsed.ok ? null : parsed.error;

  const onChange = (value: string): void => {
    setText(value);
    const next = parseSeed(value);
    if (next.ok && next.value !== api.getState().choices.seed) {
      setShownSeed(next.value);
      api.getState().setChoices({ seed: next.value });
    }
  };

  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        Random seed
      </label>
      <input
        id={id}
        className={`input ${styles.seedInput}`}
        type="number"
        inputMode="numeric"
        min={0}
        max={MAX_SEED}
        step={1}
        value={text}
        aria-invalid={error !== null}
        aria-describedby={`${id}-help${error ? ` ${id}-error` : ''}`}
        onChange={(e) => onChange(e.target.value)}
      />
      <p id={`${id}-help`} className={styles.help}>
        Same seed, same split. The notebook uses 42.
      </p>
      {error && (
        <p id={`${id}-error`} className={styles.error}>
          {error}
        </p>
      )}
    </div>
  );
}
