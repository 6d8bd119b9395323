import { describe, expect, it } from 'vitest';
import { chatFormat } from './chat-format';
import fc from 'fast-check';
import { pythonJsonString, writePythonJson } from './python-json';

describe('pythonJsonString (json.dumps with ensure_ascii)', () => {
  it.each([
    ['plain', '"plain"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['back\\slash', '"back\\\\slash"'],
    ['\b\f\n\r\t', '"\\b\\f\\n\\r\\t"'],
    ['\u0001\u001f', '"\\u0001\\u001f"'],
    ['\u007f', '"\\u007f"'],
    ['Café', '"Caf\\u00e9"'],
    ['😀', '"\\ud83d\\ude00"'],
    ['\u2028\u2029', '"\\u2028\\u2029"'],
    ["</script> & 'q' /", `"</script> & 'q' /"`],
    ['ＡＢ', '"\\uff21\\uff22"'],
  ])('%j → %s', (input, expected) => {
    expect(pythonJsonString(input)).toBe(expected);
  });

  it('gives the same answer on repeated calls (no regex state leaks between calls)', () => {
    expect(pythonJsonString('é')).toBe('"\\u00e9"');
    expect(pythonJsonString('é')).toBe('"\\u00e9"');
  });
});

describe('chatFormat', () => {
  it('writes the notebook line, double-escaping the assistant payload', () => {
    const f = chatFormat('python', 'Sys');
    const line = f.prefix + f.str('Où est "ma" commande?') + f.middle + f.assistant(['category', 'sub_category'], ['Café', 'a\tb']) + f.suffix;
    expect(line).toBe(
      '{"messages": [{"role": "system", "content": "Sys"}, {"role": "user", "content": "O\\u00f9 est \\"ma\\" commande?"}, ' +
        '{"role": "assistant", "content": "{\\"category\\": \\"Caf\\\\u00e9\\", \\"sub_category\\": \\"a\\\\tb\\"}"}]}\n',
    );
  });

  it('writes compact UTF-8 JSON that parses back to the same example', () => {
    const f = chatFormat('compact', 'Sys');
    const line = f.prefix + f.str('Où?') + f.middle + f.assistant(['intent'], ['Café']) + f.suffix;
    expect(line).toBe(
      '{"messages":[{"role":"system","content":"Sys"},{"role":"user","content":"Où?"},{"role":"assistant","content":"{\\"intent\\":\\"Café\\"}"}]}\n',
    );
    const parsed = JSON.parse(line) as { messages: { content: string }[] };
    expect(JSON.parse(parsed.messages[2]!.content)).toEqual({ intent: 'Café' });
  });
});

describe('writePythonJson', () => {
  it('writes exactly the bytes of pythonJsonString, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = new Uint8Array(s.length * 6 + 2);
        const end = writePythonJson(s, out, 0);
        expect(Buffer.from(out.subarray(0, end)).toString('latin1')).toBe(pythonJsonString(s));
      }),
      { numRuns: 2000 },
    );
  });
});
