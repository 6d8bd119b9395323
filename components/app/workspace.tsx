'use client';

import { DistributionPanel } from '@/components/charts/distribution-panel';
import { ExportPanel } from '@/components/export/export-panel';
import { DataGrid } from '@/components/grid/data-grid';
import { IssuesPanel } from '@/components/issues/issues-panel';
import { FormatPanel } from '@/components/jsonl/format-panel';
import { TokensPanel } from '@/components/tokens/tokens-panel';
import styles from './workspace.module.css';

/** The loaded, mapped dataset: rows on the left (most of the width), charts and export beside them. */
export function Workspace() {
  return (
    <div className={styles.workspace}>
      <section className={styles.rows} aria-label="Rows">
        <DataGrid />
      </section>
      <aside className={styles.side} aria-label="Distribution and export">
        <FormatPanel />
        <IssuesPanel />
        <DistributionPanel />
        <TokensPanel />
        <ExportPanel />
      </aside>
    </div>
  );
}
