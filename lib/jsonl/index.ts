/**
 * Reading JSONL training files in every layout Trainset writes: OpenAI's format checks on every line
 * (the data-preparation notebook's error kinds, by line; the same kinds for the other layouts), the
 * order of messages against the chosen target's rules, and the examples as a table the grid, the
 * quality checks and the export use like a CSV's. Framework-free: runs in the browser, in a worker
 * and in Node.
 */
export * from './types';
export { readJsonl } from './read';
export { sniffKind, type FileKind } from './sniff';
export { ALLOWED_KEYS, ALLOWED_ROLES, NOTEBOOK_ROLES } from './format-checks';
export { parseJsonLine, type JsonLine } from './json-line';
export { layoutOf } from './layouts';
export { targetRuleFindings, type TargetRuleReport } from './role-order';
export { TEXT_COLUMN, SYSTEM_COLUMN, ASSISTANT_COLUMN, answerMode } from './table';
