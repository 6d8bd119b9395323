'use client';

import { useId } from 'react';
import { useTrainset, useTrainsetApi } from '@/components/store/store-provider';
import { EXPORT_TARGETS, TARGETS, type ExportTarget } from '@/lib/export';
import { limitRows } from './target-limits';
import styles from './export.module.css';

/** Short names for the choice; the full list of services is shown under it. */
const CHOICE_LABEL: Record<ExportTarget, string> = {
  openai: 'OpenAI-compatible chat (messages)',
  'vertex-gemini': 'Google Vertex AI Gemini',
  bedrock: 'Amazon Bedrock (Claude 3 Haiku)',
  alpaca: 'Instruction (Alpaca: instruction, input, output)',
};

/**
 * Which service the files are for: the line layout and the limits the checks use. The default is
 * the notebook's chat format, byte for byte; the limits are shown with where they were published.
 */
export function TargetField() {
  const api = useTrainsetApi();
  const target = useTrainset((s) => s.choices.target);
  const id = useId();
  const info = TARGETS[target];
  const rows = limitRows(info.limits);
  return (
    <div className={styles.field}>
      <label htmlFor={`${id}-target`} className={styles.label}>
        Format for
      </label>
      <select
        id={`${id}-target`}
        className="select"
        value={target}
        aria-describedby={`${id}-target-help`}
        onChange={(e) => api.getState().setChoices({ target: e.target.value as ExportTarget })}
      >
        {EXPORT_TARGETS.map((t) => (
          <option key={t} value={t}>
            {CHOICE_LABEL[t]}
          </option>
        ))}
      </select>
      <p id={`${id}-target-help`} className={styles.help}>
        {target === 'openai' ? "The notebook's format, read by " : 'Read by '}
        {info.services.join(', ')}.
      </p>
      <details className={styles.limits}>
        <summary>Limits checked for {info.name}</summary>
        {rows.length === 0 ? (
          <p className={styles.help}>None published: the trainer you use decides (its maximum sequence length is the token limit).</p>
        ) : (
          <ul>
            {rows.map((r) => (
              <li key={r.name}>
                <strong>{r.text}</strong>
                {r.limit.note ? ` (${r.limit.note})` : ''}. {r.limit.refuses ? 'The service refuses files past it.' : 'Advice, or a limit with a way round it.'}{' '}
                <a href={r.limit.source.url} target="_blank" rel="noreferrer noopener">
                  {r.limit.source.title}
                </a>
                , {r.limit.source.date}.
              </li>
            ))}
          </ul>
        )}
      </details>
    </div>
  );
}
