'use client';

import { useId, useRef } from 'react';
import { useTrainset, useTrainsetApi } from '@/components/store/store-provider';
import { answerModeOf, type StratifyChoice } from '@/lib/engine';
import { DEFAULT_SYSTEM_PROMPT, type JsonStyle } from '@/lib/export';
import { stratifyOptions } from './export-form';
import { SeedField } from './seed-field';
import { TargetField } from './target-field';
import styles from './export.module.css';

const JSON_STYLES: { value: JsonStyle; label: string; help: string }[] = [
  { value: 'python', label: "Python json.dumps (the notebook's bytes)", help: 'Non-ASCII as \\u escapes, a space after , and :' },
  { value: 'compact', label: 'Compact UTF-8', help: 'Characters as they are, no spaces: smaller files, same data' },
];

/** How the rows are split and written: the settings that decide the bytes of the two files. */
export function ExportSettings() {
  const api = useTrainsetApi();
  const { systemPrompt, stratify, jsonStyle, keepTogether } = useTrainset((s) => ({
    systemPrompt: s.choices.systemPrompt,
    stratify: s.choices.stratify,
    jsonStyle: s.choices.jsonStyle,
    keepTogether: s.choices.keepNearDuplicatesTogether,
  }));
  const labels = useTrainset((s) => s.meta?.mapping?.labels ?? s.distribution?.labels ?? []);
  // Free-text answers are never stratified by (the engine ignores the choice): show that.
  const freeText = useTrainset((s) => answerModeOf(s.meta) === 'text');
  const { testSizeText, testSizeError } = useTrainset((s) => ({ testSizeText: s.testSizeText, testSizeError: s.testSizeError }));
  const id = useId();
  const promptRef = useRef<HTMLTextAreaElement>(null);
  const set = api.getState().setChoices;
  const resetPrompt = (): void => {
    set({ systemPrompt: DEFAULT_SYSTEM_PROMPT });
    // The Reset button disappears with the change: keep the keyboard focus in the field.
    promptRef.current?.focus();
  };

  // The notebook's prompt names "a category and sub-category": say so when the labels are others.
  const promptNamesOtherLabels = !freeText && systemPrompt === DEFAULT_SYSTEM_PROMPT && labels.length > 0 && labels.join() !== 'category,sub_category';

  const options = stratifyOptions(labels);
  // With one label column "all labels" is the same split as the first; show it as such.
  const stratifyValue = freeText ? 'none' : options.some((o) => o.value === stratify) ? stratify : 'first';

  return (
    <>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>Split</legend>
        <div className={styles.field}>
          <label htmlFor={`${id}-stratify`} className={styles.label}>
            Stratify by
          </label>
          <select
            id={`${id}-stratify`}
            className="select"
            value={stratifyValue}
            disabled={freeText}
            aria-describedby={freeText ? `${id}-stratify-help` : undefined}
            onChange={(e) => set({ stratify: e.target.value as StratifyChoice })}
          >
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          {freeText && (
            <p id={`${id}-stratify-help`} className={styles.help}>
              The answers are free text, not classes: the split is random.
            </p>
          )}
        </div>
        <div className={styles.pair}>
          <div className={styles.field}>
            <label htmlFor={`${id}-share`} className={styles.label}>
              Validation share
            </label>
            <input
              id={`${id}-share`}
              className={`input ${styles.shareInput}`}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              spellCheck={false}
              value={testSizeText}
              aria-invalid={testSizeError !== null}
              aria-describedby={`${id}-share-help${testSizeError ? ` ${id}-share-error` : ''}`}
              onChange={(e) => api.getState().setTestSizeText(e.target.value)}
            />
            <p id={`${id}-share-help`} className={styles.help}>
              A share like 20% or 0.2, or a number of rows
            </p>
            {testSizeError && (
              <p id={`${id}-share-error`} className={styles.error}>
                {testSizeError}
              </p>
            )}
          </div>
          <SeedField />
        </div>
        <div className={styles.check}>
          <input
            id={`${id}-together`}
            type="checkbox"
            checked={keepTogether}
            aria-describedby={`${id}-together-help`}
            onChange={(e) => set({ keepNearDuplicatesTogether: e.target.checked })}
          />
          <label htmlFor={`${id}-together`}>Keep near-duplicates on one side</label>
        </div>
        <p id={`${id}-together-help`} className={styles.help}>
          Copies and near-copies of an inquiry go to the same file, so validation never tests what training taught. Off, the files are scikit-learn&apos;s byte
          for byte; on, a group the split cut in two moves whole to one file, trading places with rows of its class.
        </p>
      </fieldset>

      <fieldset className={styles.group}>
        <legend className={styles.legend}>Examples</legend>
        <TargetField />
        <div className={styles.field}>
          <div className={styles.labelRow}>
            <label htmlFor={`${id}-prompt`} className={styles.label}>
              System prompt
            </label>
            {systemPrompt !== DEFAULT_SYSTEM_PROMPT && (
              <button type="button" className={styles.linkButton} aria-label="Reset system prompt" onClick={resetPrompt}>
                Reset
              </button>
            )}
          </div>
          <textarea
            ref={promptRef}
            id={`${id}-prompt`}
            className={`textarea ${styles.prompt}`}
            rows={3}
            value={systemPrompt}
            aria-describedby={`${id}-prompt-help`}
            onChange={(e) => set({ systemPrompt: e.target.value })}
          />
          <p id={`${id}-prompt-help`} className={styles.help}>
            The first message of every example.
            {promptNamesOtherLabels &&
              ` The default speaks of a category and a sub-category, but your labels are ${labels.join(' and ')}: edit it to name them (the default is kept as the notebook's).`}
          </p>
          {promptNamesOtherLabels && (
            <button type="button" className={styles.linkButton} onClick={() => promptRef.current?.focus()}>
              Edit the system prompt
            </button>
          )}
        </div>
        <fieldset className={styles.radioGroup}>
          <legend className={styles.label}>JSON style</legend>
          {JSON_STYLES.map((s) => (
            <div key={s.value} className={styles.radio}>
              <input
                type="radio"
                id={`${id}-json-${s.value}`}
                name={`${id}-json`}
                value={s.value}
                checked={jsonStyle === s.value}
                aria-describedby={`${id}-json-${s.value}-help`}
                onChange={() => set({ jsonStyle: s.value })}
              />
              <label htmlFor={`${id}-json-${s.value}`}>{s.label}</label>
              <span id={`${id}-json-${s.value}-help`} className={styles.radioHelp}>
                {s.help}
              </span>
            </div>
          ))}
        </fieldset>
      </fieldset>
    </>
  );
}
