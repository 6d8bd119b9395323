import type { Layout } from '../export';
import { checkExample, describe, isObject, shortJson, type ExampleCheck, type ExampleParts, type ReportError } from './format-checks';

/**
 * Reading a line in each layout Trainset writes (`lib/export/targets.ts`, fine-tuning-facts.md), so
 * that a file exported for any target can be opened again: the OpenAI chat layout with OpenAI's
 * format checks (`checkExample`, the notebook's counts), every other layout with the same error
 * kinds in its own terms ("turn 2 (human) has no "value""), each giving the parts the table shows.
 *
 * What is checked of the other layouts is their structure, their roles and their texts, as the
 * facts file describes them; what the services accept beyond it (Nova 2's reasoning content,
 * ShareGPT's tool turns, multimodal parts) is reported as an unknown role or as a message without
 * text, not guessed at.
 */

/**
 * The layout a parsed line is in, by its keys; null when none matches (the line is then checked as
 * the OpenAI chat layout, whose checks say what is missing). A `messages` list alone is the OpenAI
 * layout; with a `system` text it is Bedrock's Claude layout, with a `system` list or a
 * `schemaVersion` Bedrock's conversation schema (Amazon Nova).
 */
export function layoutOf(value: unknown): Layout | null {
  if (!isObject(value)) return null;
  const has = (k: string): boolean => Object.hasOwn(value, k);
  if (has('schemaVersion') || (has('messages') && Array.isArray(value.system))) return 'bedrock-conversation';
  if (has('messages')) return typeof value.system === 'string' ? 'bedrock-claude' : 'openai-chat';
  if (has('conversations')) return 'sharegpt';
  if (has('contents') || has('systemInstruction')) return 'vertex-gemini';
  if (has('instruction') && has('output')) return 'alpaca';
  return null;
}

/**
 * The layout a line is read in, in a file whose first recognised line is in `fileLayout`. Both
 * Bedrock layouts leave their system field out when there is no prompt, and a line of theirs with
 * only a `messages` list looks like the OpenAI layout: in such a file it is read as the file's.
 */
export function readingLayout(lineLayout: Layout | null, fileLayout: Layout | null): Layout {
  if (lineLayout === 'openai-chat' && (fileLayout === 'bedrock-claude' || fileLayout === 'bedrock-conversation')) return fileLayout;
  // A line in no layout is checked as the file's lines are, so its message shows the file's shape.
  return lineLayout ?? fileLayout ?? 'openai-chat';
}

/** Run the checks of `layout` on one parsed line, reporting every error, and take out the parts the grid shows. */
export function checkInLayout(ex: unknown, layout: Layout, roles: readonly string[], report: ReportError): ExampleCheck {
  if (layout === 'openai-chat') return checkExample(ex, roles, report);
  if (!isObject(ex)) {
    const message = `the line is ${describe(ex)}, not a JSON object. ${SPEC[layout].shape}`;
    report('data_type', message);
    return { ok: false, kind: 'data_type', message };
  }
  const spec = SPEC[layout];
  const list = spec.list(ex);
  if (typeof list === 'string') {
    const message = `${list} ${spec.shape}`;
    report('missing_messages_list', message);
    return { ok: false, kind: 'missing_messages_list', message };
  }
  const turns: Turn[] = [...spec.system(ex, report), ...list];
  return { ok: true, parts: checkTurns(turns, spec, report) };
}

/** One message as a layout holds it: its role and text as written, and where it is. */
interface Turn {
  /** The layout's role value (`human`, `model`…); for a field outside the list, the chat format's role itself. */
  role: unknown;
  /** The text, or `undefined` when the key holding it is missing, or what the layout holds instead. */
  text: unknown;
  /** "turn 2", "message 1", "the system prompt". */
  where: string;
  /** The key that holds the text, for messages ("value", "content"). */
  textKey: string;
  /** 1-based position in the layout's list; absent for a system field. */
  index?: number;
  /** When the text could not be taken out, why (a sentence ending in a full stop). */
  problem?: string;
  /** Keys the layout does not allow on this message (Claude 3 Haiku's "no other keys"). */
  unknownKeys?: string[];
}

interface LayoutSpec {
  /** The shape of a line, said after a line that is not in it. */
  shape: string;
  /** The key holding each message's role, and the roles the layout allows with the chat format's name for each. */
  roleKey: string;
  roles: Readonly<Record<string, 'system' | 'user' | 'assistant'>>;
  /** The list of messages, or why there is none (a sentence). */
  list(ex: Record<string, unknown>): Turn[] | string;
  /** The system prompt held outside the list, when the layout has one there. */
  system(ex: Record<string, unknown>, report: ReportError): Turn[];
}

