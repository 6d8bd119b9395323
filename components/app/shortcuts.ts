/** The parts of a KeyboardEvent the history shortcuts look at. */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/**
 * Ctrl/Cmd+Z undoes; Ctrl/Cmd+Shift+Z and Ctrl+Y redo. Alt combinations are left alone (they
 * type characters on some keyboard layouts). `key` rather than `code`, so the letter Z is
 * found where the user's layout puts it (AZERTY, QWERTZ).
 */
export function historyShortcut(e: KeyLike): 'undo' | 'redo' | null {
  if (e.altKey || !(e.ctrlKey || e.metaKey)) return null;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && e.ctrlKey && !e.metaKey && !e.shiftKey) return 'redo';
  return null;
}

/** The parts of an element that decide whether it edits text. */
export interface TargetLike {
  tagName?: string;
  isContentEditable?: boolean;
}

/**
 * True where the browser's own text undo should win: typing in a field and pressing Ctrl+Z must
 * undo the typing, not the last change to the dataset.
 */
export function isTextEditingTarget(t: TargetLike | null | undefined): boolean {
  if (!t) return false;
  const tag = t.tagName?.toUpperCase();
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || t.isContentEditable === true;
}

/** The Undo/Redo buttons' titles: "Undo: Edit category in row 5 (Ctrl+Z)". */
export function historyTitle(action: 'undo' | 'redo', label: string | null, mac: boolean): string {
  const keys = action === 'undo' ? (mac ? '⌘Z' : 'Ctrl+Z') : mac ? '⇧⌘Z' : 'Ctrl+Y';
  if (!label) return action === 'undo' ? 'Nothing to undo' : 'Nothing to redo';
  return `${action === 'undo' ? 'Undo' : 'Redo'}: ${label} (${keys})`;
}
