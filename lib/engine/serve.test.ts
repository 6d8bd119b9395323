import { describe, expect, it } from 'vitest';
import { DEFAULT_CHOICES } from './engine';
import { EngineService } from './api';
import { serveEngine, serveInOrder } from './serve';

/** A service that logs when each call starts and ends; `loadFile` waits before it ends, as reading a file does. */
class Logged {
  log: string[] = [];
  private call(name: string): string {
    this.log.push(name);
    return name;
  }
  async loadFile(): Promise<string> {
    this.log.push('loadFile started');
    await new Promise((resolve) => setTimeout(resolve, 20));
    return this.call('loadFile');
  }
  edit = () => this.call('edit');
  distribution = () => this.call('distribution');
  splitPreview = () => this.call('splitPreview');
  rows = () => this.call('rows');
  setView = () => this.call('setView');
  async checks(): Promise<string> {
    this.log.push('checks started');
    await new Promise((resolve) => setTimeout(resolve, 20));
    return this.call('checks');
  }
}

describe('serveInOrder', () => {
  it('serves calls in the order they were made, a call that waits included', async () => {
    const service = new Logged();
    const served = serveInOrder(service);
    await Promise.all([served.loadFile(), served.edit(), served.rows()]);
    expect(service.log).toEqual(['loadFile started', 'loadFile', 'edit', 'rows']);
  });

  it('serves rows and a sort asked after background calls before them (the first click after a change does not wait for the charts)', async () => {
    const service = new Logged();
    const served = serveInOrder(service);
    await Promise.all([served.edit(), served.distribution(), served.splitPreview(), served.setView(), served.rows()]);
    expect(service.log).toEqual(['edit', 'setView', 'rows', 'distribution', 'splitPreview']);
  });

  it('never serves a read before a change made before it', async () => {
    const service = new Logged();
    const served = serveInOrder(service);
    await Promise.all([served.distribution(), served.edit(), served.rows()]);
    expect(service.log).toEqual(['distribution', 'edit', 'rows']);
  });

  it('runs a call beside the queue after the calls before it, without holding up later ones', async () => {
    const service = new Logged();
    const served = serveInOrder(service);
    await Promise.all([served.edit(), served.checks(), served.rows()]);
    const at = (name: string) => service.log.indexOf(name);
    expect(at('checks started')).toBeGreaterThan(at('edit'));
    expect(at('rows')).toBeLessThan(at('checks'));
  });

  it('passes a failure to its caller and goes on with the next call', async () => {
    const served = serveInOrder({
      fail: () => {
        throw new Error('broken');
      },
      ok: () => 'ok',
    });
    await expect(served.fail()).rejects.toThrow('broken');
    await expect(served.ok()).resolves.toBe('ok');
  });
});

