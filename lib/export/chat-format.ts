import { compactJsonString, pythonJsonString } from './python-json';
import type { JsonStyle } from './types';

/**
 * One training example per line: `{"messages": [system, user, assistant]}` where the assistant's
 * content is the labels as a JSON object *string* (so it is escaped twice, as in the notebook).
 * Every line is `prefix + user + middle + assistant + suffix`; prefix and middle are the same for
 * all rows, so they are built once.
 */
export interface ChatFormat {
  /** JSON string literal for a text value. */
  str(s: string): string;
  /** False when `JSON string literal = '"' + s + '"'` (nothing to escape): the fast path for most rows. */
  needsEscape(s: string): boolean;
  /** Everything before the user content. */
  prefix: string;
  /** Between the user content and the assistant content. */
  middle: string;
  /** After the assistant content, including the newline. */
  suffix: string;
  /** The assistant content for one row's labels, as a JSON string literal. */
  assistant(keys: readonly string[], values: readonly string[]): string;
}

// No /g flag: .test() must not carry lastIndex from one call to the next.
// eslint-disable-next-line no-control-regex -- control characters are what JSON must escape
const PYTHON_SPECIAL = /["\\\u0000-\u001f\u007f-\uffff]/;
// Surrogates go the slow way too, so a lone one is escaped exactly as JSON.stringify does.
// eslint-disable-next-line no-control-regex -- control characters are what JSON must escape
const COMPACT_SPECIAL = /["\\\u0000-\u001f\ud800-\udfff]/;

export function chatFormat(style: JsonStyle, systemPrompt: string): ChatFormat {
  const str = style === 'python' ? pythonJsonString : compactJsonString;
  // json.dumps defaults separate items with ", " and keys from values with ": ".
  const [comma, colon] = style === 'python' ? [', ', ': '] : [',', ':'];
  const sys = str(systemPrompt);
  const special = style === 'python' ? PYTHON_SPECIAL : COMPACT_SPECIAL;
  return {
    str,
    needsEscape: (s) => special.test(s),
    prefix: `{"messages"${colon}[{"role"${colon}"system"${comma}"content"${colon}${sys}}${comma}{"role"${colon}"user"${comma}"content"${colon}`,
    middle: `}${comma}{"role"${colon}"assistant"${comma}"content"${colon}`,
    suffix: `}]}\n`,
    assistant(keys, values) {
      const inner = keys.map((k, i) => `${str(k)}${colon}${str(values[i]!)}`).join(comma);
      return str(`{${inner}}`);
    },
  };
}
