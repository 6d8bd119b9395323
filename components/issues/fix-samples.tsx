'use client';

import { useEffect, useState } from 'react';
import { useTrainsetApi } from '@/components/store/store-provider';
import type { Fix, FixSample } from '@/lib/quality';
import { VisibleText } from '@/components/app/visible-text';
import { firstDifference, rowsText } from './fix-text';
import styles from './issues.module.css';

/**
 * The first cells a fix would change, before and after, asked of the worker when the confirm step
 * opens (so it reflects the rows as they are now). Hidden characters are drawn visibly.
 */
export function FixSamples({ fix }: { fix: Fix }) {
  const api = useTrainsetApi();
  const [preview, setPreview] = useState<{ rows: number; samples: FixSample[] } | 'failed' | null>(null);

  useEffect(() => {
    let live = true;
    void api
      .getState()
      .previewFix(fix)
      .then((p) => live && setPreview(p))
      .catch(() => live && setPreview('failed'));
    return () => {
      live = false;
    };
  }, [api, fix]);

  if (!preview) return <p className={styles.rows}>Working out the changes…</p>;
  if (preview === 'failed') return <p className={styles.rows}>The changes could not be previewed; applying the fix is still one step you can undo.</p>;
  if (preview.rows === 0) return <p className={styles.rows}>Nothing left to change: the rows were fixed already.</p>;
  const deleting = fix.kind === 'drop-duplicates';
  return (
    <table className={styles.samples}>
      <caption className={styles.samplesCaption}>
        {deleting ? 'Rows removed' : 'Before and after'}
        {preview.rows > preview.samples.length ? ` (first ${preview.samples.length} of ${rowsText(preview.rows)})` : ''}
      </caption>
      <thead>
        <tr>
          <th scope="col">Row</th>
          <th scope="col">{deleting ? (preview.samples[0]?.column ?? 'Text') : 'Before'}</th>
          {!deleting && <th scope="col">After</th>}
        </tr>
      </thead>
      <tbody>
        {preview.samples.map((s) => {
          const focus = firstDifference(s.before, s.after);
          return (
            <tr key={`${s.row}-${s.column}`}>
              <td>{s.row}</td>
              <td>
                <Cell value={s.before} focus={focus} />
              </td>
              {!deleting && (
                <td>
                  <Cell value={s.after} focus={focus} />
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Cell({ value, focus }: { value: string; focus: number }) {
  if (value === '') return <span className={styles.hiddenChar}>(empty)</span>;
  return (
    <span className={styles.sampleText}>
      <VisibleText value={value} focus={focus} markClassName={styles.hiddenChar} />
    </span>
  );
}
