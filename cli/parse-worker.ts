// The worker thread of cli/parse-thread.ts: reads the second part of a file for `exportCsvInTwo`.
import { parentPort, workerData } from 'node:worker_threads';
import { collectCsvPart, partTransferables } from '../lib/export';
import { FileBytes } from './file-bytes';
import type { PartTask } from './parse-thread';

const task = workerData as PartTask;
// Read in pieces through one reused buffer, as the first part is (see FileBytes).
const bytes = FileBytes.range(task.fd, task.start, task.end);

parentPort!.once('message', ({ header, delimiter }: { header: string[]; delimiter: string }) => {
  const result = collectCsvPart(bytes, header, delimiter, task.settings, task.plainWrites);
  parentPort!.postMessage(result, result ? partTransferables(result.part) : []);
});
