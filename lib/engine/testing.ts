import type { OpenDatabase } from './persist';

/** Open Trainset's database on a given IndexedDB (tests: fake-indexeddb's IDBFactory). */
export function openDatabase(factory: IDBFactory, name = 'trainset'): OpenDatabase {
  return () =>
    new Promise((resolve, reject) => {
      const request = factory.open(name, 1);
      request.onupgradeneeded = () => {
        for (const store of ['file', 'state', 'changes']) if (!request.result.objectStoreNames.contains(store)) request.result.createObjectStore(store);
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
}
