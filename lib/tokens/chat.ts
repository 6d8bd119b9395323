import { chatFormat, type ChatFormat, type ExportSettings } from '../export';
import type { TokenCounter } from '../quality';

/**
 * Token counting of chat examples exactly as OpenAI's data-preparation notebook does it
 * (openai-cookbook `examples/Chat_finetuning_data_prep.ipynb`, `num_tokens_from_messages`):
 *
 *     for message in messages:
 *         num_tokens += 3                                  # tokens_per_message
 *         for key, value in message.items():
 *             num_tokens += len(encoding.encode(value))    # role, content and name alike
 *             if key == "name": num_tokens += 1            # tokens_per_name
 *     num_tokens += 3
 *
 * Note the inner loop encodes every value, so each message's role ("system", "user", "assistant":
 * one token each in both encodings) is counted along with its content. The notebook calls its count
 * "not exact"; it is what it bills and truncates by, so it is what Trainset reproduces.
 */
export const TOKENS_PER_MESSAGE = 3;
export const TOKENS_PER_NAME = 1;
export const TOKENS_PER_EXAMPLE = 3;

export interface ChatMessage {
  role: string;
  content: string;
  name?: string;
}

/** The notebook's count for one example's messages. */
export function notebookTokens(counter: TokenCounter, messages: readonly ChatMessage[]): number {
  let n = TOKENS_PER_EXAMPLE;
  for (const m of messages) {
    n += TOKENS_PER_MESSAGE + counter.count(m.role) + counter.count(m.content);
    if (m.name !== undefined) n += counter.count(m.name) + TOKENS_PER_NAME;
  }
  return n;
}

/** Distinct answers remembered; past this (free-text answers) they are counted each time. */
const MAX_CACHED_ANSWERS = 4096;

/**
 * The notebook's count for the export's examples — system, user, assistant — with what repeats
 * counted once: the system prompt is the same on every row and the answers are a few label
 * combinations, so per row only the user message is tokenized.
 */
export class ChatExampleCounter {
  /** The per-example and per-message constants and the three roles' tokens. */
  private readonly frame: number;
  private system: string | undefined;
  private systemTokens = 0;
  private readonly answers = new Map<string, number>();

  constructor(readonly counter: TokenCounter) {
    this.frame = TOKENS_PER_EXAMPLE + 3 * TOKENS_PER_MESSAGE + counter.count('system') + counter.count('user') + counter.count('assistant');
  }

  /** Tokens of the example `[system, user, assistant]` (the contents as the model reads them, unescaped). */
  example(system: string, user: string, assistant: string): number {
    return this.overhead(system, assistant) + this.counter.count(user);
  }

  /** Tokens of the example without its user message's own: what every row adds to its message. */
  overhead(system: string, assistant: string): number {
    if (system !== this.system) {
      this.system = system;
      this.systemTokens = this.counter.count(system);
    }
    let answer = this.answers.get(assistant);
    if (answer === undefined) {
      answer = this.counter.count(assistant);
      if (this.answers.size < MAX_CACHED_ANSWERS) this.answers.set(assistant, answer);
    }
    return this.frame + this.systemTokens + answer;
  }
}

/** The settings that decide an example's text besides its user message. */
export type ExampleSettings = Pick<ExportSettings, 'systemPrompt' | 'jsonStyle' | 'labelColumns' | 'answer'>;

/**
 * Token counts of the examples the export writes, from a row's user message and label values: the
 * assistant content is the answer as `lib/export` writes it — the labels' JSON object (with
 * `python` style it is ASCII-escaped, so "é" is the six characters `\u00e9` the model reads), or a
 * free-text answer as it is (`answer: 'text'`) — computed once per label combination or answer.
 */
export class ExampleTokens {
  private readonly chat: ChatExampleCounter;
  private readonly format: ChatFormat;
  private readonly overheads = new Map<string, number>();

  constructor(
    counter: TokenCounter,
    private readonly settings: ExampleSettings,
  ) {
    this.chat = new ChatExampleCounter(counter);
    this.format = chatFormat(settings.jsonStyle, settings.systemPrompt, 'openai', settings.answer);
  }

  /** Tokens the example of a row with these labels adds to its user message's tokens. */
  overhead(labels: readonly string[]): number {
    // NUL cannot occur in a cell (the CSV reader truncates at it), so it safely joins the key.
    const key = labels.length === 1 ? labels[0]! : labels.join('\0');
    let n = this.overheads.get(key);
    if (n === undefined) {
      // The line holds the content as a JSON string literal; the model reads the decoded string.
      const content = JSON.parse(this.format.assistant(this.settings.labelColumns, labels)) as string;
      n = this.chat.overhead(this.settings.systemPrompt, content);
      if (this.overheads.size < MAX_CACHED_ANSWERS) this.overheads.set(key, n);
    }
    return n;
  }

  /** Tokens of a row's whole example. */
  count(user: string, labels: readonly string[]): number {
    return this.overhead(labels) + this.chat.counter.count(user);
  }
}
