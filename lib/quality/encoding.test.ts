import { describe, expect, it } from 'vitest';
import { repairMojibake } from './encoding';
import { check, filler, finding } from './testing';

const inText = (text: string) => [...filler(20), [text, 'billing', 'refund']];

/** What a UTF-8 text looks like after being read as Windows-1252 (as a spreadsheet program might). */
function asWindows1252(text: string): string {
  return new TextDecoder('windows-1252').decode(new TextEncoder().encode(text));
}

describe('encoding', () => {
  it.each([
    ['é read as Windows-1252', `Caf${asWindows1252('é')} order`, 'mojibake'],
    ['è read as Windows-1252', `tr${asWindows1252('è')}s bien`, 'mojibake'],
    ['ü read as Windows-1252', `Z${asWindows1252('ü')}rich branch`, 'mojibake'],
    ['a curly apostrophe read as Windows-1252', `I don${asWindows1252('’')}t know`, 'mojibake'],
    ['a curly quote read as Windows-1252', `${asWindows1252('“')}Payment declined`, 'mojibake'],
    ['a euro sign read as Windows-1252', `pay 10${asWindows1252('€')}`, 'mojibake'],
    ['a no-break space read as Latin-1, then a space', 'pay 10Â EUR', 'mojibake'],
    ['à read as Windows-1252 (Ã and a no-break space)', `${asWindows1252('à')} la carte`, 'mojibake'],
    ['à read as Windows-1252, the no-break space then made a space', 'Ã  la carte', 'mojibake'],
    ['à at the start, spaces then collapsed', 'Ã la carte', 'mojibake'],
    ['à at the end of a word, its no-break space made a space', 'voilÃ  tout', 'mojibake'],
    ['à after a lower-case letter, spaces collapsed', 'déjà vu, voilÃ tout', 'mojibake'],
    ['a no-break space read as Windows-1252 (Â and a no-break space)', asWindows1252('10\u00a0EUR'), 'mojibake'],
    ['an emoji read as Windows-1252', `thanks ${asWindows1252('😀')}`, 'mojibake'],
    ['Cyrillic read as Windows-1252', asWindows1252('привет'), 'mojibake'],
    ['é damaged twice', asWindows1252(asWindows1252('café')), 'mojibake'],
    ["hwu64's code page 437 mojibake", 'Save information about love of BeyoncΓö£┬«', 'mojibake-dos'],
    ["hwu64's other code page 437 mojibake", "Add eggs to my grocery's├ö├ç├» shopping list", 'mojibake-dos'],
    ['the replacement character', 'caf\ufffd order', 'replacement'],
    ['a NUL-like control character', 'refund\u0007 please', 'control'],
    ['a C1 control character', 'refund\u0092s please', 'control'],
  ])('flags %s as a warning', (_name, text, kind) => {
    const r = finding(check(inText(text)), 'encoding');
    expect(r).toMatchObject({ severity: 'warning', count: 1, rows: [21] });
    expect(r!.details?.columns?.[0]?.kinds).toHaveProperty(kind, 1);
  });

  it.each([
    ['French accents', 'Très bien, merci à vous, ça marche'],
    ['German', 'Grüße aus Zürich, Straße 5, Öl…'],
    ['Portuguese capitals', 'SÃO PAULO, AÇÃO'],
    ['Portuguese', 'NÃO, não sei. São Paulo'],
    ['Portuguese capitals ending in Ã before a space', 'IRMÃ E MAÇÃ VERDE, NÃO'],
    ['Spanish', '¿Dónde está mi pedido? Año nuevo'],
    ['curly quotes and dashes', '“Payment declined” — I’m stuck'],
    ['a French no-break space before a colon', 'Référence\u00a0: 42'],
    ['Greek', 'Γεια σας, ευχαριστώ'],
    ['Russian', 'Где мой заказ?'],
    ['emoji and CJK', '谢谢 ありがとう 👍'],
    ['an ASCII-art table', '├──┼──┤ │ a │ b │'],
    ['tabs and line breaks', 'line one\r\nline two\tend'],
  ])('stays quiet on %s', (_name, text) => {
    expect(finding(check(inText(text)), 'encoding')).toBeUndefined();
  });

  it('proposes to repair mojibake only where the whole cell converts back', () => {
    const rows = [...filler(10), [asWindows1252('Café crème'), 'billing', 'refund'], [`${asWindows1252('é')} and — kept`, 'billing', 'refund']];
    const r = finding(check(rows), 'encoding')!;
    expect(r.rows).toEqual([11, 12]);
    expect(r.fixes).toEqual([expect.objectContaining({ kind: 'repair-mojibake', rows: [11], column: 'inquiry' })]);
    expect(r.message).toMatch(/^2 rows look garbled by a wrong text encoding: 2 texts show mojibake such as "Ã©".*The first is row 11: "CafÃ© crÃ¨me"\./);
  });

  it.each([
    ['Café', 'Café'],
    ['twice damaged café', 'café'],
    ['I don’t know', 'I don’t know'],
    ['thanks 😀', 'thanks 😀'],
    ['à la carte', 'à la carte'],
  ])('repairMojibake undoes %s', (_name, original) => {
    const damaged = _name.startsWith('twice') ? asWindows1252(asWindows1252(original)) : asWindows1252(original);
    expect(repairMojibake(damaged)).toBe(original);
  });

  it.each([
    ['Ã  la carte', 'à la carte'],
    ['Ã la carte', 'à la carte'],
    ['voilÃ  tout', 'voilà tout'],
    ['Ã\u00a0la', 'àla'],
    ['pay 10Â EUR', 'pay 10\u00a0EUR'],
  ])('repairMojibake reads the space after Ã or Â as the no-break space it was: %j → %j', (damaged, original) => {
    expect(repairMojibake(damaged)).toBe(original);
  });

  it('repairMojibake leaves clean text and text it cannot convert alone', () => {
    expect(repairMojibake('Très bien')).toBe('Très bien');
    expect(repairMojibake('CafÃ© — 中')).toBe('CafÃ© — 中');
  });

  it('proposes removing control characters', () => {
    const r = finding(check(inText('refund\u0001 please')), 'encoding')!;
    expect(r.fixes).toEqual([expect.objectContaining({ kind: 'remove-control', rows: [21] })]);
  });
});
