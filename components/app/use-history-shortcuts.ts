'use client';

import { useEffect } from 'react';
import { useTrainsetApi } from '@/components/store/store-provider';
import { historyShortcut, isTextEditingTarget } from './shortcuts';

/**
 * Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z and Ctrl+Y anywhere on the page undo and redo dataset changes,
 * except while typing (the field's own undo wins) or in a dialog. A component that handles the
 * keys itself calls `preventDefault()` and is left alone.
 */
export function useHistoryShortcuts(enabled: boolean): void {
  const api = useTrainsetApi();
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const action = historyShortcut(e);
      if (!action) return;
      const target = e.target instanceof Element ? e.target : null;
      if (isTextEditingTarget(target as HTMLElement | null) || target?.closest('dialog')) return;
      e.preventDefault();
      const s = api.getState();
      if (action === 'undo' && s.status.canUndo) void s.undo();
      if (action === 'redo' && s.status.canRedo) void s.redo();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [api, enabled]);
}
