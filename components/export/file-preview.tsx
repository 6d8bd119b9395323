'use client';

import { useId } from 'react';
import { previewCaption } from './export-form';
import styles from './export.module.css';

/**
 * The first lines of a file exactly as they will be written. The box scrolls sideways (lines are
 * long) and is focusable so it can be scrolled from the keyboard.
 */
export function FilePreview({ fileName, lines, total }: { fileName: string; lines: string[]; total: number }) {
  const id = useId();
  return (
    <figure className={styles.preview}>
      <figcaption className={styles.previewCaption}>
        <span id={`${id}-name`} className={styles.fileName}>
          {fileName} preview
        </span>
        <span id={`${id}-count`} className={styles.help}>
          {previewCaption(lines.length, total)}
        </span>
      </figcaption>
      <pre className={styles.code} tabIndex={0} role="region" aria-labelledby={`${id}-name`} aria-describedby={`${id}-count`}>
        {lines.join('\n')}
      </pre>
    </figure>
  );
}
