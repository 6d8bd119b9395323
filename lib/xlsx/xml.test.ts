import { describe, expect, it } from 'vitest';
import { attr, spreadsheetText, stringItemText, xmlText } from './xml';

describe('text as an XML parser and Excel read it', () => {
  it.each([
    ['plain', 'plain'],
    ['a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;', `a & b <c> "d" 'e'`],
    ['&#13;&#10;&#x1F600;', '\r\n😀'],
    // Literal line ends are normalised by XML parsers: only an escaped CR survives.
    ['one\r\ntwo\rthree', 'one\ntwo\nthree'],
    ['&amp;unknown; &bogus;', '&unknown; &bogus;'],
  ])('xmlText(%j) is %j', (raw, text) => expect(xmlText(raw)).toBe(text));

  it.each([
    ['line one_x000D_\nline two', 'line one\r\nline two'],
    ['lower case hex _x000d_', 'lower case hex \r'],
    ['_x0009_tab', '\ttab'],
    // Excel escapes the underscore of a literal "_x000D_" in the text.
    ['literal _x005F_x000D_', 'literal _x000D_'],
    ['not an escape _x00D_ _xZZZZ_', 'not an escape _x00D_ _xZZZZ_'],
  ])('spreadsheetText(%j) is %j', (raw, text) => expect(spreadsheetText(raw)).toBe(text));

  it('joins the runs of rich text and leaves out phonetic runs', () => {
    expect(stringItemText('<r><rPr><b/></rPr><t>Bold</t></r><r><t xml:space="preserve"> and plain</t></r><rPh sb="0" eb="1"><t>ボ</t></rPh>')).toBe(
      'Bold and plain',
    );
    expect(stringItemText('<t/>')).toBe('');
  });

  it('reads attributes with either quote, a prefix, and entities', () => {
    expect(attr(' name="A &amp; B" r:id="rId3"', 'name')).toBe('A & B');
    expect(attr(' name="A" r:id="rId3"', 'id')).toBe('rId3');
    expect(attr(" state='hidden'", 'state')).toBe('hidden');
    expect(attr(' rr="1"', 'r')).toBeUndefined();
  });
});
