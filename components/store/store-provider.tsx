'use client';

import { zipSync } from 'fflate';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { StoreApi } from 'zustand';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { createEngineClient } from '@/lib/engine';
import { createTrainsetStore, type TrainsetState } from '@/lib/store';
import { openStreamedDownload, registerDownloadWorker } from './stream-download';

const StoreContext = createContext<StoreApi<TrainsetState> | null>(null);

const SAMPLE_URL = 'sample/customer-support-sample.csv';

function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL is revoked.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function makeStore(): StoreApi<TrainsetState> {
  return createTrainsetStore({
    engine: createEngineClient(),
    async fetchSample() {
      const res = await fetch(SAMPLE_URL);
      if (!res.ok) throw new Error(`the sample could not be loaded (${res.status})`);
      return new File([await res.blob()], 'customer-support-sample.csv', { type: 'text/csv' });
    },
    save: saveBlob,
    openStream: openStreamedDownload,
    zip: (files) => zipSync(files, { level: 6 }),
  });
}

/** Creates the one store of the page (in the browser only) and restores the saved session. */
export function StoreProvider({ children }: { children: ReactNode }) {
  const [store] = useState(makeStore);
  useEffect(() => {
    void store.getState().restore();
    registerDownloadWorker();
  }, [store]);
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

function useStoreApi(): StoreApi<TrainsetState> {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useTrainset must be used inside <StoreProvider>.');
  return store;
}

/** Read a narrow piece of the state; re-renders only when that piece changes (shallowly). */
export function useTrainset<T>(selector: (s: TrainsetState) => T): T {
  return useStore(useStoreApi(), useShallow(selector));
}

/** The store itself, for event handlers that read the latest state without subscribing. */
export function useTrainsetApi(): StoreApi<TrainsetState> {
  return useStoreApi();
}
