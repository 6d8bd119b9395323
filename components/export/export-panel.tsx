'use client';

import { useId, useMemo, useState } from 'react';
import { useTrainset } from '@/components/store/store-provider';
import type { CheckResult } from '@/lib/quality';
import { gateOf } from '@/lib/store';
import { EXPORT_CARD_ID } from '@/components/app/app-header';
import { BlockingChecks } from './blocking-checks';
import { CsvExport } from './csv-export';
import { ProjectExport } from './project-export';
import { DownloadButton } from './download-button';
import { downloadStatus, summaryText } from './export-form';
import { ExportProblems } from './export-problems';
import { ExportSettings } from './export-settings';
import { FilePreview } from './file-preview';
import styles from './export.module.css';

const NONE: CheckResult[] = [];

/**
 * The export card: the settings that decide the files' bytes, the downloads, and either a preview
 * of both files or the problems to fix first. Everything is computed in the browser.
 */
export function ExportPanel() {
  const ready = useTrainset((s) => s.phase === 'ready');
  const split = useTrainset((s) => s.split);
  const { busy, lastDownload, savingBytes } = useTrainset((s) => ({ busy: s.busy, lastDownload: s.lastDownload, savingBytes: s.savingBytes }));
  const [failure, setFailure] = useState<string | null>(null);
  const id = useId();

  // The policy is lib's (`exportGate`), which `download` enforces too: an error-level check blocks the downloads.
  const { phase, checks } = useTrainset((s) => ({ phase: s.phase, checks: s.checks }));
  const gate = useMemo(() => gateOf({ phase, split, checks }), [phase, split, checks]);
  const blocking = gate.ok || gate.reason !== 'errors' ? NONE : gate.blocking;
  const canExport = gate.ok;
  const onDemand = useTrainset((s) => s.checksOnDemand && s.checks === null);
  const blockedNote =
    ready && split?.ok && blocking.length > 0
      ? `Downloads are blocked by ${blocking.length === 1 ? 'an error' : `${blocking.length} errors`} in Issues: see below.`
      : null;
  const status = busy ? downloadStatus(busy, null, savingBytes) : (failure ?? blockedNote ?? downloadStatus(null, lastDownload));

  return (
    <section id={EXPORT_CARD_ID} className={`card ${styles.panel}`} aria-labelledby={`${id}-title`}>
      <div>
        <h2 id={`${id}-title`} className={styles.title} tabIndex={-1}>
          Export
        </h2>
        <p className={styles.summary} aria-live="polite">
          {ready ? summaryText(split) : summaryText(null)}
        </p>
      </div>

      <div className={styles.downloads}>
        <DownloadButton kind="train" label="Download train.jsonl" disabled={!canExport} onFailure={setFailure} />
        <DownloadButton kind="validation" label="Download validation.jsonl" disabled={!canExport} onFailure={setFailure} />
        <DownloadButton kind="zip" label="Download both (.zip)" disabled={!canExport} primary onFailure={setFailure} />
      </div>
      <p className={`${styles.status} ${failure && !busy ? styles.statusError : ''}`} role="status">
        {status}
      </p>

      {/* The settings below the buttons: the header's Export button brings the card's top into view, and the
          downloads must be in it. */}
      <ExportSettings />

      {/* Problems and previews share one slot with a reserved height, so the card does not jump as the split is recomputed. */}
      <div className={styles.resultSlot}>
        {ready && split && !split.ok && <ExportProblems problems={split.problems} count={split.problemCount} />}
        {ready && split && split.ok && blocking.length > 0 && <BlockingChecks checks={blocking} />}
        {ready && split && split.ok && (
          <>
            <FilePreview fileName="train.jsonl" lines={split.preview.train} total={split.train} />
            <FilePreview fileName="validation.jsonl" lines={split.preview.validation} total={split.validation} />
          </>
        )}
      </div>

      {ready && onDemand && (
        <p className={styles.help}>
          The quality checks have not run on this large file (Issues › Check the rows). Run them before you export: an error they find blocks the downloads.
        </p>
      )}

      <CsvExport disabled={!ready} onFailure={setFailure} />
      <ProjectExport onFailure={setFailure} />
    </section>
  );
}
