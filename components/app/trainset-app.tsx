'use client';

import { StoreProvider } from '@/components/store/store-provider';
import { AppShell } from './app-shell';

/** The whole app: one store for the page, and the shell that shows each phase. */
export function TrainsetApp() {
  return (
    <StoreProvider>
      <AppShell />
    </StoreProvider>
  );
}