describe('serveEngine: the quality checks wait while the user works', () => {
  const csv =
    'inquiry,category,sub_category\n' + Array.from({ length: 50 }, (_, i) => `question ${i},${i % 2 ? 'Billing' : 'Shipping'},s${i % 3}`).join('\n') + '\n';

  it('start only once no call the user waits for has come for a moment, and then answer', async () => {
    const served = serveEngine(new EngineService(() => {}));
    const loaded = await served.loadFile(new Blob([csv]), 'inquiries.csv', {});
    expect(loaded.ok).toBe(true);
    served.setMapping({ text: 'inquiry', labels: ['category', 'sub_category'] });
    let answered = 0;
    const checking = served.checks(DEFAULT_CHOICES).then((report) => {
      answered = performance.now();
      return report;
    });
    // Scrolling: rows asked every 40 ms for 400 ms.
    let lastRows = 0;
    for (let i = 0; i < 10; i++) {
      served.rows(0, 20);
      lastRows = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 40));
      expect(answered).toBe(0);
    }
    const report = await checking;
    expect(report?.rows).toBe(50);
    expect(answered - lastRows).toBeGreaterThanOrEqual(100);
  });

  it('a scroll the page signals (userActive) holds them like a call for rows: they answer only once it stops', async () => {
    const served = serveEngine(new EngineService(() => {}));
    await served.loadFile(new Blob([csv]), 'inquiries.csv', {});
    served.setMapping({ text: 'inquiry', labels: ['category', 'sub_category'] });
    await new Promise((resolve) => setTimeout(resolve, 200));
    let answered = 0;
    const checking = served.checks(DEFAULT_CHOICES).then(() => (answered = performance.now()));
    let lastSignal = 0;
    for (let i = 0; i < 6; i++) {
      served.userActive();
      lastSignal = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 40));
      expect(answered).toBe(0);
    }
    await checking;
    expect(answered - lastSignal).toBeGreaterThanOrEqual(100);
  });

  it('a new file read while the checks of the last one wait: the checks asked last answer, for the new file', async () => {
    const served = serveEngine(new EngineService(() => {}));
    await served.loadFile(new Blob([csv]), 'first.csv', {});
    const first = served.checks(DEFAULT_CHOICES);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = csv.split('\n').slice(0, 23).join('\n') + '\n';
    await served.loadFile(new Blob([second]), 'second.csv', {});
    const last = served.checks(DEFAULT_CHOICES);
    expect((await last)?.rows).toBe(22);
    expect(await first).toBeNull();
  });

  it('the slow ones wait while a token count the user asked for runs, then answer', async () => {
    const served = serveEngine(new EngineService(() => {}));
    const many =
      'inquiry,category,sub_category\n' + Array.from({ length: 20_000 }, (_, i) => `question number ${i} about my order,c${i % 4},s${i % 3}`).join('\n') + '\n';
    await served.loadFile(new Blob([many]), 'many.csv', {});
    served.setMapping({ text: 'inquiry', labels: ['category', 'sub_category'] });
    const order: string[] = [];
    const counted = served.countTokens(DEFAULT_CHOICES).then(() => order.push('tokens counted'));
    const checked = served.slowChecks(DEFAULT_CHOICES).then(() => order.push('checks answered'));
    await Promise.all([counted, checked]);
    expect(order).toEqual(['tokens counted', 'checks answered']);
  });

  /** A file large enough that a token count takes several slices, loaded and mapped. */
  async function servedWithManyRows(): Promise<EngineService> {
    const served = serveEngine(new EngineService(() => {}));
    const many =
      'inquiry,category,sub_category\n' + Array.from({ length: 20_000 }, (_, i) => `question number ${i} about my order,c${i % 4},s${i % 3}`).join('\n') + '\n';
    await served.loadFile(new Blob([many]), 'many.csv', {});
    served.setMapping({ text: 'inquiry', labels: ['category', 'sub_category'] });
    // Past the quiet time after the load, so that the checks start at once.
    await new Promise((resolve) => setTimeout(resolve, 200));
    return served;
  }

  it('the quick checks pause too while a count the user asked for runs (it is what they wait for), and answer after it', async () => {
    const served = await servedWithManyRows();
    const order: string[] = [];
    const checked = served.checks(DEFAULT_CHOICES).then(() => order.push('checks answered'));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const counted = served.countTokens(DEFAULT_CHOICES, true).then(() => order.push('tokens counted'));
    await Promise.all([counted, checked]);
    expect(order).toEqual(['tokens counted', 'checks answered']);
  });

  it('the quick checks do not wait for the count made by itself after an edit (they decide the downloads)', async () => {
    const served = await servedWithManyRows();
    const order: string[] = [];
    const counted = served.countTokens(DEFAULT_CHOICES).then(() => order.push('tokens counted'));
    const checked = served.checks(DEFAULT_CHOICES).then(() => order.push('checks answered'));
    await Promise.all([counted, checked]);
    expect(order).toEqual(['checks answered', 'tokens counted']);
  });
});
