import { describe, expect, it } from 'vitest';
import { nextTask } from './next-task';

describe('nextTask', () => {
  it('lets a task queued before it run first', async () => {
    const order: string[] = [];
    setImmediate(() => order.push('queued'));
    await nextTask();
    order.push('after the pause');
    expect(order).toEqual(['queued', 'after the pause']);
  });

  it('costs no timer clamp: 200 pauses in a row take well under a millisecond each', async () => {
    const start = performance.now();
    for (let i = 0; i < 200; i++) await nextTask();
    expect(performance.now() - start).toBeLessThan(100);
  });
});
