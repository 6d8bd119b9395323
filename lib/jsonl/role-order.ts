import { TARGETS, type ConversationRules, type ExportTarget, type LimitSource } from '../export';
import type { OrderTurn } from './format-checks';
import type { FormatFinding, FormatReport, RoleOrderKind } from './types';

/**
 * The order of an example's messages, against the rules some services publish (`TARGETS[t].rules`:
 * Together, Claude 3 Haiku on Bedrock). The reader notes every departure from each rule whatever
 * the target, since the target can change after the file is read; {@link targetRuleFindings} then
 * keeps those of the chosen target's rules and says whose rule it is. Lines Trainset writes always
 * follow them (system, user, assistant).
 *
 * Tool and function messages are left out of the turns, and an assistant message right after one
 * continues the assistant's turn: a tool's result comes between the assistant's call and its answer,
 * and the rules read are about who speaks in turn.
 */

const TURN_ROLES = new Set(['system', 'user', 'assistant']);

/** Each rule an example breaks, with what is wrong in it (a clause, without the rule). */
export function roleOrderProblems(order: readonly OrderTurn[]): { kind: RoleOrderKind; message: string }[] {
  const out: { kind: RoleOrderKind; message: string }[] = [];
  const known = order.filter((t) => t.role !== null);
  const first = known[0];
  if (first && first.role !== 'system' && first.role !== 'user') out.push({ kind: 'first_role', message: `it starts with ${first.label}` });
  // An assistant message after a tool's result continues the assistant's turn (call, result, answer).
  const turns = known.filter((t, i) => TURN_ROLES.has(t.role!) && !(t.role === 'assistant' && i > 0 && !TURN_ROLES.has(known[i - 1]!.role!)));
  let expected = 'user';
  for (let i = turns[0]?.role === 'system' ? 1 : 0; i < turns.length; i++) {
    const t = turns[i]!;
    if (t.role === expected) {
      expected = expected === 'user' ? 'assistant' : 'user';
      continue;
    }
    const prev = turns[i - 1];
    const message =
      t.role === 'system'
        ? `${t.label} is a system message after the start`
        : prev && prev.role === t.role
          ? `${t.label} follows another ${t.role} message (${prev.label})`
          : `${t.label} comes before any user message`;
    out.push({ kind: 'alternation', message });
    break;
  }
  const last = turns.at(-1);
  if (last && last.role !== 'assistant') out.push({ kind: 'last_role', message: `it ends with ${last.label}, after the last answer` });
  return out;
}

/** The rule behind each kind, as a clause after the service's name, and what to do. */
const RULE: Record<RoleOrderKind, { rule: keyof Omit<ConversationRules, 'source'>; needs: string; fix: string }> = {
  first_role: {
    rule: 'startsWithSystemOrUser',
    needs: 'needs each example to start with a system or a user message',
    fix: 'Remove the messages before the first user message',
  },
  alternation: {
    rule: 'alternates',
    needs: 'needs user and assistant messages to take turns after the system message, from a user message',
    fix: 'Merge or remove messages so that they take turns',
  },
  last_role: { rule: 'endsWithAssistant', needs: "needs each example to end with the assistant's answer", fix: 'Remove the messages after the last answer' },
};

/** The chosen target's rules applied to a file read in: what the Format check and `trainset check` list. */
export interface TargetRuleReport {
  target: ExportTarget;
  /** The target's name, e.g. "Together AI". */
  name: string;
  source: LimitSource;
  /** Findings per rule broken (complete counts; an example can break two rules). */
  counts: Partial<Record<RoleOrderKind, number>>;
  /** Each finding with a message that names the rule, its source and what to do, in file order; capped as the reader capped them. */
  findings: FormatFinding<RoleOrderKind>[];
  /** The position of each finding in `format.orderFindings` (for the app's row ids). */
  indexes: number[];
  truncated: boolean;
}

/**
 * The departures from `target`'s published rules among those the reader noted, as errors to show
 * by line; null when the target publishes no rule on the order of messages.
 */
export function targetRuleFindings(format: Pick<FormatReport, 'order' | 'orderFindings' | 'truncated'>, target: ExportTarget): TargetRuleReport | null {
  const info = TARGETS[target];
  const rules = info.rules;
  if (!rules) return null;
  const applies = (kind: RoleOrderKind): boolean => rules[RULE[kind].rule] === true;
  const counts: Partial<Record<RoleOrderKind, number>> = {};
  for (const [kind, n] of Object.entries(format.order) as [RoleOrderKind, number][]) if (applies(kind)) counts[kind] = n;
  const findings: FormatFinding<RoleOrderKind>[] = [];
  const indexes: number[] = [];
  format.orderFindings.forEach((f, i) => {
    if (!applies(f.kind)) return;
    const { needs, fix } = RULE[f.kind];
    findings.push({
      ...f,
      message: `${info.name} ${needs} (${rules.source.title}): ${f.message}. ${fix}, or export the rows again: Trainset writes system, user, assistant.`,
    });
    indexes.push(i);
  });
  const total = Object.values(counts).reduce((a, n) => a + n, 0);
  return { target, name: info.name, source: rules.source, counts, findings, indexes, truncated: format.truncated || total > findings.length };
}
