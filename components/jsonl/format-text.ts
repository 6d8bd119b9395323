import { EXPORT_TARGETS, LAYOUT_NAMES, TARGETS, type ExportTarget, type Layout } from '@/lib/export';
import type { FormatErrorKind, FormatNoteKind, FormatReport, JsonlInfo } from '@/lib/jsonl';

/** Each kind in a few words, with the notebook's name beside it for engineers comparing counts. */
export const KIND_LABEL: Record<FormatErrorKind | FormatNoteKind, string> = {
  invalid_json: 'Not valid JSON',
  data_type: 'Not a JSON object',
  missing_messages_list: 'No messages list',
  message_missing_key: 'Message without role or content',
  message_unrecognized_key: 'Message with an unknown key',
  unrecognized_role: 'Unknown role',
  missing_content: 'Content missing or not text',
  example_missing_assistant_message: 'No assistant message',
  invalid_weight: 'Weight not 0 or 1, or not on an assistant message',
  layout_mismatch: "Lines in another layout than the file's first example",
  multi_turn: 'Conversations with several turns (the grid shows the first question and the last answer)',
  non_standard_json: "Python's NaN or Infinity in a line (read as empty)",
  labels_not_json: 'Answers that are not a JSON object of labels',
  label_missing: 'Answers missing a label',
  label_not_text: 'Labels that are not text',
};

const count = (n: number): string => n.toLocaleString('en-US');

/** "No format errors in 500 examples" / "7 format errors in 500 examples". */
export function formatSummary(report: Pick<FormatReport, 'errors' | 'examples'>): string {
  const errors = Object.values(report.errors).reduce((a, b) => a + (b ?? 0), 0);
  const examples = `${count(report.examples)} ${report.examples === 1 ? 'example' : 'examples'}`;
  return errors === 0 ? `No format errors in ${examples}` : `${count(errors)} format ${errors === 1 ? 'error' : 'errors'} in ${examples}`;
}

/** How the file was checked: OpenAI's checks for its chat layout, the same checks in the file's own layout otherwise. */
export function checkedBy(layout: Layout | null): string {
  return layout === null || layout === 'openai-chat' ? "by OpenAI's data-preparation checks" : `checked in the ${LAYOUT_NAMES[layout]}`;
}

/**
 * When the file is in another layout than the one the export writes: a sentence saying so, and the
 * first target that writes the file's layout (to offer it).
 */
export function layoutNote(layout: Layout | null, target: ExportTarget): { text: string; offer: ExportTarget } | null {
  if (layout === null || TARGETS[target].layout === layout) return null;
  const offer = EXPORT_TARGETS.find((t) => TARGETS[t].layout === layout)!;
  return { text: `The file is in the ${LAYOUT_NAMES[layout]}; the export writes the layout chosen under Format for (${TARGETS[target].name}).`, offer };
}

/** The counts per kind, in the report's order, for a short list. */
export function kindCounts<K extends string>(counts: Partial<Record<K, number>>): { kind: K; count: number }[] {
  return (Object.entries(counts) as [K, number | undefined][]).flatMap(([kind, n]) => (n ? [{ kind, count: n }] : []));
}

/** The Format check card's note when the answers are free text (`answerModeOf(meta) === 'text'`). */
export const FREE_TEXT_NOTE = 'The answers are free text, not labels: they are kept as they are; Manage labels and stratification do not apply.';

/**
 * Which system prompt the export writes on every line, said against what the file has: its one
 * prompt (offered when the Export panel's differs), several, or none.
 */
export function systemPromptNote(
  info: Pick<JsonlInfo, 'systemPrompt' | 'systemPrompts' | 'missingSystem' | 'rows'>,
  current: string,
): { text: string; offerFilePrompt: boolean } {
  if (info.systemPrompt !== null) {
    return info.systemPrompt === current
      ? { text: 'Every example has the same system prompt; the export writes it on every line.', offerFilePrompt: false }
      : { text: "Every example has the same system prompt, but the export writes the Export panel's instead.", offerFilePrompt: true };
  }
  if (info.systemPrompts === 0) {
    return { text: "The examples have no system message: the export adds the Export panel's system prompt to every line.", offerFilePrompt: false };
  }
  const none = info.missingSystem > 0 ? ` and ${count(info.missingSystem)} ${info.missingSystem === 1 ? 'has' : 'have'} none` : '';
  const have =
    info.systemPrompts === 1
      ? `${count(info.rows - info.missingSystem)} examples share one system prompt${none}`
      : `The examples have ${count(info.systemPrompts)} different system prompts${none}`;
  return { text: `${have}: the export writes the Export panel's on every line.`, offerFilePrompt: false };
}
