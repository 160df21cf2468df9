/**
 * Runs asynchronous steps one after another, each started in its own idle
 * callback once the previous one has finished: a piece of background work
 * (the emulator's programs' code, preloaded once a terminal is ready) then
 * never puts more than one step's main-thread time between the student's
 * keystrokes and their handling. A step that fails does not stop the others.
 * DOM only (requestIdleCallback); a timer where the browser has none.
 */
export interface IdleClock {
  requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => unknown;
  setTimeout: (callback: () => void, ms: number) => unknown;
}

export type Step = () => Promise<unknown> | unknown;

/**
 * Resolves once every step has run (or failed). `timeout`: the longest a
 * step waits for the browser to be idle before it starts anyway.
 */
export function runStepsWhenIdle(steps: readonly Step[], timeout: number, clock: IdleClock = globalThis as unknown as IdleClock): Promise<void> {
  const idle = (): Promise<void> =>
    new Promise((resolve) => {
      if (typeof clock.requestIdleCallback === 'function') clock.requestIdleCallback(() => resolve(), { timeout });
      else clock.setTimeout(() => resolve(), 0);
    });
  return steps.reduce<Promise<void>>(
    (previous, step) =>
      previous
        .then(idle)
        .then(() => step())
        .then(
          () => undefined,
          () => undefined,
        ),
    Promise.resolve(),
  );
}
