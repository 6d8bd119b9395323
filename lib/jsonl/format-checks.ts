import type { FormatErrorKind } from './types';

/**
 * OpenAI's data-preparation notebook (cookbook `Chat_finetuning_data_prep.ipynb`, "Format
 * validation") on one parsed line, with its error names and its counting: the message-level kinds
 * count once per message, so a message with neither role nor content counts once as
 * `message_missing_key` (and once as `unrecognized_role`: a missing role is not an allowed one).
 *
 * Where the notebook would crash or judge by accident, Trainset decides and says so here:
 * - `messages` that is present but not a list (a text, an object) is `missing_messages_list`; the
 *   notebook would iterate over its characters or keys.
 * - A message that is not an object is one `message_missing_key`; the notebook would crash on a
 *   number and test a text's substrings for "role".
 * - `tool` is an accepted role by default: the notebook predates tool calls and lists only system,
 *   user, assistant and function, while the fine-tuning API and the other services accept `tool`.
 *   Pass {@link NOTEBOOK_ROLES} to count exactly as the notebook does. The allowed keys stay the
 *   notebook's, so a tool-use example's `tool_calls` and `tool_call_id` are reported as unrecognized.
 * - `weight` (not checked by the notebook) must be 0 or 1 and only on assistant messages, as the API
 *   requires: `invalid_weight`.
 */

/** The notebook's roles. */
export const NOTEBOOK_ROLES: readonly string[] = ['system', 'user', 'assistant', 'function'];
/** The roles accepted by default: the notebook's and `tool`. */
export const ALLOWED_ROLES: readonly string[] = [...NOTEBOOK_ROLES, 'tool'];
/** The keys a message may have (the notebook's list). */
export const ALLOWED_KEYS: readonly string[] = ['role', 'content', 'name', 'function_call', 'weight'];

/** The parts of an example the table shows: the first system and user messages, the last assistant one. */
export interface ExampleParts {
  /** `null` when there is no such message; '' when its content is not text. */
  system: string | null;
  user: string | null;
  assistant: string | null;
  users: number;
  assistants: number;
  /** Every message in order, for the rules some services set on it (`role-order.ts`). */
  order: OrderTurn[];
}

/** One message of an example, in the chat format's terms whatever the file's layout. */
export interface OrderTurn {
  /** `system`, `user`, `assistant`, `function` or `tool`; null when the message has no role these checks know. */
  role: string | null;
  /** Where it is, in the file's own terms: "message 2 (user)", "turn 3 (gpt)". */
  label: string;
}

/** Receives each error found in the example; `messageIndex` is 1-based. */
export type ReportError = (kind: FormatErrorKind, message: string, messageIndex?: number) => void;

/** The example's parts, or why the line holds no messages at all (it is set aside). */
export type ExampleCheck = { ok: true; parts: ExampleParts } | { ok: false; kind: 'data_type' | 'missing_messages_list'; message: string };

const EXAMPLE_SHAPE =
  'Each line must be {"messages": [{"role": "system", "content": …}, {"role": "user", "content": …}, {"role": "assistant", "content": …}]}.';

/** Run the checks on one parsed line, reporting every error, and take out the parts the grid shows. */
export function checkExample(ex: unknown, roles: readonly string[], report: ReportError): ExampleCheck {
  if (!isObject(ex)) {
    const message = `the line is ${describe(ex)}, not a JSON object. ${EXAMPLE_SHAPE}`;
    report('data_type', message);
    return { ok: false, kind: 'data_type', message };
  }
  const messages = ex.messages;
  if (!Array.isArray(messages) || messages.length === 0) {
    const message = `${messagesProblem(ex)} ${EXAMPLE_SHAPE}`;
    report('missing_messages_list', message);
    return { ok: false, kind: 'missing_messages_list', message };
  }
  const parts: ExampleParts = { system: null, user: null, assistant: null, users: 0, assistants: 0, order: [] };
  let hasAssistant = false;
  messages.forEach((m: unknown, i) => {
    const n = i + 1;
    if (!isObject(m)) {
      report('message_missing_key', `message ${n} is ${describe(m)}, not an object with a "role" and a "content".`, n);
      parts.order.push({ role: null, label: `message ${n}` });
      return;
    }
    checkMessage(m, n, roles, report);
    const role = m.role;
    parts.order.push(typeof role === 'string' && roles.includes(role) ? { role, label: `message ${n} (${role})` } : { role: null, label: `message ${n}` });
    const text = typeof m.content === 'string' ? m.content : '';
    if (role === 'assistant') {
      hasAssistant = true;
      parts.assistants++;
      parts.assistant = text;
    } else if (role === 'user') {
      parts.users++;
      parts.user ??= text;
    } else if (role === 'system') {
      parts.system ??= text;
    }
  });
  if (!hasAssistant) {
    report(
      'example_missing_assistant_message',
      'there is no assistant message: the model learns from the assistant\'s answer, so add one ({"role": "assistant", "content": …}).',
    );
  }
  return { ok: true, parts };
}

