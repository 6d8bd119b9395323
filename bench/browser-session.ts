// The browser side of the browser bench: Chromium launched as the browser tests launch it, and one
// page of the app with the in-page probe (page-probe.ts) and a CDP session that reads the data
// worker's heap.
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../cli/chromium';
import type { Heap } from './browser-figures';
import { BenchError } from './env';
import { PAGE_PROBE, PROBE_GLOBAL, type BenchProbe, type CheckSpec, type LongFrame, type LongTask, type Timing, type Trigger } from './page-probe';
import { checkInterrupted } from './processes';
import { chromiumRss } from './process-stats';

const MB = 2 ** 20;

/** The browser tests' Chromium arguments (cli/chromium.ts), plus precise heap figures. */
const launchArgs = [
  ...CHROMIUM_ARGS,
  // performance.memory is otherwise rounded and updated only every 20 minutes or so.
  '--enable-precise-memory-info',
];

/** Chromium, without Playwright's own signal handling (the bench stops it itself). */
export function launchChromium(executablePath: string | undefined): Promise<Browser> {
  return chromium.launch({ ...(executablePath ? { executablePath } : {}), args: launchArgs, handleSIGINT: false, handleSIGTERM: false });
}

type ProbeMethod = { [K in keyof BenchProbe]: BenchProbe[K] extends (...a: never[]) => unknown ? K : never }[keyof BenchProbe];
type ProbeResult<K extends ProbeMethod> = Awaited<ReturnType<BenchProbe[K]>>;

/**
 * Calls the in-page probe. The call is sent as an expression with JSON arguments rather than as a
 * function: tsx would wrap a function's inner helpers in a `__name` the page does not have.
 */
export function callProbe<K extends ProbeMethod>(page: Page, method: K, ...args: Parameters<BenchProbe[K]>): Promise<ProbeResult<K>> {
  return page.evaluate(`window.${PROBE_GLOBAL}.${method}(${args.map((a) => JSON.stringify(a)).join(', ')})`) as Promise<ProbeResult<K>>;
}

interface CdpReply {
  result?: { usedSize?: number; backingStorageSize?: number };
  error?: unknown;
}

export class Session {
  private cdp!: CDPSession;
  private workerSessions: string[] = [];
  private nextId = 1;
  private waiting = new Map<number, (m: CdpReply) => void>();
  readonly errors: string[] = [];

  constructor(
    readonly page: Page,
    readonly context: BrowserContext,
    private readonly rows: number,
  ) {}

  static async open(b: Browser, url: string, rows: number): Promise<Session> {
    const context = await b.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    await context.addInitScript({ content: PAGE_PROBE });
    const page = await context.newPage();
    const s = new Session(page, context, rows);
    page.on('pageerror', (e) => s.errors.push(`page error: ${e.message}`));
    page.on('crash', () => s.errors.push('the page crashed'));
    // The worker's heap: CDP auto-attach (not flattened) to the page's dedicated workers.
    s.cdp = await context.newCDPSession(page);
    s.cdp.on('Target.attachedToTarget', (e) => {
      if (e.targetInfo.type === 'worker') s.workerSessions.push(e.sessionId);
    });
    s.cdp.on('Target.detachedFromTarget', (e) => {
      s.workerSessions = s.workerSessions.filter((id) => id !== e.sessionId);
    });
    s.cdp.on('Target.receivedMessageFromTarget', (e) => {
      let message: CdpReply & { id?: number };
      try {
        message = JSON.parse(e.message) as typeof message;
      } catch {
        return;
      }
      if (message.id === undefined) return;
      const done = s.waiting.get(message.id);
      if (done) {
        s.waiting.delete(message.id);
        done(message);
      }
    });
    await s.cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
    await page.goto(url);
    return s;
  }

