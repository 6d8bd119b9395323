'use client';

import { useId } from 'react';
import { useTrainset, useTrainsetApi } from '@/components/store/store-provider';
import { TARGETS, targetsIn, type ExportTarget, type LimitSource, type TargetGroup } from '@/lib/export';
import { limitRows, ruleRows } from './target-limits';
import styles from './export.module.css';

/** Short names for the choice; the full list of services is shown under it. */
const CHOICE_LABEL: Record<ExportTarget, string> = {
  openai: 'OpenAI (chat messages)',
  together: 'Together AI (chat messages)',
  fireworks: 'Fireworks (chat messages)',
  huggingface: 'Hugging Face TRL / Unsloth (messages)',
  sharegpt: 'ShareGPT (conversations, for LLaMA-Factory)',
  'bedrock-nova': 'Amazon Bedrock (Nova)',
  'vertex-gemini': 'Google Vertex AI Gemini',
  alpaca: 'Instruction (Alpaca: instruction, input, output)',
  'bedrock-claude-haiku': 'Amazon Bedrock, Claude 3 Haiku (legacy)',
};

const GROUPS: { group: TargetGroup; label: string }[] = [
  { group: 'chat', label: 'Chat format (messages)' },
  { group: 'cloud', label: 'Cloud services, their own layout' },
  { group: 'open-source', label: 'Open-source trainers' },
  { group: 'legacy', label: 'Legacy' },
];

/**
 * Which service the files are for: the line layout and the limits and rules the checks use. The
 * default is the notebook's chat format, byte for byte; each number and rule is shown with where it
 * was published, and a target winding down or past its end of life says so under the choice.
 */
export function TargetField() {
  const api = useTrainsetApi();
  const target = useTrainset((s) => s.choices.target);
  const id = useId();
  const info = TARGETS[target];
  const rows = limitRows(info.limits);
  const rules = ruleRows(info.rules);
  return (
    <div className={styles.field}>
      <label htmlFor={`${id}-target`} className={styles.label}>
        Format for
      </label>
      <select
        id={`${id}-target`}
        className="select"
        value={target}
        aria-describedby={`${id}-target-help${info.notice ? ` ${id}-target-notice` : ''}`}
        onChange={(e) => api.getState().setChoices({ target: e.target.value as ExportTarget })}
      >
        {GROUPS.map(({ group, label }) => (
          <optgroup key={group} label={label}>
            {targetsIn(group).map((t) => (
              <option key={t} value={t}>
                {CHOICE_LABEL[t]}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <p id={`${id}-target-help`} className={styles.help}>
        {target === 'openai' ? "The notebook's format, read by " : 'Read by '}
        {info.services.join(', ')}.
      </p>
      {info.notice && (
        <p id={`${id}-target-notice`} className={info.notice.legacy ? styles.error : styles.help}>
          {info.notice.text} <Source source={info.notice.source} />
        </p>
      )}
      <details className={styles.limits}>
        <summary>Limits and rules checked for {info.name}</summary>
        {rows.length === 0 && rules.length === 0 ? (
          <p className={styles.help}>None published: the trainer you use decides (its maximum sequence length is the token limit).</p>
        ) : (
          <ul>
            {rows.map((r) => (
              <li key={r.name}>
                <strong>{r.text}</strong>
                {r.limit.note ? ` (${r.limit.note})` : ''}. {r.limit.refuses ? 'The service refuses files past it.' : 'Advice, or a limit with a way round it.'}{' '}
                <Source source={r.limit.source} />
              </li>
            ))}
            {rules.map((text) => (
              <li key={text}>
                <strong>{text}</strong>. Every line Trainset writes does; an uploaded JSONL file is checked line by line in its Format check.{' '}
                <Source source={info.rules!.source} />
              </li>
            ))}
          </ul>
        )}
      </details>
    </div>
  );
}

function Source({ source }: { source: LimitSource }) {
  return (
    <>
      <a href={source.url} target="_blank" rel="noreferrer noopener">
        {source.title}
      </a>
      , {source.date}.
    </>
  );
}
