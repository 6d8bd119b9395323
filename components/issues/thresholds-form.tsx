'use client';

import { useId, useState } from 'react';
import { THRESHOLD_INFO, type ThresholdName, type Thresholds } from '@/lib/quality';
import { parseThreshold } from './thresholds';
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
  const changed = NAMES.filter((n) => overrides[n] !== undefined && overrides[n] !== defaults[n]).length;
  return (
    <div className={styles.thresholds}>
      <p className={styles.muted}>
        The checks compare against these numbers. Change one and the checks run again.{' '}
        {changed > 0 && (
          <button type="button" className={styles.linkButton} disabled={disabled} onClick={() => onChange({})}>
            Reset {changed === 1 ? 'the changed threshold' : `all ${changed} changed thresholds`} to the defaults
          </button>
        )}
      </p>
      <ul className={styles.thresholdList}>
        {NAMES.map((name) => (
          <ThresholdField
            key={`${name}-${overrides[name] ?? 'default'}`}
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

function ThresholdField({ id, name, value, fallback, disabled, onCommit }: { id: string; name: ThresholdName; value: number; fallback: number; disabled: boolean; onCommit(v: number): void }) {
  const info = THRESHOLD_INFO[name];
  const [text, setText] = useState(String(value));
  const [error, setError] = useState<string | null>(null);
  const commit = (): void => {
    const parsed = parseThreshold(name, text);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    setError(null);
    if (parsed.value !== value) onCommit(parsed.value);
  };
  return (
    <li className={styles.threshold}>
      <label htmlFor={id}>{info.label}</label>
      <input
        id={id}
        className="input"
        inputMode="decimal"
        value={text}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-why`}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
      <p id={`${id}-why`} className={styles.thresholdWhy}>
        {error ? (
          <span role="alert" className={styles.fieldError}>
            {error}{' '}
          </span>
        ) : null}
        {info.why} Default: {fallback.toLocaleString('en-US')}.
      </p>
    </li>
  );
}
