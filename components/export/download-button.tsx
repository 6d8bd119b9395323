'use client';

import { useTrainset, useTrainsetApi } from '@/components/store/store-provider';
import type { DownloadKind } from '@/lib/store';
import styles from './export.module.css';

interface DownloadButtonProps {
  kind: DownloadKind;
  /** The visible text, which is also the button's accessible name ("Download train.jsonl"). */
  label: string;
  disabled: boolean;
  primary?: boolean;
  /** Called with null when a download starts and with a message if it fails unexpectedly. */
  onFailure(message: string | null): void;
}

/**
 * One download. While any download is being prepared the others ignore clicks, but stay focusable
 * (aria-disabled, not disabled) so the keyboard focus is not thrown away; the one being prepared
 * shows a spinner, and the status line under the buttons says what is happening.
 */
export function DownloadButton({ kind, label, disabled, primary = false, onFailure }: DownloadButtonProps) {
  const api = useTrainsetApi();
  const busy = useTrainset((s) => s.busy);
  const mine = busy === kind;

  const onClick = (): void => {
    if (disabled || api.getState().busy) return;
    onFailure(null);
    api
      .getState()
      .download(kind)
      .catch((e: unknown) => onFailure(`The file could not be made: ${e instanceof Error ? e.message : String(e)}`));
  };

  return (
    <button
      type="button"
      className={`btn ${primary ? 'btn-primary' : ''} ${styles.download}`}
      disabled={disabled}
      aria-disabled={!disabled && busy !== null && !mine ? true : undefined}
      aria-busy={mine || undefined}
      onClick={onClick}
    >
      {mine ? <span className={styles.spinner} aria-hidden="true" /> : <DownloadIcon />}
      {label}
    </button>
  );
}

function DownloadIcon() {
  return (
    <svg className={styles.icon} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d="M8 2v8m0 0L4.5 6.5M8 10l3.5-3.5M3 13h10" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
