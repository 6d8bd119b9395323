import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import handler from 'serve-handler';
import { CSP_HEADER } from '../lib/web/csp';

/**
 * Serves the static build (`out/`) on localhost, as any static host would. The page makes no
 * request beyond its own origin; the Content-Security-Policy header makes the browser enforce it.
 */
const root = join(import.meta.dirname, '..', process.argv[2] ?? 'out');
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';

if (!existsSync(join(root, 'index.html'))) {
  process.stderr.write(`No build found in ${root}. Run "npm run build" first (npm start does both).\n`);
  process.exit(1);
}

const server = createServer((req, res) => {
  handler(req, res, {
    public: root,
    cleanUrls: true,
    headers: [
      {
        source: '**',
        headers: [
          { key: 'Content-Security-Policy', value: CSP_HEADER },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
        ],
      },
    ],
  }).catch((e: unknown) => {
    // A file that cannot be read: answer this request with an error rather than end the server.
    process.stderr.write(`Cannot serve ${req.url ?? ''}: ${e instanceof Error ? e.message : String(e)}\n`);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});

server.on('error', (e: NodeJS.ErrnoException) => {
  process.stderr.write(e.code === 'EADDRINUSE' ? `Port ${port} is in use. Start with another: PORT=3001 npm start\n` : `Cannot serve: ${e.message}\n`);
  process.exit(1);
});

server.listen(port, host, () => {
  process.stdout.write(`Trainset is running at http://${host === '127.0.0.1' ? 'localhost' : host}:${port}/ (Ctrl+C to stop)\n`);
});
