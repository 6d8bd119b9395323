'use client';

import { useId, useMemo, useRef, useState } from 'react';
import { rowsText } from '@/components/app/format';
import { useRevisionNote } from '@/components/app/use-revision-note';
import { useTrainset, useTrainsetApi } from '@/components/store/store-provider';
import { resolveThresholds, type CheckResult, type Fix, type Severity } from '@/lib/quality';
import { SEVERITY_LABEL, fixKey, fixLabel, fixPreview, groupBySeverity, rowNumbersText, summaryText } from './fix-text';
import { modelThresholds } from '@/lib/engine';
import { FixSamples } from './fix-samples';
import { changedThresholds } from './thresholds';
import { ThresholdsForm } from './thresholds-form';
import styles from './issues.module.css';

/** Fixes shown per check before "Show N more fixes". */
const LISTED_FIXES = 3;

const SEVERITY_HEADING: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Worth knowing' };

/**
 * The side-column card listing what the quality checks found, errors first, each with a way to see
 * its rows in the grid and its proposed fixes (each confirmed first, then applied as one undoable change).
 */
export function IssuesPanel() {
  const checkReport = useTrainset((s) => s.checks);
  const { suspects, suspectsStale, suspectProgress, suspectError } = useTrainset((s) => ({
    suspects: s.suspects,
    suspectsStale: s.suspects !== null && s.suspects.revision !== s.status.revision,
    suspectProgress: s.suspectProgress,
    suspectError: s.suspectError,
  }));
  // The suspect-label finding is its own, slower run: listed with the checks once it is in.
  const { slowChecks, slowStale } = useTrainset((s) => ({
    slowChecks: s.slowChecks,
    slowStale: s.slowChecks !== null && s.slowChecks.revision !== s.status.revision,
  }));
  // The slow checks and the suspect-label search are runs of their own: listed with the others once they are in.
  const checks = useMemo(() => {
    if (!checkReport) return null;
    const more = [...(slowChecks?.checks ?? []), ...(suspects?.result ? [suspects.result] : [])];
    return more.length > 0 ? { ...checkReport, checks: [...checkReport.checks, ...more] } : checkReport;
  }, [checkReport, slowChecks, suspects]);
  const staleIds = useMemo(
    () => new Set([...(slowStale ? (slowChecks?.checks ?? []).map((c) => c.id) : []), ...(suspectsStale ? ['suspect-label'] : [])]),
    [slowStale, slowChecks, suspectsStale],
  );
  const onDemand = useTrainset((s) => s.checksOnDemand);
  const disabled = useTrainset((s) => s.otherTab);
  const api = useTrainsetApi();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // "Done — you can undo it." goes with the next change, its undo included.
  const [status, setStatus] = useRevisionNote();
  const [busy, setBusy] = useState(false);
  const [running, setRunning] = useState(false);
  const [showThresholds, setShowThresholds] = useState(false);
  const target = useTrainset((s) => s.choices.target);
  const overrides = useTrainset((s) => s.choices.thresholds);
  const tokens = useTrainset((s) => s.choices.tokens);
  // The chosen model's token limit is the default for OpenAI files; other targets publish their own.
  const defaults = useMemo(() => resolveThresholds(modelThresholds({ target, tokens }), target), [target, tokens]);
  const changed = changedThresholds(overrides, defaults).length;
  const thresholdsId = `${headingId}-thresholds`;
  const runNow = async (): Promise<void> => {
    setRunning(true);
    try {
      await api.getState().runChecks();
    } finally {
      setRunning(false);
    }
  };

  const apply = async (fix: Fix): Promise<void> => {
    setBusy(true);
    setStatus('');
    try {
      await api.getState().applyFix(fix);
      setStatus(
        fix.kind === 'ignore-word' ? `“${fix.word}” will not be reported as a typo again in this session.` : `Done — you can undo it. ${fixLabel(fix)}.`,
      );
    } catch {
      setStatus('That fix could not be applied. Nothing was changed.');
    } finally {
      setBusy(false);
      // The entry may have gone with its issue: keep focus inside the card.
      headingRef.current?.focus();
    }
  };

  const summary = checks ? summaryText(checks) : null;
  const groups = checks ? groupBySeverity(checks.checks) : [];

  return (
    <section
      className={`card ${styles.panel}`}
      aria-labelledby={headingId}
      aria-busy={busy || undefined}
      // For the benchmark and tests: whether the suspect-label findings shown describe the rows as they are.
      data-suspects={suspects !== null ? (suspectsStale ? 'stale' : 'ready') : onDemand && !suspectProgress ? 'not-run' : 'running'}
      // The same for the slow checks (near-duplicates, typos).
      data-slow-checks={slowChecks !== null ? (slowStale ? 'stale' : 'ready') : onDemand ? 'not-run' : 'running'}
    >
      <div className={styles.header}>
        <h2 id={headingId} ref={headingRef} tabIndex={-1} className={styles.title}>
          Issues
        </h2>
        {checks && (
          <p className={summary ? styles.summary : `${styles.summary} ${styles.ok}`}>
            {summary ?? (
              <>
                <span aria-hidden="true">✓ </span>No issues found
              </>
            )}
          </p>
        )}
      </div>
      {!checks && onDemand ? (
        <p className={styles.muted}>
          This file is large, so the checks run when you ask (they take a few seconds).{' '}
          <button type="button" className="btn btn-small" onClick={() => void runNow()} disabled={running}>
            {running ? 'Checking…' : 'Check the rows'}
          </button>
        </p>
      ) : !checks ? (
        <p className={styles.muted}>Checking the rows…</p>
      ) : (
        groups.map((g) => (
          <section key={g.severity} className={styles.group} aria-label={SEVERITY_HEADING[g.severity]}>
            <ul className={styles.list}>
              {/* A check appears at most once per severity: keyed by both, an open confirm survives
                  the refresh that follows every change, even when other entries come or go. */}
              {g.checks.map((c) => (
                <IssueEntry key={`${c.id}-${c.severity}`} check={c} disabled={disabled || busy} onApply={apply} stale={staleIds.has(c.id)} />
              ))}
            </ul>
          </section>
        ))
      )}
      {checks && !suspects && suspectProgress && (
        <p className={styles.muted}>Looking for labels that look wrong… {Math.round((100 * suspectProgress.done) / Math.max(1, suspectProgress.total))}%</p>
      )}
      {suspectError && <p className={styles.muted}>{suspectError}</p>}
      <button
        type="button"
        className={`${styles.linkButton} ${styles.thresholdsToggle}`}
        aria-expanded={showThresholds}
        aria-controls={thresholdsId}
        onClick={() => setShowThresholds(!showThresholds)}
      >
        {showThresholds ? 'Hide thresholds' : 'Thresholds'}
        {changed > 0 ? ` (${changed} changed)` : ''}
      </button>
      <div id={thresholdsId} hidden={!showThresholds}>
        {showThresholds && (
          <ThresholdsForm defaults={defaults} overrides={overrides} disabled={disabled} onChange={(t) => api.getState().setChoices({ thresholds: t })} />
        )}
      </div>
      <p role="status" aria-live="polite" className={styles.status}>
        {status}
      </p>
    </section>
  );
}

