import { describe, expect, it } from 'vitest';
import { parseJsonLine } from './json-line';

/** The 1-based column of the first occurrence of `marker` in `line`. */
const col = (line: string, marker: string): number => line.indexOf(marker) + 1;

describe('parseJsonLine: where and why a line is not JSON', () => {
  it.each<[string, string, string, RegExp]>([
    ['a trailing comma', '{"messages": [{"role": "user"},]}', ']}', /comma right before \]: JSON allows no trailing comma/],
    ['a trailing comma in an object', '{"role": "user",}', '}', /comma right before \}/],
    ['single quotes (Python str of a dict)', "{'messages': []}", "'", /single quotes.*json\.dumps/],
    ['single-quoted text', '{"role": \'user\'}', "'", /double quotes.*not single quotes/],
    ['Python True', '{"weight": True}', 'True', /True is Python, not JSON \(write true\)/],
    ['Python None', '{"content": None}', 'None', /write null/],
    ['a missing comma', '{"role": "user" "content": "x"}', '"content"', /a comma or \} was expected here/],
    ['an unquoted key', '{role: "user"}', 'role', /a name in double quotes was expected/],
    ['a missing colon', '{"role" "user"}', '"user"', /a colon \(:\) was expected/],
    ['two examples on one line', '{"a": 1}{"b": 2}', '{"b"', /a second JSON object starts on the same line/],
    ['text after the value', '{"a": 1} trailing', 'trailing', /more text after the end/],
    ['a mismatched bracket', '{"a": [1, 2}', '}', /does not match the opening bracket: \] was expected/],
    ['an invalid escape', '{"a": "C:\\path"}', '\\p', /\\p is not a JSON escape/],
    ['a raw tab in a text', '{"a": "x\ty"}', '\t', /written as \\t or \\n/],
    ['a bad number', '{"a": -x}', '-x', /not a valid number/],
    ['a missing value', '{"a": }', '}', /a value is missing before \}/],
  ])('%s', (_name, line, marker, reason) => {
    const r = parseJsonLine(line);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.column).toBe(col(line, marker));
    expect(r.reason).toMatch(reason);
  });

  it.each([
    ['an unclosed object (a pretty-printed file)', '{', /closing \} is missing\. An example must be on one line/],
    ['an unclosed list', '{"messages": [', /closing \] is missing/],
    ['an unclosed text', '{"content": "abc', /a text in quotes starts here and is never closed/],
  ])('%s: at the end of the line or the opening quote', (_name, line, reason) => {
    const r = parseJsonLine(line);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('counts columns in characters: an emoji is one', () => {
    const line = '{"a": "é😀", x}';
    const r = parseJsonLine(line);
    expect(r).toMatchObject({ ok: false, column: 13 });
    expect([...line.slice(0, line.indexOf('x'))].length + 1).toBe(13);
    expect(line.indexOf('x') + 1).toBe(14);
  });

  it('reads what Python json.loads reads: NaN and ±Infinity become numbers, flagged as not standard', () => {
    const r = parseJsonLine('{"a": NaN, "b": [Infinity, -Infinity], "c": "NaN"}');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.nonStandard).toBe(true);
    const v = r.value as { a: number; b: number[]; c: string };
    expect(Number.isNaN(v.a)).toBe(true);
    expect(v.b).toEqual([Infinity, -Infinity]);
    expect(v.c).toBe('NaN');
  });

  it('leaves standard JSON alone', () => {
    expect(parseJsonLine('  {"a": [1, 2.5e3, true, null, "\\u00e9"]}\t')).toEqual({ ok: true, value: { a: [1, 2500, true, null, 'é'] }, nonStandard: false });
  });

  it('survives nesting deeper than the call stack', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(199_999)}`;
    const r = parseJsonLine(deep);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/closing \] is missing/);
  });
});
