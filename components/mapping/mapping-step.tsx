'use client';

import { useId, useState, type FormEvent } from 'react';
import { useTrainset } from '@/components/store/store-provider';
import type { LoadedMeta } from '@/lib/engine';
import { assistantExample, draftFromGuess, draftToMapping, type MappingDraft } from './mapping';
import { MappingPreview, usePreviewRows } from './mapping-preview';
import styles from './mapping-step.module.css';

/** Asked when the file lacks inquiry/category/sub_category: which column is which. */
export function MappingStep() {
  const meta = useTrainset((s) => s.meta);
  if (!meta) return null;
  // A new file starts from its own guess.
  return <MappingForm key={`${meta.fileName}:${meta.fileSize}:${meta.header.join('\u0000')}`} meta={meta} />;
}

function MappingForm({ meta }: { meta: LoadedMeta }) {
  const { confirmMapping, cancelChangeColumns, rereadWithoutHeader, otherTab } = useTrainset((s) => ({
    confirmMapping: s.confirmMapping,
    cancelChangeColumns: s.cancelChangeColumns,
    rereadWithoutHeader: s.rereadWithoutHeader,
    otherTab: s.otherTab,
  }));
  // Changing the columns of a mapped file starts from the columns in use; a new file from its guess.
  const changing = meta.mapping !== null;
  const [draft, setDraft] = useState<MappingDraft>(() => draftFromGuess(meta.header, meta.mapping ?? meta.guess));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const rows = usePreviewRows(5);
  const ids = { title: useId(), text: useId(), textHint: useId(), first: useId(), second: useId(), labelsHint: useId(), error: useId() };

  const change = (field: keyof MappingDraft) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setDraft((d) => ({ ...d, [field]: value }));
    setError(null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = draftToMapping(draft);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setBusy(true);
    try {
      setError(await confirmMapping(r.mapping));
    } finally {
      setBusy(false);
    }
  };

  const labels = [draft.first, draft.second].filter(Boolean);
  const firstRow = rows[0];
  const exampleValues = firstRow ? labels.map((l) => firstRow.cells[meta.header.indexOf(l)] ?? '') : [];

  return (
    <section className={`card ${styles.step}`} aria-labelledby={ids.title}>
      <h2 id={ids.title} className={styles.title}>
        Which columns should Trainset use?
      </h2>
      {changing ? (
        <p className={styles.intro}>
          Choose the text and label columns of <strong>{meta.fileName}</strong> again. Your edits stay; the change is one step you can undo.
        </p>
      ) : (
        <p className={styles.intro}>
          <strong>{meta.fileName}</strong> does not have the usual <code>inquiry</code>, <code>category</code> and <code>sub_category</code> columns. Pick them
          below; the guess comes from the column names and contents.
        </p>
      )}

      {meta.info.sources && (
        <p className={styles.intro}>
          The column <code>{meta.info.sources.column}</code> holds each row&rsquo;s file ({meta.info.sources.files.length} files, named without their
          extension): when the label is only in the file names, choose it as a label column.
        </p>
      )}

      {!changing && meta.info.headerLooksLikeData && (
        <HeaderQuestion meta={meta} reason={meta.info.headerLooksLikeData} onRow={() => void rereadWithoutHeader()} disabled={otherTab} />
      )}

      <form className={styles.form} onSubmit={(e) => void submit(e)} noValidate aria-describedby={error ? ids.error : undefined}>
        <div className={styles.fields}>
          <div className={styles.field}>
            <label htmlFor={ids.text} className={styles.label}>
              Which column is the text?
            </label>
            <span id={ids.textHint} className={styles.subLabel}>
              The customer’s message <span className={styles.muted}>(the user turn)</span>
            </span>
            <select id={ids.text} className={`select ${styles.select}`} value={draft.text} onChange={change('text')} aria-describedby={ids.textHint}>
              {meta.header.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </div>

          <fieldset className={styles.labels} aria-describedby={ids.labelsHint}>
            <legend className={styles.label}>Which columns are the labels?</legend>
            <div className={styles.labelPair}>
              <div className={styles.field}>
                <label htmlFor={ids.first} className={styles.subLabel}>
                  First label <span className={styles.muted}>(category level)</span>
                </label>
                <select id={ids.first} className={`select ${styles.select}`} value={draft.first} onChange={change('first')}>
                  {draft.first === '' && <option value="">Choose a column</option>}
                  {meta.header.map((h) => (
                    <option key={h} value={h}>
                      {h}
                    </option>
                  ))}
                </select>
              </div>
              <div className={styles.field}>
                <label htmlFor={ids.second} className={styles.subLabel}>
                  Second label <span className={styles.muted}>(sub-category level, optional)</span>
                </label>
                <select id={ids.second} className={`select ${styles.select}`} value={draft.second} onChange={change('second')}>
                  <option value="">None</option>
                  {meta.header.map((h) => (
                    <option key={h} value={h}>
                      {h}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <p id={ids.labelsHint} className={styles.hint}>
              Label columns become the keys of the assistant’s JSON answer, in this order
              {labels.length > 0 && (
                <>
                  : <code className={styles.example}>{assistantExample(labels, exampleValues)}</code>
                </>
              )}
            </p>
          </fieldset>
        </div>

        {error && (
          <p id={ids.error} className={styles.error} role="alert">
            {error}
          </p>
        )}
        <div className={styles.submit}>
          {changing && (
            <button type="button" className="btn" onClick={cancelChangeColumns}>
              Cancel
            </button>
          )}
          <button type="submit" className="btn btn-primary" disabled={busy || otherTab}>
            {changing ? 'Use these columns' : 'Continue'}
          </button>
        </div>
      </form>

      <MappingPreview header={meta.header} rows={rows} total={meta.rowCount} text={draft.text} labels={labels} />
    </section>
  );
}

/** The first row was read as the header but looks like data: ask, defaulting to reading it as a row. */
function HeaderQuestion({ meta, reason, onRow, disabled }: { meta: LoadedMeta; reason: string; onRow: () => void; disabled: boolean }) {
  const [answered, setAnswered] = useState(false);
  const title = useId();
  if (answered) return null;
  const cells = meta.header.slice(0, 4).map((h) => `“${h.length > 40 ? `${h.slice(0, 39)}…` : h}”`);
  return (
    <div className={styles.question} role="group" aria-labelledby={title}>
      <p id={title} className={styles.questionText}>
        <strong>The first row looks like data</strong> ({cells.join(', ')}
        {meta.header.length > 4 ? ', …' : ''}): {reason}. Read it as the first row, so no example is lost?
      </p>
      <div className={styles.questionActions}>
        <button type="button" className="btn btn-primary" onClick={onRow} disabled={disabled}>
          Use it as a row
        </button>
        <button type="button" className="btn" onClick={() => setAnswered(true)}>
          It is the header
        </button>
      </div>
    </div>
  );
}
