import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sniffKind } from './sniff';

const enc = new TextEncoder();
const LINE = '{"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "{}"}]}\n';

function utf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const out: number[] = bom ? (endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    out.push(...(endian === 'le' ? [code & 0xff, code >> 8] : [code >> 8, code & 0xff]));
  }
  return Uint8Array.from(out);
}

describe('sniffKind', () => {
  it('says workbook for an .xlsx (a ZIP holding xl/workbook.xml) or an OLE file (.xls, password-protected), whatever the name', () => {
    const xlsx = zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') });
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    for (const name of ['book.xlsx', 'book.csv', 'book.jsonl', '']) {
      expect(sniffKind(xlsx, name)).toBe('workbook');
      expect(sniffKind(ole, name)).toBe('workbook');
    }
    // Another ZIP is not a workbook: the CSV reader refuses it as a binary file.
    expect(sniffKind(zipSync({ 'word/document.xml': strToU8('<w/>') }), 'doc.docx')).toBe('csv');
  });

  it('says JSONL when the first character is {, whatever the name', () => {
    for (const name of ['train.jsonl', 'train.csv', 'train.txt', 'train.tsv', 'train', '']) expect(sniffKind(enc.encode(LINE), name)).toBe('jsonl');
  });

  it('says CSV for a header row, whatever the name except .jsonl', () => {
    const csv = enc.encode('inquiry,category\nhello,billing\n');
    for (const name of ['data.csv', 'data.txt', 'data', '']) expect(sniffKind(csv, name)).toBe('csv');
    expect(sniffKind(csv)).toBe('csv');
  });

  it('takes a name ending in .jsonl (any case) as JSONL even when its first line is broken', () => {
    expect(sniffKind(enc.encode('[1, 2]\n' + LINE), 'train.JSONL')).toBe('jsonl');
    expect(sniffKind(enc.encode('[1, 2]\n' + LINE), 'train.txt')).toBe('csv');
  });

  it('looks past a UTF-8 BOM, blank lines and spaces', () => {
    expect(sniffKind(Uint8Array.from([0xef, 0xbb, 0xbf, ...enc.encode(`\r\n\n  \t${LINE}`)]))).toBe('jsonl');
    expect(sniffKind(Uint8Array.from([0xef, 0xbb, 0xbf, ...enc.encode('a,b\n')]))).toBe('csv');
  });

  it('reads UTF-16 with or without a BOM', () => {
    for (const endian of ['le', 'be'] as const) {
      for (const bom of [true, false]) {
        expect(sniffKind(utf16(LINE, endian, bom))).toBe('jsonl');
        expect(sniffKind(utf16('a,b\n1,2\n', endian, bom))).toBe('csv');
      }
    }
  });

  it('says CSV for an empty or blank file, and when the first character comes too late to look at', () => {
    expect(sniffKind(new Uint8Array(0))).toBe('csv');
    expect(sniffKind(enc.encode('\n\n  \n'))).toBe('csv');
    expect(sniffKind(enc.encode(`${' '.repeat(100)}${LINE}`))).toBe('csv');
  });
});