/** The text of a list of `{"text": …}` blocks (Bedrock's content, Gemini's parts), several joined by a line break. */
function blockText(blocks: unknown, key: string): { text?: string; problem?: string } {
  if (!Array.isArray(blocks)) return { problem: `its "${key}" is ${describe(blocks)}, not a list of [{"text": …}] blocks.` };
  const texts = blocks.flatMap((b) => (isObject(b) && typeof b.text === 'string' ? [b.text] : []));
  if (texts.length === 0) return { problem: `its "${key}" has no {"text": …} block: write the text of the message.` };
  return { text: texts.join('\n') };
}

/**
 * Turns whose text is a list of `{"text": …}` blocks: Bedrock Nova's `messages[].content`,
 * Gemini's `contents[].parts`. `noun` names a turn in messages ("message 3").
 */
function blockTurns(ex: Record<string, unknown>, listKey: string, noun: string, textKey: string, needs: string): Turn[] | string {
  const list = listUnder(ex, listKey, listKey);
  if (typeof list === 'string') return list;
  return list.map((m, i) => {
    const where = `${noun} ${i + 1}`;
    if (!isObject(m)) return { ...notObject(where, m, needs), index: i + 1 };
    if (!Object.hasOwn(m, textKey)) return { role: m.role, text: undefined, where, textKey, index: i + 1 };
    const { text, problem } = blockText(m[textKey], textKey);
    return { role: m.role, text, where, textKey, index: i + 1, ...(problem ? { problem } : {}) };
  });
}

/** The list under `key`, or why there is none. */
function listUnder(ex: Record<string, unknown>, key: string, what: string): unknown[] | string {
  if (!Object.hasOwn(ex, key)) return `there is no "${key}" list.`;
  const v = ex[key];
  if (!Array.isArray(v)) return `"${key}" is ${describe(v)}, not a list of ${what}.`;
  if (v.length === 0) return `"${key}" is an empty list: add the ${what}.`;
  return v;
}

const notObject = (where: string, m: unknown, keys: string): Turn => ({
  role: undefined,
  text: undefined,
  where,
  textKey: '',
  problem: `${where} is ${describe(m)}, not an object with ${keys}.`,
});

const SPEC: Record<Exclude<Layout, 'openai-chat'>, LayoutSpec> = {
  sharegpt: {
    shape: 'Each line must be {"conversations": [{"from": "system", "value": …}, {"from": "human", "value": …}, {"from": "gpt", "value": …}]}.',
    roleKey: 'from',
    roles: { system: 'system', human: 'user', gpt: 'assistant' },
    list(ex) {
      const list = listUnder(ex, 'conversations', 'turns');
      if (typeof list === 'string') return list;
      return list.map((t, i) => {
        const where = `turn ${i + 1}`;
        if (!isObject(t)) return { ...notObject(where, t, 'a "from" and a "value"'), index: i + 1 };
        return { role: t.from, text: t.value, where, textKey: 'value', index: i + 1 };
      });
    },
    system: () => [],
  },
  'bedrock-conversation': {
    shape:
      'Each line must be {"schemaVersion": "bedrock-conversation-2024", "system": [{"text": …}], "messages": [{"role": "user", "content": [{"text": …}]}, {"role": "assistant", "content": [{"text": …}]}]}.',
    roleKey: 'role',
    roles: { user: 'user', assistant: 'assistant' },
    list: (ex) => blockTurns(ex, 'messages', 'message', 'content', 'a "role" and a "content"'),
    system(ex, report) {
      if (!Object.hasOwn(ex, 'system')) return [];
      const { text, problem } = blockText(ex.system, 'system');
      // An empty system list is no prompt at all; a system list with no text is worth saying.
      if (Array.isArray(ex.system) && ex.system.length === 0) return [];
      if (problem) {
        report('missing_content', `the system prompt: ${problem}`);
        return [];
      }
      return [{ role: 'system', text, where: 'the system prompt', textKey: 'system' }];
    },
  },
  'bedrock-claude': {
    shape: 'Each line must be {"system": …, "messages": [{"role": "user", "content": …}, {"role": "assistant", "content": …}]}.',
    roleKey: 'role',
    roles: { user: 'user', assistant: 'assistant' },
    list(ex) {
      const list = listUnder(ex, 'messages', 'messages');
      if (typeof list === 'string') return list;
      return list.map((m, i) => {
        const where = `message ${i + 1}`;
        if (!isObject(m)) return { ...notObject(where, m, 'a "role" and a "content"'), index: i + 1 };
        // Claude 3 Haiku's messages have no other keys.
        const unknownKeys = Object.keys(m).filter((k) => k !== 'role' && k !== 'content');
        return { role: m.role, text: m.content, where, textKey: 'content', index: i + 1, ...(unknownKeys.length > 0 ? { unknownKeys } : {}) };
      });
    },
    system(ex, report) {
      if (!Object.hasOwn(ex, 'system')) return [];
      if (typeof ex.system !== 'string') {
        report('missing_content', `"system" is ${describe(ex.system)}, not text: write the system prompt in double quotes.`);
        return [];
      }
      return [{ role: 'system', text: ex.system, where: 'the system prompt', textKey: 'system' }];
    },
  },
  'vertex-gemini': {
    shape:
      'Each line must be {"systemInstruction": {"role": "system", "parts": [{"text": …}]}, "contents": [{"role": "user", "parts": [{"text": …}]}, {"role": "model", "parts": [{"text": …}]}]}.',
    roleKey: 'role',
    roles: { user: 'user', model: 'assistant' },
    list: (ex) => blockTurns(ex, 'contents', 'content', 'parts', 'a "role" and "parts"'),
    system(ex, report) {
      if (!Object.hasOwn(ex, 'systemInstruction')) return [];
      const si = ex.systemInstruction;
      if (!isObject(si)) {
        report('missing_content', `"systemInstruction" is ${describe(si)}, not an object with "parts": [{"text": …}].`);
        return [];
      }
      const { text, problem } = blockText(si.parts, 'parts');
      if (problem) {
        report('missing_content', `the system instruction: ${problem}`);
        return [];
      }
      // Vertex AI ignores the system instruction's role, so it is not checked.
      return [{ role: 'system', text, where: 'the system instruction', textKey: 'parts' }];
    },
  },
  alpaca: {
    shape: 'Each line must be {"instruction": …, "input": …, "output": …}.',
    roleKey: 'role',
    roles: { system: 'system', user: 'user', assistant: 'assistant' },
    list(ex) {
      // The instruction is the system prompt and the input the message, as Trainset writes them.
      const field = (key: string, role: string): Turn => ({ role, text: ex[key], where: `"${key}"`, textKey: key });
      return [field('instruction', 'system'), field('input', 'user'), field('output', 'assistant')];
    },
    system: () => [],
  },
};

