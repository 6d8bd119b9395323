'use client';

import { useTrainset } from '@/components/store/store-provider';
import { formatBytes, readingProgress } from './reading';
import styles from './reading-progress.module.css';

/** Shown while a file is read (in the worker: the page stays responsive). */
export function ReadingProgress({ file }: { file: { name: string; size: number } | null }) {
  const progress = useTrainset((s) => s.progress);
  const { percent, text } = readingProgress(progress);
  const size = file?.size ?? progress?.totalBytes ?? 0;
  return (
    <section className={`card ${styles.reading}`} aria-labelledby="reading-title">
      <h2 id="reading-title" className={styles.title}>
        Reading <span className={styles.name}>{file?.name ?? 'your file'}</span>
      </h2>
      {size > 0 && <p className={styles.size}>{formatBytes(size)}</p>}
      <div
        className={styles.track}
        role="progressbar"
        aria-labelledby="reading-title"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={text}
      >
        <div className={styles.bar} style={{ width: `${percent}%` }} />
      </div>
      <p className={styles.text}>{percent >= 100 ? 'Preparing rows…' : text}</p>
      <p className={styles.hint}>The file is read here, in this browser. Large files take a few seconds.</p>
    </section>
  );
}
