import { describe, expect, it } from 'vitest';
import { NOTEBOOK_ROLES, checkExample } from './format-checks';
import type { FormatErrorKind } from './types';

const sys = { role: 'system', content: 'Classify.' };
const user = { role: 'user', content: 'Where is my parcel?' };
const answer = { role: 'assistant', content: '{"category": "Shipping"}' };
const ex = (...messages: unknown[]): unknown => ({ messages });

/** The error kinds `checkExample` reports for one example, with the message index when there is one. */
function kinds(value: unknown, roles?: readonly string[]): string[] {
  const out: string[] = [];
  checkExample(value, roles ?? [...NOTEBOOK_ROLES, 'tool'], (kind, _message, i) => out.push(i === undefined ? kind : `${kind}@${i}`));
  return out;
}

/** Each kind on a line that has it, and a near miss that must stay quiet. */
describe("checkExample: the notebook's error kinds, each flagged and each quiet on a near miss", () => {
  it.each<[FormatErrorKind, unknown, unknown]>([
    ['data_type', [sys, user, answer], ex(sys, user, answer)],
    ['data_type', 'a text line', { messages: [user, answer], id: 7 }],
    ['missing_messages_list', { messages: [] }, { messages: [answer] }],
    ['missing_messages_list', { contents: [] }, { messages: [answer], contents: [] }],
    ['missing_messages_list', { messages: 'hi' }, { messages: [user, answer] }],
    ['message_missing_key', ex(sys, { role: 'user' }, answer), ex(sys, { role: 'user', content: 'hi', name: 'ann' }, answer)],
    ['message_missing_key', ex(sys, 'user: hi', answer), ex(sys, user, answer)],
    ['message_unrecognized_key', ex(user, { ...answer, tool_calls: [] }), ex(user, { ...answer, name: 'bot', weight: 1, function_call: null })],
    ['unrecognized_role', ex(user, { role: 'bot', content: 'x' }, answer), ex(user, { role: 'tool', content: 'x' }, answer)],
    ['unrecognized_role', ex({ role: 'User', content: 'x' }, answer), ex({ role: 'user', content: 'x' }, answer)],
    ['missing_content', ex(sys, { role: 'user', content: '' }, answer), ex(sys, { role: 'user', content: ' ' }, answer)],
    ['missing_content', ex(user, { role: 'assistant', content: null }), ex(user, { role: 'assistant', content: '', function_call: { name: 'f' } })],
    ['missing_content', ex(user, { role: 'assistant', content: 7 }), ex(user, { role: 'assistant', content: '7' })],
    ['example_missing_assistant_message', ex(sys, user), ex(sys, user, { role: 'assistant', content: 'x', weight: 0 })],
    ['invalid_weight', ex(user, { ...answer, weight: 2 }), ex(user, { ...answer, weight: 0 })],
    ['invalid_weight', ex({ ...user, weight: 1 }, answer), ex(user, { ...answer, weight: 1 })],
  ])('%s', (kind, flagged, nearMiss) => {
    expect(kinds(flagged).map((k) => k.split('@')[0])).toContain(kind);
    expect(kinds(nearMiss)).toEqual([]);
  });

  it('counts like the notebook: a message without role and content is missing a key, has no known role and no content', () => {
    expect(kinds(ex(user, {}, answer))).toEqual(['message_missing_key@2', 'unrecognized_role@2', 'missing_content@2']);
  });

  it('counts message-level kinds once per message, and the example-level kind once', () => {
    expect(kinds(ex({ role: 'user', content: '' }, { role: 'user', content: null }))).toEqual([
      'missing_content@1',
      'missing_content@2',
      'example_missing_assistant_message',
    ]);
  });

  it('stops at a line that is not an object or has no messages, as the notebook does', () => {
    expect(kinds(null)).toEqual(['data_type']);
    expect(kinds({})).toEqual(['missing_messages_list']);
  });

  it("accepts the tool role by default; with the notebook's roles it does not", () => {
    const toolUse = ex(user, { role: 'tool', content: '42' }, answer);
    expect(kinds(toolUse)).toEqual([]);
    expect(kinds(toolUse, NOTEBOOK_ROLES)).toEqual(['unrecognized_role@2']);
  });

  it('says what to do, in words, with hints for other formats', () => {
    const messages: string[] = [];
    const collect = (value: unknown): void => void checkExample(value, NOTEBOOK_ROLES, (_k, m) => messages.push(m));
    collect({ contents: [{ role: 'user', parts: [] }] });
    collect(ex(user, { role: 'model', content: 'x' }));
    collect(ex({ role: 'user', content: NaN }, answer));
    collect(ex(user, { ...answer, weight: 0.5 }));
    expect(messages).toEqual([
      expect.stringMatching(/^there is no "messages" list \(the keys are "contents"\): this looks like Google Vertex AI \(Gemini\) format/),
      'message 2 (model) has role "model", which this format calls "assistant". Use one of system, user, assistant, function.',
      'there is no assistant message: the model learns from the assistant\'s answer, so add one ({"role": "assistant", "content": …}).',
      'message 1 (user) has content NaN: the cell was empty in the table this file was made from. Write the text of the message.',
      'message 2 (assistant) has weight 0.5: it must be 0 (do not train on this answer) or 1.',
    ]);
  });

  it('takes the first system and user messages and the last assistant answer', () => {
    const r = checkExample(
      ex(
        sys,
        { role: 'user', content: 'first' },
        { role: 'assistant', content: 'a1' },
        { role: 'user', content: 'second' },
        { role: 'assistant', content: 'a2' },
      ),
      NOTEBOOK_ROLES,
      () => undefined,
    );
    expect(r).toEqual({
      ok: true,
      parts: {
        system: 'Classify.',
        user: 'first',
        assistant: 'a2',
        users: 2,
        assistants: 2,
        order: [
          { role: 'system', label: 'message 1 (system)' },
          { role: 'user', label: 'message 2 (user)' },
          { role: 'assistant', label: 'message 3 (assistant)' },
          { role: 'user', label: 'message 4 (user)' },
          { role: 'assistant', label: 'message 5 (assistant)' },
        ],
      },
    });
  });
});
