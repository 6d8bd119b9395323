'use client';

import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTrainset, useTrainsetApi } from '@/components/store/store-provider';
import { comboboxOptions, moreText } from './combobox-options';
import styles from './combobox.module.css';

const counts = new Intl.NumberFormat('en-US');
/** The list's widest (combobox.module.css `.popup` max-width). */
const POPUP_WIDTH = 360;

interface LabelComboboxProps {
  /** The label column (index in the file's header) whose values are offered. */
  col: number;
  /** The accessible name. */
  label: string;
  text: string;
  /** True when `text` was typed (filter by it); false when it is the current value (offer all). */
  typed?: boolean;
  onTextChange(text: string): void;
  /** A value was taken: with Enter (`down`), Shift+Enter (`up`) or a click (no move). */
  onPick(value: string, move?: 'up' | 'down'): void;
  /** Escape with the list closed (or always, in a cell). */
  onEscape?(): void;
  /** Tab in a cell: the highlighted value when the user typed, else null. */
  onTab?(shift: boolean, picked: string | null): void;
  onBlur?(): void;
  autoFocus?: boolean;
  /** `cell`: opens at once, Escape cancels. `bar`: opens on typing or Alt+Down, Escape closes the list. */
  variant: 'cell' | 'bar';
  placeholder?: string;
}

/**
 * An editable combobox (WAI-ARIA combobox pattern, list autocomplete with the first match
 * highlighted): the column's existing values with their counts, filtered as the user types, and
 * "Create “X”" last when X is not a value yet. Focus stays in the input; the highlighted option
 * is announced through aria-activedescendant. Only the first matches are drawn (a column may have
 * 50,000 labels); the list says how many more there are.
 */
export function LabelCombobox(props: LabelComboboxProps) {
  const { col, label, text, variant } = props;
  const api = useTrainsetApi();
  const values = useTrainset((s) => s.values[col]);
  const [open, setOpen] = useState(variant === 'cell');
  const [typed, setTyped] = useState(props.typed ?? false);
  const [active, setActive] = useState<number | null>(null);
  const [place, setPlace] = useState({ above: false, end: false, width: POPUP_WIDTH });
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const listId = useId();

  const { options, create, matched } = useMemo(() => comboboxOptions(values ?? [], text, typed), [values, text, typed]);
  const hidden = matched - options.length;
  const items = [
    ...options.map((o) => ({ value: o.value, count: o.count, create: false })),
    ...(create !== null ? [{ value: create, count: 0, create: true }] : []),
  ];
  // Until the user moves, the first match is highlighted (or, before typing, the current value).
  const current = active ?? (typed ? (items.length > 0 ? 0 : -1) : items.findIndex((i) => i.value === text));
  const activeId = open && current >= 0 ? `${listId}-${current}` : undefined;

  useEffect(() => {
    if (open && values === undefined) void api.getState().loadValues(col);
  }, [api, col, open, values]);

  // Open upwards when the grid or the window has no room below the field, and leftwards from the
  // field's right edge when there is no room on the right (a narrow screen, the last column).
  useLayoutEffect(() => {
    if (!open || !inputRef.current) return;
    const box = inputRef.current.getBoundingClientRect();
    const bounds = inputRef.current.closest('[data-popup-bounds]')?.getBoundingClientRect() ?? {
      top: 0,
      bottom: window.innerHeight,
      left: 0,
      right: window.innerWidth,
    };
    const roomRight = Math.min(bounds.right, window.innerWidth) - box.left;
    const roomLeft = box.right - Math.max(bounds.left, 0);
    const end = roomRight < POPUP_WIDTH && roomLeft > roomRight;
    setPlace({
      above: bounds.bottom - box.bottom < 240 && box.top - bounds.top > bounds.bottom - box.bottom,
      end,
      width: Math.max(box.width, Math.min(POPUP_WIDTH, end ? roomLeft : roomRight)),
    });
  }, [open]);

  // Keep the highlighted option in view inside the list (not by scrolling the page or grid).
  useEffect(() => {
    const list = listRef.current;
    const el = current >= 0 ? (list?.children[current] as HTMLElement | undefined) : undefined;
    if (!list || !el) return;
    if (el.offsetTop < list.scrollTop) list.scrollTop = el.offsetTop;
    else if (el.offsetTop + el.offsetHeight > list.scrollTop + list.clientHeight) list.scrollTop = el.offsetTop + el.offsetHeight - list.clientHeight;
  }, [current, open]);

  const pick = (index: number, move?: 'up' | 'down') => {
    const item = items[index];
    const value = item ? item.value : text.trim();
    if (value === '') return;
    if (variant === 'bar') setOpen(false);
    props.onPick(value, move);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return;
    const last = items.length - 1;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!open) setOpen(true);
        else setActive(Math.min(last, current + 1));
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (!open) setOpen(true);
        else setActive(Math.max(0, current - 1));
        break;
      case 'Enter':
        e.preventDefault();
        pick(open ? current : -1, e.shiftKey ? 'up' : 'down');
        break;
      case 'Escape':
        e.preventDefault();
        if (variant === 'bar' && open) setOpen(false);
        else props.onEscape?.();
        break;
      case 'Tab':
        if (props.onTab) {
          e.preventDefault();
          props.onTab(e.shiftKey, typed && current >= 0 ? (items[current]?.value ?? null) : null);
        }
        break;
    }
  };

  return (
    <div className={`${styles.combobox} ${variant === 'cell' ? styles.inCell : ''}`}>
      <input
        ref={inputRef}
        className={`input ${styles.input}`}
        role="combobox"
        aria-label={label}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        autoComplete="off"
        spellCheck={false}
        autoFocus={props.autoFocus}
        placeholder={props.placeholder}
        value={text}
        onChange={(e) => {
          props.onTextChange(e.target.value);
          setTyped(true);
          setActive(null);
          setOpen(true);
        }}
        // Opened by a click or Enter: the value is selected, so typing replaces it. Opened by typing:
        // the caret goes after what was typed, so the next key adds to it.
        onFocus={(e) => {
          if (variant !== 'cell') return;
          const input = e.currentTarget;
          if (props.typed) input.setSelectionRange(input.value.length, input.value.length);
          else input.select();
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          if (variant === 'bar') setOpen(false);
          props.onBlur?.();
        }}
      />
      <div
        className={`${styles.popup} ${place.above ? styles.above : ''} ${place.end ? styles.end : ''}`}
        style={{ maxWidth: place.width }}
        hidden={!open || items.length === 0}
        // The input keeps focus while an option is clicked (a blur would end the edit first).
        onMouseDown={(e) => e.preventDefault()}
      >
        <ul ref={listRef} id={listId} role="listbox" aria-label={`Values of ${label}`} className={styles.listbox}>
          {items.map((item, i) => (
            <li
              key={item.create ? '\u0000create' : item.value}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === current}
              className={`${styles.option} ${i === current ? styles.active : ''} ${item.create ? styles.create : ''}`}
              onClick={() => pick(i)}
              onMouseMove={() => i !== current && setActive(i)}
            >
              <span className={styles.value}>{item.create ? `Create “${item.value}”` : item.value === '' ? '(empty)' : item.value}</span>
              {!item.create && (
                <span className={styles.count}>
                  {counts.format(item.count)}
                  <span className="visually-hidden"> rows</span>
                </span>
              )}
            </li>
          ))}
        </ul>
        {hidden > 0 && <p className={styles.more}>{moreText(hidden)}</p>}
      </div>
    </div>
  );
}
