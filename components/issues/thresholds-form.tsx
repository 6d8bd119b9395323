'use client';

import { useId } from 'react';
import { DraftField } from '@/components/app/draft-field';
import { THRESHOLD_INFO, type ThresholdName, type Thresholds } from '@/lib/quality';
import { changedThresholds, parseThreshold } from './thresholds';
import styles from './issues.module.css';

interface Props {
  /** What each threshold is without the user's changes (the checks' defaults, adjusted to the export target). */
  defaults: Thresholds;
  /** The user's changes. */
  overrides: Partial<Thresholds>;
  disabled: boolean;
  onChange(overrides: Partial<Thresholds>): void;
}

const NAMES = Object.keys(THRESHOLD_INFO) as ThresholdName[];

/**
 * Every number the checks compare against, with why it is what it is; the user can change any of
 * them (the checks run again at once) and go back to the defaults. Saved with the export settings.
 */
export function ThresholdsForm({ defaults, overrides, disabled, onChange }: Props) {
  const base = useId();
  const changed = changedThresholds(overrides, defaults).length;
  return (
    <div className={styles.thresholds}>
      <p className={styles.muted}>
        The checks compare against these numbers. Change one and the checks run again.{' '}
        {changed > 0 && (
          <button
            type="button"
            className={styles.linkButton}
            disabled={disabled}
            onClick={() => {
              onChange({});
              // The button goes with the last change: keep the keyboard in the list.
              document.getElementById(`${base}-${NAMES[0]}`)?.focus();
            }}
          >
            Reset {changed === 1 ? 'the changed threshold' : `all ${changed} changed thresholds`} to the defaults
          </button>
        )}
      </p>
      <ul className={styles.thresholdList}>
        {NAMES.map((name) => (
          <ThresholdField
            key={name}
            id={`${base}-${name}`}
            name={name}
            value={overrides[name] ?? defaults[name]}
            fallback={defaults[name]}
            disabled={disabled}
            onCommit={(v) => {
              const next = { ...overrides };
              if (v === defaults[name]) delete next[name];
              else next[name] = v;
              onChange(next);
            }}
          />
        ))}
      </ul>
    </div>
  );
}

function ThresholdField({
  id,
  name,
  value,
  fallback,
  disabled,
  onCommit,
}: {
  id: string;
  name: ThresholdName;
  value: number;
  fallback: number;
  disabled: boolean;
  onCommit(v: number): void;
}) {
  const info = THRESHOLD_INFO[name];
  return (
    <li>
      <DraftField
        id={id}
        className={styles.threshold}
        label={info.label}
        value={value}
        format={String}
        parse={(text) => parseThreshold(name, text)}
        onCommit={onCommit}
        disabled={disabled}
        help={`${info.why} Default: ${fallback.toLocaleString('en-US')}.`}
        helpClassName={styles.thresholdWhy}
        errorClassName={`${styles.thresholdWhy} ${styles.fieldError}`}
      />
    </li>
  );
}
