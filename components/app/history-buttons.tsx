'use client';

import { useSyncExternalStore } from 'react';
import { useTrainset } from '@/components/store/store-provider';
import { RedoIcon, UndoIcon } from './icons';
import { historyTitle } from './shortcuts';
import styles from './app-header.module.css';

const noSubscription = () => () => {};
/** Mac keyboards show ⌘ in the titles; the server render (and first paint) assumes Ctrl. */
function useIsMac(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => /Mac|iPhone|iPad/.test(navigator.platform),
    () => false,
  );
}

export function HistoryButtons({ disabled }: { disabled: boolean }) {
  const { canUndo, canRedo, undoLabel, redoLabel, undo, redo } = useTrainset((s) => ({
    canUndo: s.status.canUndo,
    canRedo: s.status.canRedo,
    undoLabel: s.status.undoLabel,
    redoLabel: s.status.redoLabel,
    undo: s.undo,
    redo: s.redo,
  }));
  const mac = useIsMac();
  return (
    <div className={styles.history} role="group" aria-label="Edit history">
      <button
        type="button"
        className="btn"
        onClick={() => void undo()}
        disabled={disabled || !canUndo}
        title={historyTitle('undo', canUndo ? undoLabel : null, mac)}
      >
        <UndoIcon />
        <span className={styles.buttonText}>Undo</span>
      </button>
      <button
        type="button"
        className="btn"
        onClick={() => void redo()}
        disabled={disabled || !canRedo}
        title={historyTitle('redo', canRedo ? redoLabel : null, mac)}
      >
        <RedoIcon />
        <span className={styles.buttonText}>Redo</span>
      </button>
    </div>
  );
}
