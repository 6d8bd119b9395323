import { unzipSync } from 'fflate';
import type { SheetEntry } from './types';
import { attr, stringItemText, tags, utf8 } from './xml';

/** A workbook's parts that every sheet needs: its sheets, shared strings and number formats. */
export interface Workbook {
  sheets: (SheetEntry & { path: string | null })[];
  sharedStrings: string[];
  /** Number format id of each cell style (`s` attribute of a cell). */
  styleFormats: number[];
  /** The workbook's own format codes by id. */
  formats: Map<number, string>;
  date1904: boolean;
  /** The unpacked XML of each worksheet, by path. */
  parts: Map<string, Uint8Array>;
}

/** The workbook cannot be opened: a damaged ZIP or a missing part. The message says which. */
export class DamagedWorkbook extends Error {}

const REL_TYPE = /\/(worksheet|chartsheet|dialogsheet|macrosheet|xlMacrosheet|sharedStrings|styles)$/;

/** Unpack and read the parts of an .xlsx (a ZIP with `xl/workbook.xml`). Throws {@link DamagedWorkbook}. */
export function openWorkbook(bytes: Uint8Array): Workbook {
  let files: Record<string, Uint8Array>;
  try {
    // Only the XML parts are unpacked: pictures and embedded files are left in the ZIP.
    files = unzipSync(bytes, { filter: (f) => /\.(xml|rels)$/i.test(f.name) });
  } catch (e) {
    throw new DamagedWorkbook(`its ZIP container is damaged (${(e as Error).message})`);
  }
  const text = (path: string): string | null => {
    const f = files[path];
    return f ? utf8(f) : null;
  };
  const workbookPath = officeDocumentPath(text('_rels/.rels')) ?? 'xl/workbook.xml';
  const workbookXml = text(workbookPath);
  if (workbookXml === null) throw new DamagedWorkbook(`it has no ${workbookPath}`);
  const rels = relationships(text(relsPathOf(workbookPath)), dirOf(workbookPath));

  const sheets: Workbook['sheets'] = [];
  let date1904 = false;
  for (const tag of tags(workbookXml)) {
    if (tag.closing) continue;
    if (tag.name === 'workbookPr') {
      const d = attr(tag.attrs, 'date1904');
      date1904 = d === '1' || d === 'true';
    } else if (tag.name === 'sheet') {
      const name = attr(tag.attrs, 'name') ?? `Sheet${sheets.length + 1}`;
      const rel = rels.get(attr(tag.attrs, 'id') ?? '');
      const state = attr(tag.attrs, 'state');
      const kind = rel?.type === 'worksheet' ? 'worksheet' : rel?.type === 'chartsheet' ? 'chart' : 'other';
      sheets.push({ name, kind, hidden: state === 'hidden' || state === 'veryHidden', path: rel?.target ?? null });
    }
  }
  const relOfType = (type: string): string | undefined => [...rels.values()].find((r) => r.type === type)?.target;
  const sstPath = relOfType('sharedStrings');
  const stylesPath = relOfType('styles');
  const styles = parseStyles(stylesPath ? text(stylesPath) : null);
  const parts = new Map<string, Uint8Array>();
  for (const s of sheets) if (s.kind === 'worksheet' && s.path && files[s.path]) parts.set(s.path, files[s.path]!);
  return {
    sheets,
    sharedStrings: sstPath ? parseSharedStrings(text(sstPath)) : [],
    ...styles,
    date1904,
    parts,
  };
}

function officeDocumentPath(relsXml: string | null): string | null {
  if (!relsXml) return null;
  for (const r of relationships(relsXml, '').values()) if (r.type === 'officeDocument') return r.target;
  return null;
}

const dirOf = (path: string): string => path.slice(0, path.lastIndexOf('/') + 1);
const relsPathOf = (path: string): string => `${dirOf(path)}_rels/${path.slice(path.lastIndexOf('/') + 1)}.rels`;

/** Relationship id → its type's last word and the target's path inside the ZIP. */
function relationships(xml: string | null, baseDir: string): Map<string, { type: string; target: string }> {
  const out = new Map<string, { type: string; target: string }>();
  if (!xml) return out;
  for (const tag of tags(xml)) {
    if (tag.name !== 'Relationship' || tag.closing) continue;
    const id = attr(tag.attrs, 'Id');
    const type = attr(tag.attrs, 'Type') ?? '';
    const target = attr(tag.attrs, 'Target');
    if (!id || !target || attr(tag.attrs, 'TargetMode') === 'External') continue;
    const word = REL_TYPE.exec(type)?.[1] ?? (type.endsWith('/officeDocument') ? 'officeDocument' : type);
    out.set(id, { type: word === 'xlMacrosheet' ? 'macrosheet' : word, target: resolvePath(baseDir, target) });
  }
  return out;
}

/** A relationship's target as a path in the ZIP: absolute (`/xl/…`) or relative to the part's folder (`worksheets/…`, `../…`). */
function resolvePath(baseDir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : baseDir + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

function parseSharedStrings(xml: string | null): string[] {
  const out: string[] = [];
  if (!xml) return out;
  const SI = /<(?:[\w.-]+:)?si(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?si>)/g;
  for (let m = SI.exec(xml); m !== null; m = SI.exec(xml)) out.push(stringItemText(m[1] ?? ''));
  return out;
}

function parseStyles(xml: string | null): { styleFormats: number[]; formats: Map<number, string> } {
  const formats = new Map<number, string>();
  const styleFormats: number[] = [];
  if (!xml) return { styleFormats, formats };
  let inCellXfs = false;
  for (const tag of tags(xml)) {
    if (tag.name === 'numFmt' && !tag.closing) {
      const id = Number(attr(tag.attrs, 'numFmtId'));
      const code = attr(tag.attrs, 'formatCode');
      if (Number.isInteger(id) && code !== undefined) formats.set(id, code);
    } else if (tag.name === 'cellXfs') {
      inCellXfs = !tag.closing && !tag.selfClosing;
    } else if (tag.name === 'xf' && inCellXfs && !tag.closing) {
      styleFormats.push(Number(attr(tag.attrs, 'numFmtId') ?? 0) || 0);
    }
  }
  return { styleFormats, formats };
}
