'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { useTrainset, useTrainsetApi } from '@/components/store/store-provider';
import { MappingStep } from '@/components/mapping/mapping-step';
import { ReadingProgress } from '@/components/upload/reading-progress';
import { ColumnsDialog } from '@/components/upload/columns-dialog';
import { SheetDialog } from '@/components/upload/sheet-dialog';
import { bundleName } from '@/lib/sources';
import { StartScreen } from '@/components/upload/start-screen';
import { useWindowFileDrop } from '@/components/upload/use-file-drop';
import { AppHeader } from './app-header';
import { BadRows } from './bad-rows';
import { ConfirmDialog } from './confirm-dialog';
import { UploadIcon } from './icons';
import { EngineNotice, LoadErrorBanner, OtherTabBanner, RestoredNotice, RestoreFailureBanner, SaveStateBanner, type LoadFailure } from './notices';
import { useHistoryShortcuts } from './use-history-shortcuts';
import { useSingleTab } from './use-single-tab';
import { Workspace } from './workspace';
import styles from './app-shell.module.css';

const SAMPLE = { name: 'customer-support-sample.csv', size: 0 };

/** The page: header, messages, and the screen for the current phase. */
export function AppShell() {
  const api = useTrainsetApi();
  const { phase, otherTab, loadError, fileName, restoreFailure, engineMessage } = useTrainset((s) => ({
    phase: s.phase,
    otherTab: s.otherTab,
    loadError: s.loadError,
    fileName: s.meta?.fileName ?? null,
    restoreFailure: s.restoreFailure,
    engineMessage: s.saveState.error !== null || s.engineNotice !== null,
  }));
  const { takeOver } = useSingleTab();
  useHistoryShortcuts(phase === 'ready' && !otherTab);

  const [reading, setReading] = useState<{ name: string; size: number } | null>(null);
  const [replacing, setReplacing] = useState<File[] | null>(null);
  const [confirmStartOver, setConfirmStartOver] = useState(false);
  const [sampleError, setSampleError] = useState<LoadFailure | null>(null);
  const [dismissedError, setDismissedError] = useState<object | null>(null);
  /** A file opened while the saved session is restored, read once that is done. */
  const queued = useRef<File[] | null>(null);

  const read = useCallback(
    (files: File[]) => {
      const name = files.length > 1 ? bundleName(files.map((f) => f.name)) : files[0]!.name;
      setReading({ name, size: files.reduce((sum, f) => sum + f.size, 0) });
      setSampleError(null);
      void (files.length > 1 ? api.getState().uploadFiles(files) : api.getState().upload(files[0]!));
    },
    [api],
  );
  /** Opening files replaces the dataset; ask first when that would throw edits away. */
  const openFile = useCallback(
    (files: File[]) => {
      const s = api.getState();
      if (s.otherTab || files.length === 0) return;
      // The saved session is still being restored: reading now would race it, so read right after.
      if (s.phase === 'starting') {
        queued.current = files;
        return;
      }
      if (s.meta && s.phase === 'ready' && (s.status.canUndo || s.status.editedCells > 0)) setReplacing(files);
      else read(files);
    },
    [api, read],
  );
  useEffect(() => {
    const files = queued.current;
    if (phase === 'starting' || !files) return;
    queued.current = null;
    openFile(files);
  }, [phase, openFile]);

  const [fetchingSample, setFetchingSample] = useState(false);
  const loadSample = useCallback(() => {
    setReading(SAMPLE);
    setSampleError(null);
    // The sample is fetched before reading starts: keep a second click from loading it twice.
    setFetchingSample(true);
    api
      .getState()
      .loadSample()
      .catch((e: unknown) =>
        setSampleError({ fileName: 'The sample dataset', message: `${e instanceof Error ? e.message : String(e)}. Reload the page and try again.` }),
      )
      .finally(() => setFetchingSample(false));
  }, [api]);

  const canOpen = !otherTab && phase !== 'loading';
  const replacingName = replacing ? (replacing.length > 1 ? bundleName(replacing.map((f) => f.name)) : replacing[0]!.name) : null;
  const dragging = useWindowFileDrop(canOpen ? openFile : null);

  const error: LoadFailure | null =
    sampleError ??
    (loadError && loadError !== dismissedError
      ? { fileName: loadError.fileName, message: loadError.problem.message, whole: loadError.problem.code === 'project' }
      : null);

  return (
    <div className={styles.shell} data-phase={phase}>
      <AppHeader onFile={openFile} uploadDisabled={!canOpen} onStartOver={() => setConfirmStartOver(true)} />
      <main className={styles.main}>
        {(otherTab || error || engineMessage || restoreFailure || phase === 'ready' || phase === 'mapping') && (
          <div className={styles.messages}>
            <SaveStateBanner />
            <EngineNotice />
            {phase === 'empty' && restoreFailure && <RestoreFailureBanner reason={restoreFailure} />}
            <OtherTabBanner onTakeOver={takeOver} />
            {error && (
              <LoadErrorBanner
                error={error}
                onDismiss={() => {
                  setSampleError(null);
                  setDismissedError(loadError);
                }}
              />
            )}
            {(phase === 'ready' || phase === 'mapping') && <RestoredNotice onStartOver={() => setConfirmStartOver(true)} />}
            {phase === 'ready' && <BadRows />}
          </div>
        )}
        {phase === 'starting' && <p className={styles.starting}>Opening your saved work…</p>}
        {phase === 'empty' && <StartScreen onFile={openFile} onSample={loadSample} dragging={dragging} disabled={otherTab} sampleBusy={fetchingSample} />}
        {phase === 'loading' && <ReadingProgress file={reading} />}
        {phase === 'mapping' && <MappingStep />}
        {phase === 'ready' && <Workspace />}
      </main>

      {dragging && phase !== 'empty' && (
        <div className={styles.dropOverlay} aria-hidden="true">
          <div className={styles.dropCard}>
            <UploadIcon width={28} height={28} />
            <p>Drop the file to open it{fileName ? ` instead of ${fileName}` : ''}</p>
          </div>
        </div>
      )}

      <SheetDialog />
      <ColumnsDialog />

      <ConfirmDialog
        open={confirmStartOver}
        title="Start over?"
        confirmLabel="Remove and start over"
        danger
        onCancel={() => setConfirmStartOver(false)}
        onConfirm={() => {
          setConfirmStartOver(false);
          setDismissedError(loadError);
          void api.getState().startOver();
        }}
      >
        <p>This removes the dataset and your edits from this browser.</p>
        <p>
          To keep them, download the project first (Export card): it holds the file, every edit with its undo history, the review and the settings, and opens
          again with Upload. The cleaned CSV keeps only the rows as edited.
        </p>
      </ConfirmDialog>

      <ConfirmDialog
        open={replacing !== null}
        title={replacingName && replacingName === fileName ? `Read ${replacingName} again?` : `Open ${replacingName ?? 'this file'}?`}
        confirmLabel="Replace dataset"
        danger
        onCancel={() => setReplacing(null)}
        onConfirm={() => {
          const files = replacing;
          setReplacing(null);
          if (files) read(files);
        }}
      >
        <p>
          {replacingName && replacingName === fileName
            ? 'The file is read afresh: your edits to the copy you are working on are removed from this browser.'
            : `It replaces ${fileName ?? 'the current dataset'}, and your edits to it are removed from this browser.`}{' '}
          To keep them, download the project first (Export card): it holds the file, every edit with its undo history, the review and the settings, and opens
          again with Upload. The cleaned CSV keeps only the rows as edited (exactly so with &ldquo;Neutralise spreadsheet formulas&rdquo; off).
        </p>
      </ConfirmDialog>
    </div>
  );
}
