/// <reference lib="webworker" />
/**
 * The dataset worker: parsing, edits, views and exports run here so the page never freezes.
 * This file only serves the engine on the worker's port and holds the lock that tells the page
 * this worker is alive (see client.ts).
 */
import { expose } from '../rpc';
import { EngineService, type ServiceEvent } from './api';
import { serveEngine } from './serve';

const scope = self as unknown as DedicatedWorkerGlobalScope;

let emit: (event: ServiceEvent) => void = () => {};
const service = new EngineService((event) => emit(event));
const served = expose<EngineService, ServiceEvent>(serveEngine(service), scope);
emit = served.emit;

// The worker's name is the lock it holds while it lives: the browser releases it when the worker
// ends, however it ends (self.close(), a crash, the tab killing it), and the page is waiting for it.
if (scope.navigator.locks) {
  void scope.navigator.locks.request(scope.name, () => {
    served.ready();
    return new Promise<never>(() => {});
  });
} else {
  served.ready();
}
