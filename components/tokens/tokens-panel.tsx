'use client';

import { useId, useState } from 'react';
import { DraftField } from '@/components/app/draft-field';
import { useTrainset, useTrainsetApi } from '@/components/store/store-provider';
import { chosenModel } from '@/lib/engine';
import { MODEL_PRESETS } from '@/lib/tokens';
import { formatCount } from '@/components/app/format';
import { useDelayed } from '@/components/app/use-delayed';
import { estimateRows, formatCost, parseEpochs, parsePrice } from './token-text';
import styles from './tokens.module.css';

/** An optional number as a field shows it: empty for "the default". */
const blankIfNull = (v: number | null): string => (v === null ? '' : String(v));

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
  const { report, stale, progress, error } = useTrainset((s) => ({
    report: s.tokenReport,
    stale: s.tokenReportStale,
    progress: s.tokenProgress,
    error: s.tokenError,
  }));
  const id = useId();
  const model = chosenModel(choices);
  // Short counts (a small file after an edit) finish before the bar would be read: show it after a moment.
  const showProgress = useDelayed(progress !== null, 300);
  const [asked, setAsked] = useState(false);
  const [announced, setAnnounced] = useState('');
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
        <DraftField
          id={`${id}-price`}
          className={styles.field}
          label="Price per 1M tokens (USD)"
          value={choices.pricePerMillion}
          format={blankIfNull}
          parse={parsePrice}
          onCommit={(v) => setTokens({ pricePerMillion: v })}
          placeholder={String(model.price.value)}
          errorClassName={styles.error}
        />
        <DraftField
          id={`${id}-epochs`}
          className={styles.field}
          label="Epochs"
          value={choices.epochs}
          format={blankIfNull}
          parse={parseEpochs}
          onCommit={(v) => setTokens({ epochs: v })}
          inputMode="numeric"
          placeholder="auto"
          errorClassName={styles.error}
        />
      </div>
      <p className={styles.note}>
        {model.encoding} tokenizer · {formatCount(model.limit.value)} tokens per example. Default price {formatCost(model.price.value)} per 1M training tokens:{' '}
        {model.price.source.title}, {model.price.source.date}. {model.note}
      </p>
      {target !== 'openai' && <p className={styles.note}>The files are for another service: these are OpenAI&apos;s counts and prices, an estimate only.</p>}

      {(!report || stale || (progress && showProgress) || asked) && (
        <p className={styles.action}>
          {/* Once pressed, the button stays (disabled while counting), so keyboard focus is not lost. */}
          <button
            type="button"
            className="btn btn-small"
            onClick={() => {
              setAsked(true);
              void api
                .getState()
                .countTokens()
                .then(() => {
                  const r = api.getState().tokenReport;
                  // Said once, for the count the user asked for (not after every automatic recount).
                  if (r)
                    setAnnounced(`Counted ${formatCount(r.examples)} examples: ${formatCount(r.totalTokens)} tokens, estimated cost ${formatCost(r.cost)}.`);
                });
            }}
            disabled={rows === 0 || progress !== null}
          >
            {progress ? 'Counting…' : report ? 'Count again' : 'Count tokens'}
          </button>{' '}
          {stale
            ? 'The rows or settings changed since the last count.'
            : report && !progress
              ? ''
              : `About a second per 100,000 rows; ${formatCount(rows)} rows here.`}
        </p>
      )}
      {progress && showProgress && (
        <div className={styles.progress}>
          <div role="progressbar" aria-label="Counting tokens" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className={styles.bar}>
            <span style={{ width: `${percent}%` }} />
          </div>
          <span>
            Counting… {formatCount(progress.done)} of {formatCount(progress.total)} rows
          </span>
        </div>
      )}
      <p role="status" className="visually-hidden">
        {announced}
      </p>
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
        {report.train ? 'Only the training file is billed; the validation file is free.' : 'The split cannot be made yet, so every row is billed.'} Price:{' '}
        {formatCost(report.pricePerMillion)} per 1M tokens
        {report.priceSource ? ` (${report.priceSource.title})` : ' (typed by you)'}.
      </p>
      {over > 0 ? (
        <p className={styles.warning}>
          {formatCount(over)} {over === 1 ? 'example is' : 'examples are'} longer than {formatCount(report.limit)} tokens: training cuts{' '}
          {over === 1 ? 'it' : 'them'} short.{' '}
          <button type="button" className="link-button" onClick={() => void api.getState().showOnly(report.overLimitIds, 'examples over the token limit')}>
            Show {over === 1 ? 'it' : 'them'}
          </button>
        </p>
      ) : (
        <p className={styles.ok}>No example is longer than the model&apos;s {formatCount(report.limit)} tokens.</p>
      )}
      {report.longest.length > 0 && (
        <>
          <h3 className={styles.subTitle}>Longest examples</h3>
          <ol className={styles.longest}>
            {report.longest.slice(0, LONGEST).map((l) => (
              <li key={l.rowId}>
                <button
                  type="button"
                  className="link-button"
                  aria-label={`Show row ${l.row}: ${l.tokens} tokens`}
                  onClick={() => void api.getState().showOnly([l.rowId], `row ${l.row}`)}
                >
                  Row {l.row}
                </button>{' '}
                <span className={styles.tokens}>{formatCount(l.tokens)} tokens</span> <span className={styles.text}>{l.text}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}
