'use client';

import { useEffect, useRef } from 'react';
import { useTrainset } from '@/components/store/store-provider';
import { fileFacts, sentence } from './file-facts';
import { AlertIcon } from './icons';
import styles from './app-header.module.css';

/** "dataset.csv", then "2,000 rows · UTF-8 · comma" under it, and what the reader warned about. */
export function FileSummary() {
  const { meta, rows } = useTrainset((s) => ({
    meta: s.meta,
    // Rows now (after added, joined or deleted rows) once the engine has reported on this dataset; until then, the file's count.
    rows: s.phase === 'ready' && s.status.revision > 0 ? s.status.rows : (s.meta?.rowCount ?? 0),
  }));
  if (!meta) return null;
  const facts = fileFacts(rows, meta.info);
  return (
    <div className={styles.file}>
      <p className={styles.fileName} title={meta.fileName}>
        {meta.fileName}
      </p>
      {meta.info.warnings.length > 0 && <Warnings messages={meta.info.warnings.map((w) => sentence(w.message))} />}
      <p className={styles.facts}>
        {facts.map((f) => (
          <span key={f} className={styles.fact}>
            {f}
          </span>
        ))}
      </p>
    </div>
  );
}

/** A disclosure that closes on Escape or a click elsewhere, like a menu. */
function Warnings({ messages }: { messages: string[] }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (e: Event) => {
      const details = ref.current;
      if (!details?.open) return;
      if (e instanceof KeyboardEvent) {
        if (e.key !== 'Escape') return;
        details.open = false;
        details.querySelector('summary')?.focus();
        return;
      }
      if (!details.contains(e.target as Node)) details.open = false;
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, []);
  const n = messages.length;
  return (
    <details ref={ref} className={styles.warnings}>
      <summary className={styles.warningsToggle}>
        <AlertIcon width={14} height={14} />
        {n} {n === 1 ? 'warning' : 'warnings'}
      </summary>
      <div className={styles.warningsPanel}>
        <p className={styles.warningsTitle}>While reading the file</p>
        <ul>
          {messages.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      </div>
    </details>
  );
}
