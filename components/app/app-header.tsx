'use client';

import { useTrainset } from '@/components/store/store-provider';
import { UploadButton } from '@/components/upload/upload-button';
import { FileSummary } from './file-summary';
import { HistoryButtons } from './history-buttons';
import { Logo } from './icons';
import styles from './app-header.module.css';

interface Props {
  onFile(file: File): void;
  uploadDisabled: boolean;
  onStartOver(): void;
}

/**
 * The bar above every screen. The start screen has its own file input, so the header's
 * "Upload CSV" only appears once the user is past it: the page never has two.
 */
export function AppHeader({ onFile, uploadDisabled, onStartOver }: Props) {
  const { phase, hasData, otherTab } = useTrainset((s) => ({ phase: s.phase, hasData: s.meta !== null, otherTab: s.otherTab }));
  const showFile = hasData && phase !== 'loading' && phase !== 'starting';
  return (
    <header className={styles.header}>
      <div className={styles.brand}>
        <Logo />
        <h1 className={styles.product}>Trainset</h1>
      </div>
      {showFile ? <FileSummary /> : <div className={styles.spacer} />}
      <div className={styles.actions}>
        {phase === 'ready' && <HistoryButtons disabled={otherTab} />}
        {/* Not while the saved work opens: the start screen may replace this input meanwhile, and a
            file chosen in a dialog opened from it would be lost. */}
        {phase !== 'empty' && phase !== 'starting' && <UploadButton compact onFile={onFile} disabled={uploadDisabled} />}
        {showFile && (
          <button type="button" className="btn" onClick={onStartOver} disabled={otherTab}>
            Start over
          </button>
        )}
      </div>
    </header>
  );
}
