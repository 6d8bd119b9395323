'use client';

import { useId, useState } from 'react';
import { useTrainset, useTrainsetApi } from '@/components/store/store-provider';
import { MODEL_PRESETS, findModel, DEFAULT_MODEL_ID } from '@/lib/tokens';
import { estimateRows, parseEpochs, parsePrice } from './token-text';
import styles from './tokens.module.css';

/** Longest examples listed. */
const LONGEST = 5;

/**
 * Tokens and cost: every example counted with the chosen model's tokenizer as OpenAI's
 * data-preparation notebook counts them, the longest ones, those over the model's limit, and the
 * estimated training cost (the notebook's epochs; the price is editable, with its published date).
 */
export function TokensPanel() {
  const api = useTrainsetApi();
  const choices = useTrainset((s) => s.choices.tokens);
  const target = useTrainset((s) => s.choices.target);
  const rows = useTrainset((s) => s.status.rows);
  const { report, stale, progress, error } = useTrainset((s) => ({ report: s.tokenReport, stale: s.tokenReportStale, progress: s.tokenProgress, error: s.tokenError }));
  const id = useId();
  const model = findModel(choices.model) ?? findModel(DEFAULT_MODEL_ID)!;
  const setTokens = (patch: Partial<typeof choices>): void => api.getState().setChoices({ tokens: { ...choices, ...patch } });
  const percent = progress && progress.total > 0 ? Math.floor((progress.done / progress.total) * 100) : 0;

  return (
    <section className={`card ${styles.panel}`} aria-labelledby={`${id}-title`} aria-busy={progress ? true : undefined}>
      <h2 id={`${id}-title`} className={styles.title}>
        Tokens and cost
      </h2>
      <div className={styles.fields}>
        <div className={styles.field}>
          <label htmlFor={`${id}-model`}>Model</label>
          <select id={`${id}-model`} className="select" value={model.id} onChange={(e) => setTokens({ model: e.target.value })}>
            {MODEL_PRESETS.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name} ({m.id})
              </option>
            ))}
          </select>
        </div>
        <PriceField key={`${model.id}-${choices.pricePerMillion}`} id={`${id}-price`} value={choices.pricePerMillion} fallback={model.price.value} onChange={(v) => setTokens({ pricePerMillion: v })} />
        <EpochsField key={`epochs-${choices.epochs}`} id={`${id}-epochs`} value={choices.epochs} onChange={(v) => setTokens({ epochs: v })} />
      </div>
      <p className={styles.note}>
        {model.encoding} tokenizer · {model.limit.value.toLocaleString('en-US')} tokens per example. Default price ${model.price.value} per 1M training tokens: {model.price.source.title}, {model.price.source.date}.{' '}
        {model.note}
      </p>
      {target !== 'openai' && <p className={styles.note}>The files are for another service: these are OpenAI&apos;s counts and prices, an estimate only.</p>}

      {progress ? (
        <div className={styles.progress}>
          <div role="progressbar" aria-label="Counting tokens" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className={styles.bar}>
            <span style={{ width: `${percent}%` }} />
          </div>
          <span>
            Counting… {progress.done.toLocaleString('en-US')} of {progress.total.toLocaleString('en-US')} rows
          </span>
        </div>
      ) : (
        (!report || stale) && (
          <p className={styles.action}>
            <button type="button" className="btn btn-small" onClick={() => void api.getState().countTokens()} disabled={rows === 0}>
              {report ? 'Count again' : 'Count tokens'}
            </button>{' '}
            {stale ? 'The rows or settings changed since the last count.' : `About a second per 100,000 rows; ${rows.toLocaleString('en-US')} rows here.`}
          </p>
        )
      )}
      {error && (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      )}
      {report && <TokenEstimate />}
    </section>
  );
}

function TokenEstimate() {
  const api = useTrainsetApi();
  const report = useTrainset((s) => s.tokenReport)!;
  const over = report.overLimitIds.length;
  return (
    <>
      <dl className={styles.estimate}>
        {estimateRows(report).map((r) => (
          <div key={r.label} className={r.label === 'Estimated cost' ? styles.total : undefined}>
            <dt>{r.label}</dt>
            <dd>{r.value}</dd>
          </div>
        ))}
      </dl>
      <p className={styles.note}>
        {report.train ? 'Only the training file is billed; the validation file is free.' : 'The split cannot be made yet, so every row is billed.'} Price: ${report.pricePerMillion} per 1M tokens
        {report.priceSource ? ` (${report.priceSource.title})` : ' (typed by you)'}.
      </p>
      {over > 0 ? (
        <p className={styles.warning}>
          {over.toLocaleString('en-US')} {over === 1 ? 'example is' : 'examples are'} longer than {report.limit.toLocaleString('en-US')} tokens: training cuts {over === 1 ? 'it' : 'them'} short.{' '}
          <button type="button" className="link-button" onClick={() => void api.getState().showOnly(report.overLimitIds, 'examples over the token limit')}>
            Show {over === 1 ? 'it' : 'them'}
          </button>
        </p>
      ) : (
        <p className={styles.ok}>No example is longer than the model&apos;s {report.limit.toLocaleString('en-US')} tokens.</p>
      )}
      {report.longest.length > 0 && (
        <>
          <h3 className={styles.subTitle}>Longest examples</h3>
          <ol className={styles.longest}>
            {report.longest.slice(0, LONGEST).map((l) => (
              <li key={l.rowId}>
                <button type="button" className="link-button" aria-label={`Show row ${l.row}: ${l.tokens} tokens`} onClick={() => void api.getState().showOnly([l.rowId], `row ${l.row}`)}>
                  Row {l.row}
                </button>{' '}
                <span className={styles.tokens}>{l.tokens.toLocaleString('en-US')} tokens</span> <span className={styles.text}>{l.text}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}

function PriceField({ id, value, fallback, onChange }: { id: string; value: number | null; fallback: number; onChange(v: number | null): void }) {
  const [text, setText] = useState(value === null ? '' : String(value));
  const [error, setError] = useState<string | null>(null);
  const commit = (): void => {
    const p = parsePrice(text);
    if (!p.ok) return setError(p.error);
    setError(null);
    if (p.value !== value) onChange(p.value);
  };
  return (
    <div className={styles.field}>
      <label htmlFor={id}>Price per 1M tokens (USD)</label>
      <input
        id={id}
        className="input"
        inputMode="decimal"
        placeholder={String(fallback)}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
      {error && (
        <p id={`${id}-error`} role="alert" className={styles.error}>
          {error}
        </p>
      )}
    </div>
  );
}

function EpochsField({ id, value, onChange }: { id: string; value: number | null; onChange(v: number | null): void }) {
  const [text, setText] = useState(value === null ? '' : String(value));
  const [error, setError] = useState<string | null>(null);
  const commit = (): void => {
    const p = parseEpochs(text);
    if (!p.ok) return setError(p.error);
    setError(null);
    if (p.value !== value) onChange(p.value);
  };
  return (
    <div className={styles.field}>
      <label htmlFor={id}>Epochs</label>
      <input
        id={id}
        className="input"
        inputMode="numeric"
        placeholder="auto"
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
      {error && (
        <p id={`${id}-error`} role="alert" className={styles.error}>
          {error}
        </p>
      )}
    </div>
  );
}
