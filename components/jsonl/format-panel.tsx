'use client';

import { useId, useState } from 'react';
import { useTrainset, useTrainsetApi } from '@/components/store/store-provider';
import { sentence } from '@/components/app/file-facts';
import { ExportNote } from './export-note';
import { checkedBy, formatSummary, KIND_LABEL, kindCounts } from './format-text';
import { TargetRules } from './target-rules';
import styles from './format-panel.module.css';

/** Findings listed before "Show all". */
const LISTED = 8;

/**
 * For a JSONL training file: what the format checks found in it (OpenAI's, or the same in the file's
 * layout), and the chosen target's rules on the order of messages, by line, as uploaded. Each
 * finding on a row that reached the grid can be shown there and fixed; lines that are not examples
 * at all are listed, since they are left out of the grid and of any download.
 */
export function FormatPanel() {
  const jsonl = useTrainset((s) => s.meta?.jsonl);
  const api = useTrainsetApi();
  const headingId = useId();
  const [all, setAll] = useState(false);
  const states = useTrainset((s) => s.formatStates);
  if (!jsonl) return null;
  const { format, badLines, findingRowIds } = jsonl;
  const errors = kindCounts(format.errors);
  const notes = kindCounts(format.warnings);
  // Lines set aside are listed once, below, with their text; the rest can be shown in the grid.
  const setAside = new Set(badLines.map((b) => b.line));
  const listed = format.findings.map((f, i) => ({ f, rowId: findingRowIds[i] ?? -1, state: states?.[i] ?? 'open' })).filter(({ f }) => !setAside.has(f.line));
  const handled = listed.filter((l) => l.state === 'edited' || l.state === 'deleted').length;
  const shown = all ? listed : listed.slice(0, LISTED);
  const clean = errors.length === 0;
  return (
    <section className={`card ${styles.panel}`} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.title}>
        Format check
      </h2>
      <p className={clean ? styles.ok : styles.summary}>
        {clean && <span aria-hidden="true">✓ </span>}
        {formatSummary(format)}, {checkedBy(jsonl.info.layout)}, as uploaded.
      </p>
      {handled > 0 && (
        <p className={styles.muted}>
          {handled === listed.length ? 'Every row below has been' : `${handled} of the ${listed.length} rows below have been`} edited or deleted since: the
          Issues panel and the export see the rows as they are now.
        </p>
      )}
      {errors.length > 0 && (
        <ul className={styles.kinds} aria-label="Format errors by kind">
          {errors.map((e) => (
            <li key={e.kind}>
              {KIND_LABEL[e.kind]}: <strong>{e.count.toLocaleString('en-US')}</strong> <code>{e.kind}</code>
            </li>
          ))}
        </ul>
      )}
      {shown.length > 0 && (
        <ol className={styles.findings} aria-label="Format errors by line">
          {shown.map(({ f, rowId, state }) => {
            return (
              <li key={`${f.line}-${f.kind}-${f.messageIndex ?? 0}`} className={state === 'open' || state === 'none' ? undefined : styles.handled}>
                <span className={styles.where}>Line {f.line.toLocaleString('en-US')}:</span> {sentence(f.message)}{' '}
                {state === 'edited' && <span className={styles.badge}>row edited since</span>}
                {state === 'deleted' && <span className={styles.badge}>row deleted</span>}{' '}
                {rowId >= 0 && state !== 'deleted' && (
                  <button type="button" className={`link-button ${styles.link}`} onClick={() => void api.getState().showOnly([rowId], `line ${f.line}`)}>
                    Show row {f.example}
                  </button>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {listed.length > LISTED && (
        <button type="button" className={`link-button ${styles.link}`} aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${listed.length.toLocaleString('en-US')}${format.truncated ? ' listed' : ''}`}
        </button>
      )}
      {badLines.length > 0 && (
        <div className={styles.bad}>
          <h3 className={styles.subTitle}>
            {badLines.length === 1 ? '1 line is' : `${badLines.length.toLocaleString('en-US')} lines are`} not an example and{' '}
            {badLines.length === 1 ? 'is' : 'are'} left out
          </h3>
          <ul className={styles.findings}>
            {badLines.slice(0, LISTED).map((b) => (
              <li key={b.line}>
                <span className={styles.where}>
                  Line {b.line.toLocaleString('en-US')}
                  {b.column !== undefined ? `, column ${b.column}` : ''}:
                </span>{' '}
                {sentence(b.message)} <code className={styles.snippet}>{b.text.length > 80 ? `${b.text.slice(0, 79)}…` : b.text}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      <TargetRules />
      {notes.length > 0 && (
        <ul className={styles.notes} aria-label="Worth knowing">
          {notes.map((n) => (
            <li key={n.kind}>
              {KIND_LABEL[n.kind]}: {n.count.toLocaleString('en-US')}
            </li>
          ))}
        </ul>
      )}
      <ExportNote />
      <p className={styles.muted}>Fix rows in the grid, then download: the files are written from the rows as they are now.</p>
    </section>
  );
}