  /** Used JS heap of the page (performance.memory) and of the data worker (CDP Runtime.getHeapUsage), in MB. */
  async heap(): Promise<Heap> {
    const page = await callProbe(this.page, 'pageHeap').catch(() => null);
    let worker: number | null = null;
    let buffers: number | null = null;
    for (const sessionId of this.workerSessions) {
      const usage = await this.workerHeap(sessionId);
      if (usage === null) continue;
      worker = (worker ?? 0) + usage.usedSize;
      if (usage.backingStorageSize !== undefined) buffers = (buffers ?? 0) + usage.backingStorageSize;
    }
    const rss = chromiumRss();
    const inMb = (v: number | null) => (v === null ? null : v / MB);
    return {
      pageMb: inMb(page),
      workerMb: inMb(worker),
      workerBuffersMb: inMb(buffers),
      rendererRssMb: rss?.renderer ?? null,
      chromiumRssMb: rss?.all ?? null,
    };
  }

  private workerHeap(sessionId: string): Promise<{ usedSize: number; backingStorageSize?: number } | null> {
    return new Promise((resolve) => {
      const id = this.nextId++;
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        resolve(null);
      }, 10_000);
      this.waiting.set(id, (m) => {
        clearTimeout(timer);
        const r = m.result;
        resolve(
          typeof r?.usedSize === 'number'
            ? { usedSize: r.usedSize, ...(typeof r.backingStorageSize === 'number' ? { backingStorageSize: r.backingStorageSize } : {}) }
            : null,
        );
      });
      this.cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) }).catch(() => {
        clearTimeout(timer);
        this.waiting.delete(id);
        resolve(null);
      });
    });
  }

  async arm(id: string, check: CheckSpec, trigger: Trigger | null): Promise<void> {
    await callProbe(this.page, 'arm', id, check, trigger);
  }

  /** Waits for an armed check; throws when it never held, or held before its trigger. */
  async wait(id: string, what: string, timeoutMs: number): Promise<Timing> {
    const t = await callProbe(this.page, 'wait', id, timeoutMs);
    checkInterrupted();
    this.throwPageErrors(what);
    if (t.timedOut) throw new BenchError(`${what}: not seen within ${Math.round(timeoutMs / 1000)} s${await this.whatThePageSays()}`);
    if (t.early) throw new BenchError(`${what}: the page changed before the action was taken, so it cannot be timed`);
    return t;
  }

  /** As wait, but a timeout is a result (the app did not get there), not a failure of the run. */
  async waitOrTimeout(id: string, what: string, timeoutMs: number): Promise<Timing> {
    const t = await callProbe(this.page, 'wait', id, timeoutMs);
    checkInterrupted();
    this.throwPageErrors(what);
    if (t.early) throw new BenchError(`${what}: the page changed before the action was taken, so it cannot be timed`);
    return t;
  }

  throwPageErrors(what: string): void {
    if (this.errors.length > 0) throw new BenchError(`${what}: ${this.errors[0]}`);
  }

  /** What the page shows, for a timeout message: its alert or status line. */
  private async whatThePageSays(): Promise<string> {
    const alert = await this.page
      .getByRole('alert')
      .first()
      .textContent({ timeout: 500 })
      .catch(() => null);
    if (alert) return ` (the page says: ${alert.trim().slice(0, 200)})`;
    const status = await callProbe(this.page, 'statusText').catch(() => null);
    return status ? ` (status line: "${status}")` : '';
  }

  now(): Promise<number> {
    return callProbe(this.page, 'now');
  }

  async longTasks(): Promise<{ supported: boolean; tasks: LongTask[]; frames: LongFrame[] }> {
    // Long-task entries arrive after the task ends; let the observer deliver them.
    await this.page.waitForTimeout(100);
    const tasks = await callProbe(this.page, 'takeLongTasks');
    const frames = await callProbe(this.page, 'takeLongFrames');
    return { supported: tasks !== null, tasks: tasks ?? [], frames };
  }

  /** Timeouts grow with the file: a step of the 1M run may take ten times the 100k one. */
  timeout(baseMs: number): number {
    return baseMs * Math.max(1, this.rows / 100_000);
  }
}

export async function waitNotBusy(page: Page, timeoutMs: number): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (await page.evaluate(() => document.querySelector('button[aria-busy="true"]') !== null)) {
    if (performance.now() > until) throw new BenchError('downloading: the export panel stayed busy');
    await sleep(20);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
