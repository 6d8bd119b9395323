'use client';

import { useEffect, useRef, type ChangeEvent } from 'react';
import { UploadIcon } from '@/components/app/icons';
import { ACCEPT } from './reading';
import styles from './upload-button.module.css';

interface Props {
  /** The files chosen: one, or several to read as one dataset. */
  onFiles(files: File[]): void;
  disabled?: boolean;
  primary?: boolean;
  /** Icon only on narrow screens (the name stays "Upload CSV" for assistive technology). */
  compact?: boolean;
}

/**
 * The page's one file input, named "Upload CSV": a native input inside a label styled as a
 * button, so keyboard, screen readers and tests all reach the same control.
 */
export function UploadButton({ onFiles, disabled = false, primary = false, compact = false }: Props) {
  const ref = useRef<HTMLInputElement>(null);
  const take = (input: HTMLInputElement) => {
    const files = Array.from(input.files ?? []);
    // Cleared so that choosing the same file again (after fixing it) reads it again.
    input.value = '';
    if (files.length > 0) onFiles(files);
  };
  const onChange = (e: ChangeEvent<HTMLInputElement>) => take(e.currentTarget);
  // The input is in the static HTML: a file chosen before React hydrated it fired its change
  // event with no listener. Pick it up now instead of losing it.
  const takeOnMount = useRef(take);
  useEffect(() => {
    if (ref.current?.files?.length) takeOnMount.current(ref.current);
  }, []);
  return (
    <label className={`btn ${primary ? 'btn-primary' : ''} ${styles.upload}`} data-disabled={disabled || undefined}>
      <input ref={ref} type="file" multiple accept={ACCEPT} className="visually-hidden" onChange={onChange} disabled={disabled} />
      <UploadIcon />
      <span className={compact ? styles.compactText : undefined}>Upload CSV</span>
    </label>
  );
}
