// The export's second thread when the CLI runs from its sources (cli/trainset.mjs without a fresh
// bundle): tsx's loader, registered in this thread as cli/trainset.mjs registers it in the first.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
