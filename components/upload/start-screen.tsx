'use client';

import { FileIcon, ShieldIcon } from '@/components/app/icons';
import { UploadButton } from './upload-button';
import styles from './start-screen.module.css';

interface Props {
  onFile(files: File[]): void;
  onSample(): void;
  /** A file is being dragged over the page (drops anywhere are taken). */
  dragging: boolean;
  disabled: boolean;
  /** The sample is being fetched. */
  sampleBusy?: boolean;
}

const STEPS = [
  { title: 'Upload', text: 'See how the file was read: encoding, separator, rows that need a look.' },
  { title: 'Review', text: 'Search, fix and relabel rows; check how balanced the categories are.' },
  { title: 'Export', text: 'Download a stratified train/validation split as chat JSONL.' },
];

/** The first screen: a drop zone with the page's file input, the sample, and what happens to the file. */
export function StartScreen({ onFile, onSample, dragging, disabled, sampleBusy = false }: Props) {
  return (
    <section className={styles.start} aria-labelledby="start-title">
      <div className={styles.dropzone} data-dragging={dragging || undefined}>
        <div className={styles.badge}>
          <FileIcon width={28} height={28} />
        </div>
        <h2 id="start-title" className={styles.title}>
          Review your labelled data before fine-tuning
        </h2>
        <p className={styles.lead}>
          {dragging ? (
            <strong>Drop the file to read it.</strong>
          ) : (
            <>
              Drop a CSV here: one customer inquiry per row, with its <code>category</code> and <code>sub_category</code> (other column names work too).
            </>
          )}
        </p>
        <div className={styles.actions}>
          <UploadButton primary onFiles={onFile} disabled={disabled} />
          <span className={styles.or}>or</span>
          <button type="button" className="btn" onClick={onSample} disabled={disabled || sampleBusy}>
            Try the sample dataset
          </button>
        </div>
        <p className={styles.formats}>CSV, TSV or TXT · UTF-8 or Windows-1252 · comma, semicolon, tab or pipe · Excel workbook (.xlsx)</p>
        <p className={styles.formats}>Or a chat-format JSONL training file, to check its format and review it</p>
        <p className={styles.formats}>Several files at once (one per label, one per month) are read as one dataset, each row keeping its file</p>
        <p className={styles.formats}>Or a .trainset project someone saved, to carry on where they stopped</p>
      </div>
      <p className={styles.privacy}>
        <ShieldIcon />
        Your file stays in this browser: nothing is uploaded to a server.
      </p>
      <ol className={styles.steps}>
        {STEPS.map((s, i) => (
          <li key={s.title} className={styles.step}>
            <span className={styles.number} aria-hidden="true">
              {i + 1}
            </span>
            <span>
              <strong>{s.title}.</strong> {s.text}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
