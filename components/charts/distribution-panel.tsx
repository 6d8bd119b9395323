'use client';

import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTrainset, useTrainsetApi } from '@/components/store/store-provider';
import { LabelsDialog } from '@/components/labels/labels-dialog';
import { answerModeOf } from '@/lib/engine';
import { LabelsView } from './labels-view';
import { SplitView } from './split-view';
import styles from './charts.module.css';

/** Why there is nothing to chart or manage when the answers are free text (`answerModeOf`). */
const FREE_TEXT = 'The answers are free text, not labels: there are no labels to chart or manage.';

const TABS = [
  { id: 'labels', label: 'Labels' },
  { id: 'split', label: 'Split' },
] as const;
type TabId = (typeof TABS)[number]['id'];

/**
 * The side-column card with the label distribution and the train/validation split, as two tabs
 * (the ARIA tabs pattern: arrow keys, Home and End move between tabs, which activate on focus).
 */
export function DistributionPanel() {
  const api = useTrainsetApi();
  const readOnlyTab = useTrainset((s) => s.otherTab);
  const distribution = useTrainset((s) => s.distribution);
  const split = useTrainset((s) => s.split);
  const column = useTrainset((s) => s.distribution?.labels[0] ?? s.meta?.mapping?.labels[0] ?? 'category');
  const freeText = useTrainset((s) => answerModeOf(s.meta) === 'text');
  const [tab, setTab] = useState<TabId>('labels');
  const [tableView, setTableView] = useState(false);
  const [managing, setManaging] = useState(false);
  const base = useId();
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, index: number): void => {
    const last = TABS.length - 1;
    const next =
      e.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : e.key === 'ArrowLeft'
          ? index === 0
            ? last
            : index - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? last
              : null;
    if (next === null) return;
    e.preventDefault();
    setTab(TABS[next]!.id);
    tabRefs.current[next]?.focus();
  };

  const headingId = `${base}-heading`;
  const freeTextId = `${base}-free-text`;
  return (
    <section className={`card ${styles.panel}`} aria-labelledby={headingId}>
      <div className={styles.panelHeader}>
        <h2 id={headingId} className={styles.title}>
          Distribution
        </h2>
        <div className={styles.panelButtons}>
          <button
            type="button"
            className="btn btn-small"
            disabled={!distribution || freeText}
            title={freeText ? FREE_TEXT : undefined}
            aria-describedby={freeText ? freeTextId : undefined}
            onClick={() => setManaging(true)}
          >
            Manage labels
          </button>
          <button type="button" className="btn btn-small" aria-pressed={tableView} onClick={() => setTableView(!tableView)}>
            Show as table
          </button>
          <button type="button" className="btn btn-small" disabled={readOnlyTab} onClick={() => api.getState().changeColumns()}>
            Change columns
          </button>
        </div>
      </div>
      <div role="tablist" aria-label="Distribution views" className={styles.tablist}>
        {TABS.map((t, i) => (
          <button
            key={t.id}
            ref={(el) => {
              tabRefs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`${base}-panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            className={styles.tab}
            onClick={() => setTab(t.id)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {TABS.map((t) => (
        <div
          key={t.id}
          role="tabpanel"
          id={`${base}-panel-${t.id}`}
          aria-labelledby={`${base}-tab-${t.id}`}
          hidden={tab !== t.id}
          tabIndex={0}
          className={styles.tabpanel}
        >
          {t.id === 'labels' && freeText ? (
            // Rendered in the hidden panel too: the Manage labels button is described by it.
            <p id={freeTextId} className={styles.muted}>
              {FREE_TEXT}
            </p>
          ) : tab !== t.id ? null : !distribution ? (
            <p className={styles.muted}>Load a dataset to see how its labels are distributed.</p>
          ) : t.id === 'labels' ? (
            <LabelsView distribution={distribution} tableView={tableView} />
          ) : split ? (
            <SplitView split={split} column={column} tableView={tableView} freeText={freeText} />
          ) : (
            <p className={styles.muted}>Working out the split…</p>
          )}
        </div>
      ))}
      {managing && <LabelsDialog onClose={() => setManaging(false)} />}
    </section>
  );
}
