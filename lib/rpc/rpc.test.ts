import { describe, expect, it } from 'vitest';
import { connect, expose, transfer, type Remote } from './index';

class Service {
  calls = 0;
  lastIds: Int32Array | null = null;
  add(a: number, b: number): number {
    this.calls++;
    return a + b;
  }
  async later(text: string): Promise<string> {
    await new Promise((r) => setTimeout(r, 5));
    return text.toUpperCase();
  }
  fail(): never {
    const e = new RangeError('row 7 is outside the file');
    throw e;
  }
  ids(): Int32Array {
    const ids = new Int32Array([3, 1, 2]);
    this.lastIds = ids;
    return transfer(ids, [ids.buffer]);
  }
  async echoOn(port: MessagePort): Promise<void> {
    const message = await new Promise<unknown>((resolve) => (port.onmessage = (e) => resolve(e.data)));
    port.postMessage({ echo: message });
  }
  never(): Promise<void> {
    return new Promise(() => {});
  }
}

function pair<E = never>(service = new Service()) {
  const { port1, port2 } = new MessageChannel();
  const served = expose<Service, E>(service, port1);
  const connection = connect<Service, E>(port2);
  return { service, served, connection, remote: connection.remote, close: () => (port1.close(), port2.close()) };
}

describe('the typed channel', () => {
  it('answers calls with what the method returned or resolved to', async () => {
    const { remote, close } = pair();
    expect(await remote.add(2, 3)).toBe(5);
    expect(await remote.later('ok')).toBe('OK');
    close();
  });

  it('is not a thenable: awaiting the remote does not call the other side', async () => {
    const { remote, service, close } = pair();
    const r: Remote<Service> = await Promise.resolve(remote);
    expect(r).toBe(remote);
    expect((remote as unknown as { then?: unknown }).then).toBeUndefined();
    expect(service.calls).toBe(0);
    close();
  });

  it('sends errors across with their name, message and both stacks', async () => {
    const { remote, close } = pair();
    const e = await remote.fail().catch((x: unknown) => x as Error);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('RangeError');
    expect(e.message).toBe('row 7 is outside the file');
    expect(e.stack).toMatch(/Service\.fail|fail/);
    expect(e.stack).toMatch(/called from/);
    close();
  });

  it('says when a method does not exist', async () => {
    const { connection, close } = pair();
    const remote = connection.remote as unknown as Record<string, () => Promise<unknown>>;
    await expect(remote.missing!()).rejects.toThrow(/no method "missing"/);
    close();
  });

  it('moves marked typed arrays instead of copying them', async () => {
    const { remote, service, close } = pair();
    const ids = await remote.ids();
    expect(Array.from(ids)).toEqual([3, 1, 2]);
    // Moved: the sender's copy is detached.
    expect(service.lastIds?.byteLength).toBe(0);
    close();
  });

  it('moves marked arguments too: a MessagePort handed to the other side', async () => {
    const { remote, close } = pair();
    const { port1, port2 } = new MessageChannel();
    const echoed = new Promise((resolve) => (port1.onmessage = (e) => resolve(e.data)));
    const answered = remote.echoOn(transfer(port2, [port2]));
    port1.postMessage('hello');
    await answered;
    expect(await echoed).toEqual({ echo: 'hello' });
    port1.close();
    close();
  });

  it('fails every call in flight, and every later call, when the other side is gone', async () => {
    const { remote, connection, close } = pair();
    const hanging = remote.never();
    await new Promise((r) => setTimeout(r, 5));
    expect(connection.pending).toBe(1);
    connection.fail(new Error('The data worker stopped.'));
    await expect(hanging).rejects.toThrow('The data worker stopped.');
    await expect(remote.add(1, 1)).rejects.toThrow('The data worker stopped.');
    expect(connection.pending).toBe(0);
    close();
  });

  it('delivers events beside the calls and tells when the service is ready', async () => {
    const { served, connection, close } = pair<{ progress: number }>();
    const seen: number[] = [];
    const stop = connection.onEvent((e) => seen.push(e.progress));
    served.emit({ progress: 1 });
    served.ready();
    await connection.ready;
    served.emit({ progress: 2 });
    await new Promise((r) => setTimeout(r, 5));
    stop();
    served.emit({ progress: 3 });
    await new Promise((r) => setTimeout(r, 5));
    expect(seen).toEqual([1, 2]);
    close();
  });

  it('rejects a call whose arguments cannot be cloned, naming the method', async () => {
    const { remote, close } = pair();
    await expect((remote.add as unknown as (f: () => void) => Promise<number>)(() => {})).rejects.toThrow(/^add: /);
    close();
  });
});
