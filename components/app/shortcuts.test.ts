import { describe, expect, it } from 'vitest';
import { historyShortcut, historyTitle, isTextEditingTarget, type KeyLike } from './shortcuts';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('historyShortcut', () => {
  it.each([
    ['Ctrl+Z', key('z', { ctrlKey: true }), 'undo'],
    ['Cmd+Z', key('z', { metaKey: true }), 'undo'],
    ['Ctrl+Shift+Z (key is upper case)', key('Z', { ctrlKey: true, shiftKey: true }), 'redo'],
    ['Cmd+Shift+Z', key('Z', { metaKey: true, shiftKey: true }), 'redo'],
    ['Ctrl+Y', key('y', { ctrlKey: true }), 'redo'],
    ['Caps Lock Ctrl+Z', key('Z', { ctrlKey: true }), 'undo'],
    ['Cmd+Y (browser history on a Mac)', key('y', { metaKey: true }), null],
    ['Ctrl+Shift+Y', key('Y', { ctrlKey: true, shiftKey: true }), null],
    ['plain z', key('z'), null],
    ['Shift+Z', key('Z', { shiftKey: true }), null],
    ['Ctrl+Alt+Z (AltGr layouts)', key('z', { ctrlKey: true, altKey: true }), null],
    ['Ctrl+X', key('x', { ctrlKey: true }), null],
  ])('%s', (_name, e, expected) => expect(historyShortcut(e)).toBe(expected));
});

describe('isTextEditingTarget', () => {
  it.each([
    ['an input', { tagName: 'INPUT' }, true],
    ['a textarea', { tagName: 'TEXTAREA' }, true],
    ['a select', { tagName: 'SELECT' }, true],
    ['lower-case tag names (SVG, XHTML)', { tagName: 'input' }, true],
    ['contenteditable', { tagName: 'DIV', isContentEditable: true }, true],
    ['a button', { tagName: 'BUTTON' }, false],
    ['a grid cell', { tagName: 'DIV', isContentEditable: false }, false],
    ['nothing', null, false],
  ])('%s', (_name, t, expected) => expect(isTextEditingTarget(t)).toBe(expected));
});

describe('historyTitle', () => {
  it.each([
    ['undo', 'Edit category in row 5', false, 'Undo: Edit category in row 5 (Ctrl+Z)'],
    ['undo', 'Delete 3 rows', true, 'Undo: Delete 3 rows (⌘Z)'],
    ['redo', 'Add row', false, 'Redo: Add row (Ctrl+Y)'],
    ['redo', 'Add row', true, 'Redo: Add row (⇧⌘Z)'],
    ['undo', null, false, 'Nothing to undo'],
    ['redo', null, true, 'Nothing to redo'],
  ] as const)('%s %j (mac: %s)', (action, label, mac, title) => expect(historyTitle(action, label, mac)).toBe(title));
});
