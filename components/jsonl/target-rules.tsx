'use client';

import { useId, useState } from 'react';
import { useTrainset, useTrainsetApi } from '@/components/store/store-provider';
import { sentence } from '@/components/app/file-facts';
import { TARGETS } from '@/lib/export';
import { targetRuleFindings } from '@/lib/jsonl';
import { layoutNote } from './format-text';
import styles from './format-panel.module.css';

/** Findings listed before "Show all". */
const LISTED = 8;

/**
 * The file against the chosen target, in the Format check: a layout other than the one the export
 * writes (with the target that writes the file's), and the examples that break the target's rules on
 * the order of messages (Together, Claude 3 Haiku), by line, as uploaded. Follows the choice under
 * Format for: the reader noted every departure, this keeps the target's.
 */
export function TargetRules() {
  const api = useTrainsetApi();
  const headingId = useId();
  const [all, setAll] = useState(false);
  const jsonl = useTrainset((s) => s.meta?.jsonl);
  const target = useTrainset((s) => s.choices.target);
  if (!jsonl) return null;
  const note = layoutNote(jsonl.info.layout, target);
  const rules = targetRuleFindings(jsonl.format, target);
  const total = rules ? Object.values(rules.counts).reduce((a, n) => a + n, 0) : 0;
  const shown = rules ? (all ? rules.findings : rules.findings.slice(0, LISTED)) : [];
  return (
    <>
      {note && (
        <p className={styles.note}>
          {note.text}{' '}
          <button type="button" className={`link-button ${styles.link}`} onClick={() => api.getState().setChoices({ target: note.offer })}>
            Export for {TARGETS[note.offer].name} instead
          </button>
        </p>
      )}
      {rules && total > 0 && (
        <div className={styles.bad}>
          <h3 id={headingId} className={styles.subTitle}>
            {total === 1 ? '1 break' : `${total.toLocaleString('en-US')} breaks`} of {rules.name}&apos;s rules on the order of messages
          </h3>
          <ol className={styles.findings} aria-labelledby={headingId}>
            {shown.map((f, i) => {
              const rowId = jsonl.orderRowIds[rules.indexes[i]!] ?? -1;
              return (
                <li key={`${f.line}-${f.kind}`}>
                  <span className={styles.where}>Line {f.line.toLocaleString('en-US')}:</span> {sentence(f.message)}{' '}
                  {rowId >= 0 && (
                    <button type="button" className={`link-button ${styles.link}`} onClick={() => void api.getState().showOnly([rowId], `line ${f.line}`)}>
                      Show row {f.example}
                    </button>
                  )}
                </li>
              );
            })}
          </ol>
          {rules.findings.length > LISTED && (
            <button type="button" className={`link-button ${styles.link}`} aria-expanded={all} onClick={() => setAll(!all)}>
              {all ? 'Show fewer' : `Show all ${rules.findings.length.toLocaleString('en-US')}${rules.truncated ? ' listed' : ''}`}
            </button>
          )}
        </div>
      )}
    </>
  );
}
