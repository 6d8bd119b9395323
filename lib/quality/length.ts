import { isBlank, UNSPACED_SCRIPT } from './chars';
import type { CheckContext } from './context';
import { joinAnd, plural, quote, rowList } from './format';
import type { CheckResult } from './types';

const HAS_SPACE = /\s/;

/**
 * `length` (warning): texts that are very short — under `minTextChars` characters, or a single
 * token — and texts longer than the token limit per training example (`maxTokens`, 65,536 for
 * gpt-4o-family models), which training would cut short.
 *
 * Tokens are counted with `options.tokenCounter` when given; otherwise estimated as
 * `charsPerToken` (4) characters per token, and "one token" means one word. Messages say which.
 * Only the user message is counted, unless `options.exampleOverhead` says what the rest of each
 * example adds (system prompt, answer, the chat format's own tokens): then whole examples are
 * compared with the limit, as OpenAI's data-preparation notebook does.
 */
export function checkLength(ctx: CheckContext): CheckResult[] {
  const counter = ctx.options.tokenCounter;
  const overhead = ctx.options.exampleOverhead;
  const { minTextChars, maxTokens, charsPerToken } = ctx.t;
  const short: number[] = [];
  const long: number[] = [];
  for (let r = 0; r < ctx.rowCount; r++) {
    const text = ctx.table.cell(r, ctx.text);
    if (isBlank(text)) continue;
    if (isShort(text)) short.push(r);
    else if (isLong(text, overhead ? overhead(r) : 0)) long.push(r);
  }
  if (short.length === 0 && long.length === 0) return [];

  function isShort(text: string): boolean {
    // Cheap exit first: almost every text has a space inside.
    const trimmed = text.trim();
    if (trimmed.length < minTextChars) return true;
    // Words are not separated by spaces in Chinese, Japanese, Thai…: there "one word" says nothing.
    if (HAS_SPACE.test(trimmed) || UNSPACED_SCRIPT.test(trimmed)) return false;
    return counter ? counter.count(trimmed) <= 1 : true;
  }

  /** `extra`: the tokens the rest of the row's example adds (0 when only the message is counted). */
  function isLong(text: string, extra: number): boolean {
    // A token is at least one UTF-8 byte and a UTF-16 unit at most three: shorter texts cannot be
    // over the limit, so the tokenizer runs only on the very long ones.
    if (counter) return text.length * 3 + extra > maxTokens && counter.count(text) + extra > maxTokens;
    return Math.ceil(text.length / charsPerToken) + extra > maxTokens;
  }

  const how =
    (counter ? `counted with ${counter.name}` : `estimated at ${charsPerToken} characters per token, as no tokenizer was given`) +
    (overhead ? ', system prompt and answer included' : '');
  const item = overhead ? 'example' : 'text';
  const phrases: string[] = [];
  if (short.length > 0) {
    const example = ctx.table.cell(short[0]!, ctx.text);
    phrases.push(
      `${plural(short.length, 'text')} ${short.length === 1 ? 'is' : 'are'} very short (under ${minTextChars} characters or a single ${counter ? 'token' : 'word'}), ` +
        `such as ${quote(example)} (${rowList([ctx.table.rowNumber(short[0]!)])}): they give the model little to learn from`,
    );
  }
  if (long.length > 0) {
    phrases.push(
      `${plural(long.length, item)} ${long.length === 1 ? 'is' : 'are'} longer than the limit of ${maxTokens.toLocaleString('en-US')} tokens per example ` +
        `(${how}): training would cut ${long.length === 1 ? 'it' : 'them'} short`,
    );
  }
  const message = joinAnd(phrases);
  return [
    ctx.result({
      id: 'length',
      severity: 'warning',
      positions: [...short, ...long],
      message: `${message.charAt(0).toUpperCase()}${message.slice(1)}.`,
      details: {
        kinds: { short: short.length, long: long.length },
        tokens: {
          counter: counter?.name ?? `${charsPerToken} characters per token`,
          limit: maxTokens,
          estimated: counter === undefined,
          ...(overhead ? { wholeExample: true } : {}),
        },
      },
    }),
  ];
}
