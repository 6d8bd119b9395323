/**
 * One line of a JSONL file → a value, as Python's `json.loads` (the notebook's reader) would read
 * it. `JSON.parse` does the work; only when it fails does {@link scanJson} look at the line, to say
 * where and why in words that do not depend on the browser's error messages (Safari gives no
 * position at all), and to accept what Python accepts beyond standard JSON: `NaN`, `Infinity` and
 * `-Infinity`, which `json.dumps` writes for a pandas NaN (an empty cell in the source CSV).
 */

export type JsonLine =
  | {
      ok: true;
      value: unknown;
      /** The line used NaN or Infinity: Python reads it, other tools refuse it. They are numbers in `value`. */
      nonStandard: boolean;
    }
  | {
      ok: false;
      /** 1-based column, in characters, where the JSON breaks. */
      column: number;
      /** What is wrong and what to do, for a non-engineer. */
      reason: string;
    };

type Scan = { ok: true; constants: { offset: number; token: PythonConstant }[] } | { ok: false; offset: number; reason: string };

type PythonConstant = 'NaN' | 'Infinity' | '-Infinity';

// Stand-ins for the Python constants that JSON.parse accepts; the reviver turns them back into numbers.
const STAND_IN: Record<PythonConstant, string> = { NaN: '"\\u0000NaN"', Infinity: '"\\u0000Infinity"', '-Infinity': '"\\u0000-Infinity"' };
const CONSTANT_VALUE = new Map<string, number>([
  ['\u0000NaN', NaN],
  ['\u0000Infinity', Infinity],
  ['\u0000-Infinity', -Infinity],
]);
const revive = (_key: string, v: unknown): unknown => (typeof v === 'string' && v.charCodeAt(0) === 0 ? (CONSTANT_VALUE.get(v) ?? v) : v);

export function parseJsonLine(text: string): JsonLine {
  try {
    return { ok: true, value: JSON.parse(text), nonStandard: false };
  } catch {
    // Explained below.
  }
  const scan = scanJson(text);
  if (!scan.ok) return { ok: false, column: columnAt(text, scan.offset), reason: scan.reason };
  if (scan.constants.length > 0) {
    let rewritten = '';
    let at = 0;
    for (const { offset, token } of scan.constants) {
      rewritten += text.slice(at, offset) + STAND_IN[token];
      at = offset + token.length;
    }
    try {
      return { ok: true, value: JSON.parse(rewritten + text.slice(at), revive), nonStandard: true };
    } catch {
      // The scanner and JSON.parse disagree: say only that it is not JSON.
    }
  }
  return { ok: false, column: 1, reason: 'the line is not valid JSON. Write each example with json.dumps, one a line.' };
}

/** 1-based column in characters (a character outside the BMP counts once). */
function columnAt(text: string, offset: number): number {
  let column = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > 0 && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800) continue;
    column++;
  }
  return column;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ONE_LINE = 'An example must be on one line: if the file is pretty-printed JSON, write each example with json.dumps on a line of its own.';
const PYTHON_REPR = "this looks like Python's print() or str() of a dict, not JSON: write the file with json.dumps.";

type State = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'after';

/**
 * Validate `s` as one JSON value with an explicit stack (a line may nest deeper than the call
 * stack allows). Records Python's constants instead of failing on them.
 */