function checkMessage(m: Record<string, unknown>, n: number, roles: readonly string[], report: ReportError): void {
  const role = m.role;
  const name = typeof role === 'string' ? `message ${n} (${role})` : `message ${n}`;
  const hasRole = Object.hasOwn(m, 'role');
  const hasContent = Object.hasOwn(m, 'content');
  if (!hasRole || !hasContent) {
    const missing = [hasRole ? null : '"role"', hasContent ? null : '"content"'].filter(Boolean).join(' or ');
    report('message_missing_key', `${name} has no ${missing}. Every message needs both.`, n);
  }
  const unknown = Object.keys(m).filter((k) => !ALLOWED_KEYS.includes(k));
  if (unknown.length > 0) {
    const keys = unknown.map((k) => JSON.stringify(k)).join(', ');
    report(
      'message_unrecognized_key',
      `${name} has ${unknown.length === 1 ? 'a key' : 'keys'} the format does not allow: ${keys}. Allowed: ${ALLOWED_KEYS.join(', ')}; remove the others.`,
      n,
    );
  }
  if (typeof role !== 'string' || !roles.includes(role)) {
    report('unrecognized_role', `${name} ${roleProblem(role, hasRole)} Use one of ${roles.join(', ')}.`, n);
  }
  const content = m.content;
  // The notebook: `(not content and not function_call) or not isinstance(content, str)`.
  if ((!pyTruthy(content) && !pyTruthy(m.function_call)) || typeof content !== 'string') {
    report('missing_content', `${name} ${contentProblem(content, hasContent)}`, n);
  }
  if (Object.hasOwn(m, 'weight')) {
    const weight = m.weight;
    if (role !== 'assistant') {
      report('invalid_weight', `${name} has a "weight": only assistant messages may have one (0 = do not train on this answer). Remove it.`, n);
    } else if (weight !== 0 && weight !== 1) {
      report('invalid_weight', `${name} has weight ${shortJson(weight)}: it must be 0 (do not train on this answer) or 1.`, n);
    }
  }
}

/** Role names used by other formats, and what this format calls them. */
const ROLE_FOR: Record<string, string> = {
  model: 'assistant',
  bot: 'assistant',
  gpt: 'assistant',
  ai: 'assistant',
  human: 'user',
  developer: 'system',
};

function roleProblem(role: unknown, present: boolean): string {
  if (!present) return 'has no role.';
  if (typeof role !== 'string') return `has role ${shortJson(role)}, which is not a role name.`;
  const lower = role.trim().toLowerCase();
  if (lower !== role && ALLOWED_ROLES.includes(lower)) return `has role ${JSON.stringify(role)}: roles are written in lower case, without spaces ("${lower}").`;
  const other = ROLE_FOR[lower];
  return other ? `has role ${JSON.stringify(role)}, which this format calls "${other}".` : `has role ${JSON.stringify(role)}, which is not recognised.`;
}

function contentProblem(content: unknown, present: boolean): string {
  if (!present) return 'has no content: write the text of the message.';
  if (typeof content === 'number' && Number.isNaN(content)) {
    return 'has content NaN: the cell was empty in the table this file was made from. Write the text of the message.';
  }
  if (content === null) return 'has content null: write the text of the message.';
  if (content === '') return 'has empty content: write the text of the message, or remove the message.';
  if (Array.isArray(content)) return 'has content that is a list of parts, not text: these checks expect the text itself.';
  return `has content that is ${describe(content)}, not text: put the text in double quotes.`;
}

function messagesProblem(ex: Record<string, unknown>): string {
  if (!Object.hasOwn(ex, 'messages')) {
    const keys = Object.keys(ex);
    const hint = envelopeHint(keys);
    return `there is no "messages" list${
      keys.length > 0
        ? ` (the keys are ${keys
            .slice(0, 5)
            .map((k) => JSON.stringify(k))
            .join(', ')}${keys.length > 5 ? ', …' : ''})`
        : ''
    }${hint ? `: ${hint}` : '.'}`;
  }
  const m = ex.messages;
  if (Array.isArray(m)) return '"messages" is an empty list: add the system, user and assistant messages.';
  return `"messages" is ${describe(m)}, not a list of messages.`;
}

/** The format a line without `messages` seems to be in, said so the user knows what to convert. */
function envelopeHint(keys: string[]): string | null {
  const has = (k: string): boolean => keys.includes(k);
  if (has('contents')) return 'this looks like Google Vertex AI (Gemini) format, not the chat format.';
  if (has('conversations')) return 'this looks like ShareGPT format, not the chat format.';
  if (has('prompt') && has('completion')) return 'this looks like the old prompt/completion format, not the chat format.';
  if (has('instruction') && has('output')) return 'this looks like the instruction (Alpaca) format, not the chat format.';
  return null;
}

export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  switch (typeof v) {
    case 'string':
      return `a text (${shortJson(v)})`;
    case 'number':
      return `the number ${shortJson(v)}`;
    case 'boolean':
      return String(v);
    case 'object':
      return 'an object';
    default:
      return typeof v;
  }
}

/** A value as the file writes it, shortened for a message. */
export function shortJson(v: unknown): string {
  const text = typeof v === 'number' && !Number.isFinite(v) ? String(v) : (JSON.stringify(v) ?? String(v));
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Python's truthiness of a JSON value (NaN is true in Python). */
function pyTruthy(v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}