/** The checks every layout shares: roles, texts, an answer; and the parts for the table. */
function checkTurns(turns: Turn[], spec: LayoutSpec, report: ReportError): ExampleParts {
  const parts: ExampleParts = { system: null, user: null, assistant: null, users: 0, assistants: 0, order: [] };
  const allowed = Object.keys(spec.roles);
  for (const t of turns) {
    if (t.problem !== undefined && t.textKey === '') {
      report('message_missing_key', t.problem, t.index);
      parts.order.push({ role: null, label: t.where });
      continue;
    }
    // A field outside the list holds its role by being that field (the system prompt, Alpaca's keys).
    const role = t.index === undefined ? (t.role as string) : typeof t.role === 'string' && Object.hasOwn(spec.roles, t.role) ? spec.roles[t.role]! : null;
    // A field outside the list (a system prompt, an Alpaca key) is named by itself.
    const name = typeof t.role === 'string' && t.index !== undefined ? `${t.where} (${t.role})` : t.where;
    parts.order.push({ role, label: name });
    if (t.index !== undefined && role === null) {
      const problem = t.role === undefined ? `has no "${spec.roleKey}".` : `has "${spec.roleKey}" ${shortJson(t.role)}, which this layout does not have.`;
      report('unrecognized_role', `${name} ${problem} Use one of ${allowed.join(', ')}.`, t.index);
    }
    if (t.unknownKeys) {
      const keys = t.unknownKeys.map((k) => JSON.stringify(k)).join(', ');
      report(
        'message_unrecognized_key',
        `${name} has ${t.unknownKeys.length === 1 ? 'a key' : 'keys'} the layout does not allow: ${keys}. Only "role" and "content"; remove the others.`,
        t.index,
      );
    }
    const text = textOf(t, name, report);
    if (role === 'assistant') {
      parts.assistants++;
      parts.assistant = text;
    } else if (role === 'user') {
      parts.users++;
      parts.user ??= text;
    } else if (role === 'system') {
      parts.system ??= text;
    }
  }
  if (parts.assistants === 0) {
    const answer = Object.entries(spec.roles).find(([, r]) => r === 'assistant')![0];
    report(
      'example_missing_assistant_message',
      `there is no answer (${spec.roleKey} ${JSON.stringify(answer)}): the model learns from the answer, so add one.`,
    );
  }
  return parts;
}

/** The turn's text, '' when it has none (reported). Alpaca's empty `input` and `instruction` are allowed: only the answer must be written. */
function textOf(t: Turn, name: string, report: ReportError): string {
  if (t.problem !== undefined) {
    report('missing_content', `${name}: ${t.problem}`, t.index);
    return '';
  }
  if (t.text === undefined) {
    report(
      'message_missing_key',
      t.index === undefined ? `there is no ${t.where}: add it.` : `${name} has no "${t.textKey}": write the text of the message.`,
      t.index,
    );
    return '';
  }
  const subject = t.index === undefined ? t.where : `the "${t.textKey}" of ${name}`;
  if (typeof t.text !== 'string') {
    report('missing_content', `${subject} is ${describe(t.text)}, not text: put the text in double quotes.`, t.index);
    return '';
  }
  if (t.text === '' && (t.index !== undefined || t.textKey === 'output')) {
    report('missing_content', `${subject} is empty: write the text of the message, or remove it.`, t.index);
  }
  return t.text;
}
