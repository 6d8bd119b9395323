'use client';

import { useTrainset } from '@/components/store/store-provider';
import { UploadButton } from '@/components/upload/upload-button';
import { FileSummary } from './file-summary';
import { HistoryButtons } from './history-buttons';
import { DownloadIcon, Logo } from './icons';
import styles from './app-header.module.css';

interface Props {
  onFile(files: File[]): void;
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
        {phase === 'ready' && <GoToExport />}
        {/* Not while the saved work opens: the start screen may replace this input meanwhile, and a
            file chosen in a dialog opened from it would be lost. */}
        {phase !== 'empty' && phase !== 'starting' && <UploadButton compact onFiles={onFile} disabled={uploadDisabled} />}
        {showFile && (
          <button type="button" className="btn" onClick={onStartOver} disabled={otherTab}>
            Start over
          </button>
        )}
      </div>
    </header>
  );
}

/** The id of the Export card, which the header's Export button brings into view. */
export const EXPORT_CARD_ID = 'export-card';

/** How long after the jump the card is kept in view while the cards above it still change. */
const KEEP_IN_VIEW_MS = 2000;

/**
 * Keep `card` where the jump put it while the cards above it grow or shrink (a token estimate or
 * the charts arriving just after the click would otherwise push it out of view: the browser's
 * scroll anchoring does not hold when the anchor it picked is the part that was replaced), until
 * the user scrolls, clicks or types, or for {@link KEEP_IN_VIEW_MS}.
 */
function keepInView(card: HTMLElement): void {
  const above: Element[] = [];
  for (let e = card.previousElementSibling; e; e = e.previousElementSibling) above.push(e);
  if (above.length === 0 || typeof ResizeObserver === 'undefined') return;
  // The first call reports the sizes as they are at the jump: only a change after it moves the card.
  let first = true;
  const observer = new ResizeObserver(() => {
    if (!first) card.scrollIntoView({ block: 'start', behavior: 'auto' });
    first = false;
  });
  const userEvents = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const;
  const stop = (): void => {
    observer.disconnect();
    clearTimeout(timer);
    for (const type of userEvents) window.removeEventListener(type, stop, true);
  };
  const timer = setTimeout(stop, KEEP_IN_VIEW_MS);
  for (const type of userEvents) window.addEventListener(type, stop, true);
  for (const e of above) observer.observe(e);
}

/**
 * The way to the downloads from anywhere: the Export card sits below the checks and charts in the
 * side column, screens down on a laptop. The button scrolls it into view and moves focus to its
 * heading, so the next Tab reaches the export settings and the download buttons.
 */
function GoToExport() {
  const blocked = useTrainset((s) => s.split !== null && !s.split.ok);
  const go = (): void => {
    const card = document.getElementById(EXPORT_CARD_ID);
    if (!card) return;
    const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    card.scrollIntoView({ block: 'start', behavior: still ? 'auto' : 'smooth' });
    card.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
    keepInView(card);
  };
  return (
    <button type="button" className={`btn btn-primary ${styles.exportButton}`} onClick={go} aria-describedby={blocked ? 'export-blocked-hint' : undefined}>
      <DownloadIcon />
      {/* On a phone the header keeps its icons; the word is for screen readers there, as Undo's is. */}
      <span className={styles.buttonText}>Export</span>
      {blocked && (
        <span id="export-blocked-hint" className="visually-hidden">
          (the export has problems to fix first)
        </span>
      )}
    </button>
  );
}
