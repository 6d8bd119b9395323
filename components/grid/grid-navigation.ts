/**
 * Where the active cell goes when a key is pressed, as a pure function of the position and the
 * grid's size, so the spreadsheet keys can be tested without a DOM. Row -1 is the header row
 * (column headers are part of the grid's navigation, as in the WAI-ARIA grid pattern); rows are
 * view positions, never row ids.
 */

export interface CellPos {
  row: number;
  col: number;
}

export interface GridBounds {
  /** Rows in the view (not counting the header). */
  rows: number;
  cols: number;
  /** Rows that fit in the viewport, for PageUp and PageDown. */
  page: number;
}

export interface NavKey {
  key: string;
  /** Ctrl on Windows and Linux, Cmd on macOS. */
  ctrl: boolean;
}

/** The active cell after `key`, or null when the key does not move it. */
export function moveActive(pos: CellPos, key: NavKey, b: GridBounds): CellPos | null {
  const first = b.rows > 0 ? 0 : -1;
  const last = b.rows - 1;
  const lastCol = Math.max(0, b.cols - 1);
  const { row, col } = clampActive(pos, b);
  const page = Math.max(1, b.page);
  switch (key.key) {
    case 'ArrowLeft':
      return { row, col: key.ctrl ? 0 : Math.max(0, col - 1) };
    case 'ArrowRight':
      return { row, col: key.ctrl ? lastCol : Math.min(lastCol, col + 1) };
    case 'ArrowUp':
      return { row: key.ctrl ? first : Math.max(-1, row - 1), col };
    case 'ArrowDown':
      return { row: key.ctrl ? last : Math.min(last, row + 1), col };
    case 'Home':
      return key.ctrl ? { row: first, col: 0 } : { row, col: 0 };
    case 'End':
      return key.ctrl ? { row: last, col: lastCol } : { row, col: lastCol };
    case 'PageDown':
      return { row: Math.min(last, row + page), col };
    case 'PageUp':
      // From the header there is nothing above; from a row, stop at the first row, not the header.
      return row === -1 ? { row, col } : { row: Math.max(first, row - page), col };
    default:
      return null;
  }
}

/** Keep a position inside the grid after the view shrinks (a filter, a delete). */
export function clampActive(pos: CellPos, b: GridBounds): CellPos {
  return {
    row: Math.max(-1, Math.min(pos.row, b.rows - 1)),
    col: Math.max(0, Math.min(pos.col, b.cols - 1)),
  };
}

export function samePos(a: CellPos, b: CellPos): boolean {
  return a.row === b.row && a.col === b.col;
}

/**
 * The active cell after an edit is saved with a key, as in a spreadsheet: Enter goes down a row,
 * Shift+Enter up, Tab right, Shift+Tab left; never past the first or last row (not to the header)
 * nor past the first or last column.
 */
export function afterCommit(pos: CellPos, move: 'stay' | 'left' | 'right' | 'up' | 'down', b: Omit<GridBounds, 'page'>): CellPos {
  const dRow = move === 'down' ? 1 : move === 'up' ? -1 : 0;
  const dCol = move === 'right' ? 1 : move === 'left' ? -1 : 0;
  return {
    row: Math.max(0, Math.min(b.rows - 1, pos.row + dRow)),
    col: Math.max(0, Math.min(b.cols - 1, pos.col + dCol)),
  };
}
