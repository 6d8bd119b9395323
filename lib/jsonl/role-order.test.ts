import { describe, expect, it } from 'vitest';
import { EXPORT_TARGETS, TARGETS } from '../export';
import type { OrderTurn } from './format-checks';
import { readJsonl } from './read';
import { roleOrderProblems, targetRuleFindings } from './role-order';

const turns = (...roles: (string | null)[]): OrderTurn[] => roles.map((role, i) => ({ role, label: `message ${i + 1}${role ? ` (${role})` : ''}` }));
const kinds = (...roles: (string | null)[]): string[] => roleOrderProblems(turns(...roles)).map((p) => `${p.kind}: ${p.message}`);

describe('roleOrderProblems: each rule broken, said without naming a service', () => {
  it.each([
    [['system', 'user', 'assistant'], []],
    [['user', 'assistant', 'user', 'assistant'], []],
    [['system', 'user', 'assistant', 'tool', 'assistant'], []],
    [['user', 'assistant', 'function', 'assistant', 'user', 'assistant'], []],
    [['system', 'user', 'user', 'assistant'], ['alternation: message 3 (user) follows another user message (message 2 (user))']],
    [
      ['assistant', 'user', 'assistant'],
      ['first_role: it starts with message 1 (assistant)', 'alternation: message 1 (assistant) comes before any user message'],
    ],
    [['system', 'assistant'], ['alternation: message 2 (assistant) comes before any user message']],
    [['user', 'system', 'assistant'], ['alternation: message 2 (system) is a system message after the start']],
    [['system', 'user', 'assistant', 'user'], ['last_role: it ends with message 4 (user), after the last answer']],
    [['tool', 'user', 'assistant'], ['first_role: it starts with message 1 (tool)']],
    [[null, 'user', 'assistant'], []],
  ])('%j → %j', (roles, expected) => {
    expect(kinds(...roles)).toEqual(expected);
  });
});

describe('targetRuleFindings: the chosen target rules on a file read in', () => {
  const m = (role: string, content = 'x') => ({ role, content });
  const lines = [
    [m('system'), m('user'), m('assistant')],
    [m('user'), m('user'), m('assistant')],
    [m('assistant'), m('user'), m('assistant')],
    [m('system'), m('user'), m('assistant'), m('user')],
  ].map((messages) => JSON.stringify({ messages }));
  const read = () => {
    const r = readJsonl(new TextEncoder().encode(`${lines.join('\n')}\n`));
    if (!r.ok) throw new Error(r.problem.message);
    return r;
  };

  it('notes every departure while reading, whatever the target, as not an error of the format', () => {
    const r = read();
    expect(r.format.errors).toEqual({});
    expect(r.format.order).toEqual({ first_role: 1, alternation: 2, last_role: 1 });
    expect(r.format.orderFindings.map((f) => [f.line, f.kind])).toEqual([
      [2, 'alternation'],
      [3, 'alternation'],
      [3, 'first_role'],
      [4, 'last_role'],
    ]);
  });

  it("keeps Together's rules (start, turns), each message naming the rule, its source, the place and what to do", () => {
    const rules = targetRuleFindings(read().format, 'together')!;
    expect(rules).toMatchObject({ target: 'together', name: 'Together AI', counts: { first_role: 1, alternation: 2 }, truncated: false });
    expect(rules.findings.map((f) => [f.line, f.example, f.kind])).toEqual([
      [2, 2, 'alternation'],
      [3, 3, 'alternation'],
      [3, 3, 'first_role'],
    ]);
    expect(rules.indexes).toEqual([0, 1, 2]);
    expect(rules.findings[0]!.message).toBe(
      'Together AI needs user and assistant messages to take turns after the system message, from a user message (Together AI docs, "Data preparation" (fine-tuning)): ' +
        'message 2 (user) follows another user message (message 1 (user)). Merge or remove messages so that they take turns, or export the rows again: Trainset writes system, user, assistant.',
    );
  });

  it("keeps Claude 3 Haiku's three rules, the last answer included", () => {
    const rules = targetRuleFindings(read().format, 'bedrock-claude-haiku')!;
    expect(rules.counts).toEqual({ first_role: 1, alternation: 2, last_role: 1 });
    expect(rules.findings.at(-1)!.message).toMatch(
      /^Claude 3 Haiku on Amazon Bedrock needs each example to end with the assistant's answer \(Amazon Bedrock User Guide.*\): it ends with message 4 \(user\), after the last answer\. Remove the messages after the last answer, or export/,
    );
  });

  it('is null for a target that publishes no order of messages', () => {
    const without = EXPORT_TARGETS.filter((t) => !TARGETS[t].rules);
    expect(without).toContain('fireworks');
    for (const t of without) expect(targetRuleFindings(read().format, t)).toBeNull();
  });
});