function IssueEntry({ check, disabled, onApply, stale }: { check: CheckResult; disabled: boolean; onApply: (fix: Fix) => Promise<void>; stale: boolean }) {
  const api = useTrainsetApi();
  const [open, setOpen] = useState<number | null>(null);
  const [allFixes, setAllFixes] = useState(false);
  const base = useId();
  const fixes = check.fixes ?? [];
  const listed = allFixes ? fixes : fixes.slice(0, LISTED_FIXES);
  const hidden = fixes.length - listed.length;
  const rowCount = check.rowIds.length;

  return (
    <li className={`${styles.entry} ${styles[check.severity]}`}>
      <p className={styles.message}>
        <span className={styles.badge}>{SEVERITY_LABEL[check.severity]}</span> {check.message}
        {stale && <em className={styles.stale}> Out of date after your changes: looking again…</em>}
      </p>
      {(rowCount > 0 || fixes.length > 0) && (
        <div className={styles.actions}>
          {rowCount > 0 && check.id === 'suspect-label' && (
            <button
              type="button"
              className="btn btn-small btn-primary"
              disabled={disabled}
              onClick={() => void api.getState().openReview({ order: 'suspicious', ids: check.rowIds })}
            >
              Review {rowsText(rowCount)}
            </button>
          )}
          {rowCount > 0 && (
            <button
              type="button"
              className="btn btn-small"
              disabled={disabled}
              aria-label={`Show ${rowsText(rowCount)}: ${check.message}`}
              onClick={() => void api.getState().showOnly(check.rowIds, `${check.id} rows`)}
            >
              Show {rowsText(rowCount)}
            </button>
          )}
          {listed.map((fix, i) => {
            const panelId = `${base}-fix-${i}`;
            const expanded = open === i;
            return (
              <div key={fixKey(fix, i)} className={styles.fix}>
                <button
                  type="button"
                  className={`btn btn-small ${styles.fixButton}`}
                  aria-expanded={expanded}
                  aria-controls={panelId}
                  disabled={disabled}
                  onClick={() => setOpen(expanded ? null : i)}
                >
                  {fixLabel(fix)}…
                </button>
                {expanded && (
                  <div id={panelId} className={styles.confirm} role="group" aria-label={`Confirm: ${fixLabel(fix)}`}>
                    <p className={styles.preview}>{fixPreview(fix)}</p>
                    {fix.kind === 'merge-label' ? (
                      <p className={styles.change}>
                        {fix.from.map((f) => (
                          <span key={f}>
                            <del>{f}</del> → <ins>{fix.to}</ins>
                          </span>
                        ))}
                      </p>
                    ) : (
                      <FixSamples fix={fix} />
                    )}
                    <p className={styles.rows}>{rowNumbersText(fix.rows)}</p>
                    <div className={styles.confirmActions}>
                      <button
                        type="button"
                        className="btn btn-small btn-primary"
                        disabled={disabled}
                        onClick={() => {
                          setOpen(null);
                          void onApply(fix);
                        }}
                      >
                        Apply
                      </button>
                      <button type="button" className="btn btn-small" onClick={() => setOpen(null)}>
                        Cancel
                      </button>
                    </div>
                  </div>
                )}
              </div>
            );
          })}
          {fixes.length > LISTED_FIXES && (
            <button type="button" className={styles.linkButton} aria-expanded={allFixes} onClick={() => setAllFixes(!allFixes)}>
              {allFixes ? 'Show fewer fixes' : `Show ${hidden} more ${hidden === 1 ? 'fix' : 'fixes'}`}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