export function scanJson(s: string): Scan {
  const stack: number[] = []; // '{' or '[' char codes
  const constants: { offset: number; token: PythonConstant }[] = [];
  let state: State = 'value';
  let afterComma = false;
  let i = 0;
  const fail = (offset: number, reason: string): Scan => ({ ok: false, offset, reason });
  const closer = (): string => (stack[stack.length - 1] === 0x7b ? '}' : ']');
  for (;;) {
    while (i < s.length && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r')) i++;
    if (i >= s.length) {
      if (state === 'after' && stack.length === 0) return { ok: true, constants };
      if (stack.length > 0) return fail(i, `the line ends before the JSON is complete: a closing ${closer()} is missing. ${ONE_LINE}`);
      return fail(i, 'the line ends where a value was expected.');
    }
    const c = s.charCodeAt(i);
    switch (state) {
      case 'value-or-close':
      case 'value': {
        if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
          if (state === 'value-or-close' && c === 0x5d) {
            stack.pop();
            i++;
            state = 'after';
            break;
          }
          return fail(
            i,
            afterComma ? `there is a comma right before ${s[i]}: JSON allows no trailing comma. Remove it.` : `a value is missing before ${s[i]}.`,
          );
        }
        const end = scanValue(s, i, stack, constants);
        if (typeof end !== 'number') return end;
        if (s[i] === '{') state = 'key-or-close';
        else if (s[i] === '[') state = 'value-or-close';
        else state = 'after';
        i = end;
        afterComma = false;
        break;
      }
      case 'key-or-close':
      case 'key':
        if (c === 0x7d && state === 'key-or-close') {
          stack.pop();
          i++;
          state = 'after';
          break;
        }
        if (c === 0x22) {
          const end = scanString(s, i);
          if (typeof end !== 'number') return end;
          i = end;
          state = 'colon';
          break;
        }
        if (c === 0x7d) return fail(i, 'there is a comma right before }: JSON allows no trailing comma. Remove it.');
        if (c === 0x27) return fail(i, `names must be in double quotes ("), not single quotes ('): ${PYTHON_REPR}`);
        return fail(i, 'a name in double quotes was expected here: in JSON every key is written "like this".');
      case 'colon':
        if (c !== 0x3a) return fail(i, 'a colon (:) was expected after the name.');
        i++;
        state = 'value';
        afterComma = false;
        break;
      case 'after': {
        if (stack.length === 0) {
          return fail(
            i,
            c === 0x7b
              ? 'a second JSON object starts on the same line: put each example on a line of its own.'
              : 'there is more text after the end of the JSON value. Remove it, or put it on a line of its own.',
          );
        }
        const inObject = stack[stack.length - 1] === 0x7b;
        if (c === 0x2c) {
          i++;
          state = inObject ? 'key' : 'value';
          afterComma = true;
          break;
        }
        if (c === (inObject ? 0x7d : 0x5d)) {
          stack.pop();
          i++;
          break;
        }
        if (c === 0x7d || c === 0x5d) return fail(i, `this ${s[i]} does not match the opening bracket: ${closer()} was expected.`);
        return fail(i, `a comma or ${closer()} was expected here: is a comma missing between two items?`);
      }
    }
  }
}

/** A value starting at `i`: pushes an opening bracket, or returns the offset after a scalar. */
function scanValue(s: string, i: number, stack: number[], constants: { offset: number; token: PythonConstant }[]): number | Scan {
  const c = s.charCodeAt(i);
  if (c === 0x7b || c === 0x5b) {
    stack.push(c);
    return i + 1;
  }
  if (c === 0x22) return scanString(s, i);
  for (const token of ['NaN', 'Infinity', '-Infinity'] as const) {
    if (s.startsWith(token, i)) {
      constants.push({ offset: i, token });
      return i + token.length;
    }
  }
  if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
    NUMBER.lastIndex = i;
    if (NUMBER.test(s)) return NUMBER.lastIndex;
    return { ok: false, offset: i, reason: 'this is not a valid number.' };
  }
  for (const word of ['true', 'false', 'null']) if (s.startsWith(word, i)) return i + word.length;
  for (const [python, json] of [
    ['True', 'true'],
    ['False', 'false'],
    ['None', 'null'],
  ]) {
    if (s.startsWith(python!, i)) return { ok: false, offset: i, reason: `${python} is Python, not JSON (write ${json}): ${PYTHON_REPR}` };
  }
  if (c === 0x27) return { ok: false, offset: i, reason: `text must be in double quotes ("), not single quotes ('): ${PYTHON_REPR}` };
  return { ok: false, offset: i, reason: 'a value was expected here: text in double quotes, a number, true, false, null, {…} or […].' };
}

/** A string starting at the quote at `i`: the offset after its closing quote. */
function scanString(s: string, i: number): number | Scan {
  for (let j = i + 1; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c === 0x22) return j + 1;
    if (c === 0x5c) {
      const e = s[j + 1];
      if (e === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(s.slice(j + 2, j + 6))) return { ok: false, offset: j, reason: '\\u must be followed by four hexadecimal digits.' };
        j += 5;
      } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
        j++;
      } else {
        return { ok: false, offset: j, reason: `\\${e ?? ''} is not a JSON escape: write a backslash as \\\\.` };
      }
    } else if (c < 0x20) {
      return { ok: false, offset: j, reason: 'a tab or line break inside a text must be written as \\t or \\n.' };
    }
  }
  return { ok: false, offset: i, reason: `a text in quotes starts here and is never closed. ${ONE_LINE}` };
}
