// The static server the browser bench loads the built app from: cli/serve.ts on out/, on a free
// local port, in its own process group so that it can be stopped with all its children.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { BenchError } from './env';
import { killGroup } from './processes';

let server: ChildProcess | null = null;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** `PORT=<port> npx tsx cli/serve.ts out`, in its own process group; resolves with the URL once it listens. */
export async function startServer(root: string): Promise<string> {
  const port = await freePort();
  const child = spawn('npx', ['tsx', 'cli/serve.ts', 'out'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server = child;
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new BenchError(`the static server did not start within 60 s${output ? `: ${output.trim().slice(0, 300)}` : ''}`)),
      60_000,
    );
    const onData = (s: string) => {
      output += s;
      if (/is running at/.test(output)) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${port}/`);
      }
    };
    child.stdout?.setEncoding('utf8').on('data', onData);
    child.stderr?.setEncoding('utf8').on('data', (s: string) => (output += s));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new BenchError(`cannot start the static server: ${e.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      reject(new BenchError(`the static server stopped (exit ${code})${output ? `: ${lastLine(output)}` : ''}`));
    });
  });
}

function lastLine(text: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/npm warn/i.test(l));
  return lines.at(-1) ?? '';
}

/** Stops the server started by {@link startServer}, if any. */
export function stopServer(): void {
  killGroup(server, 'SIGTERM');
  server = null;
}
