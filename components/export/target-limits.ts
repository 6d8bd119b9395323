import type { ConversationRules, PublishedLimit, TargetLimits } from '@/lib/export';

const count = (n: number): string => n.toLocaleString('en-US');

/** Bytes as the services publish them: decimal MB and GB. */
export function formatLimitBytes(bytes: number): string {
  if (bytes >= 1e9) return `${count(bytes / 1e9)} GB`;
  if (bytes >= 1e6) return `${count(bytes / 1e6)} MB`;
  return `${count(bytes)} bytes`;
}

const PHRASES: { [K in keyof Required<TargetLimits>]: (v: number) => string } = {
  minTrainExamples: (v) => `At least ${count(v)} training examples`,
  recommendedTrainExamples: (v) => `${count(v)} or more training examples recommended`,
  maxTrainExamples: (v) => `At most ${count(v)} training examples`,
  maxValidationExamples: (v) => `At most ${count(v)} validation examples`,
  maxTotalExamples: (v) => `At most ${count(v)} examples in all`,
  maxTokensPerExample: (v) => `${count(v)} tokens per example`,
  maxTrainFileBytes: (v) => `Training file up to ${formatLimitBytes(v)}`,
  maxValidationFileBytes: (v) => `Validation file up to ${formatLimitBytes(v)}`,
};

/** A target's limits as sentences, in a fixed order, for the export panel. */
export function limitRows(limits: TargetLimits): { name: string; text: string; limit: PublishedLimit }[] {
  return (Object.keys(PHRASES) as (keyof TargetLimits)[]).flatMap((name) => {
    const limit = limits[name];
    return limit ? [{ name, text: PHRASES[name](limit.value), limit }] : [];
  });
}

/** A target's rules on the order of messages, as sentences (none when it publishes none). */
export function ruleRows(rules: ConversationRules | undefined): string[] {
  if (!rules) return [];
  return [
    ...(rules.startsWithSystemOrUser ? ['Each example starts with a system or a user message'] : []),
    ...(rules.alternates ? ['After the system message, user and assistant messages take turns, from a user message'] : []),
    ...(rules.endsWithAssistant ? ["Each example ends with the assistant's answer"] : []),
  ];
}
