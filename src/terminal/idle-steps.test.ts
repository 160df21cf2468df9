import { describe, expect, it } from 'vitest';
import { runStepsWhenIdle, type IdleClock } from './idle-steps';

/** A requestIdleCallback whose callbacks run only when the test calls `idle()`. */
function fakeIdle() {
  const waiting: { callback: () => void; timeout?: number }[] = [];
  const clock: IdleClock = {
    requestIdleCallback: (callback, options) => waiting.push({ callback, timeout: options?.timeout }),
    setTimeout: () => {
      throw new Error('a timer where requestIdleCallback exists');
    },
  };
  /** Runs the idle callbacks asked for so far, then lets promises settle. */
  const idle = async () => {
    for (const w of waiting.splice(0)) w.callback();
    await flush();
  };
  return { clock, idle, waiting };
}

const flush = () => new Promise((r) => setImmediate(r));

describe('runStepsWhenIdle', () => {
  it('starts one step per idle callback, each once the previous has finished', async () => {
    const { clock, idle, waiting } = fakeIdle();
    const log: string[] = [];
    let finishA!: () => void;
    const done = runStepsWhenIdle(
      [
        () => {
          log.push('a');
          return new Promise<void>((r) => (finishA = r));
        },
        () => log.push('b'),
        () => log.push('c'),
      ],
      1000,
      clock,
    );
    await flush();
    expect(log).toEqual([]);
    expect(waiting.map((w) => w.timeout)).toEqual([1000]);
    await idle();
    expect(log).toEqual(['a']);
    // a has not finished: b is not even waiting for idle time yet.
    expect(waiting).toHaveLength(0);
    finishA();
    await flush();
    expect(waiting).toHaveLength(1);
    expect(log).toEqual(['a']);
    await idle();
    expect(log).toEqual(['a', 'b']);
    await idle();
    expect(log).toEqual(['a', 'b', 'c']);
    await expect(done).resolves.toBeUndefined();
  });

  it('goes on after a step that fails or throws', async () => {
    const { clock, idle } = fakeIdle();
    const log: string[] = [];
    const done = runStepsWhenIdle(
      [
        () => Promise.reject(new Error('chunk did not arrive')),
        () => {
          throw new Error('sync');
        },
        () => log.push('last'),
      ],
      500,
      clock,
    );
    await flush();
    for (let i = 0; i < 3; i++) await idle();
    expect(log).toEqual(['last']);
    await expect(done).resolves.toBeUndefined();
  });

  it('uses a timer per step where there is no requestIdleCallback', async () => {
    const timers: (() => void)[] = [];
    const log: number[] = [];
    const done = runStepsWhenIdle([() => log.push(1), () => log.push(2)], 1000, { setTimeout: (cb) => timers.push(cb) });
    await flush();
    expect(log).toEqual([]);
    timers.shift()!();
    await flush();
    expect(log).toEqual([1]);
    timers.shift()!();
    await done;
    expect(log).toEqual([1, 2]);
  });
});
