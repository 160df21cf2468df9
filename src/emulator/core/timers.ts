/**
 * Real waiting, for live terminals only (ping printing once a second). The
 * emulator compiles without the DOM lib, so the global timer is declared
 * here; Node and browsers both provide it. Virtual time never depends on it.
 */
declare const setTimeout: (cb: () => void, ms: number) => unknown;
declare const clearTimeout: (handle: unknown) => void;

export function realDelay(ms: number, onAbort: (cancel: () => void) => void): Promise<void> {
  return new Promise((resolve) => {
    const handle = setTimeout(resolve, ms);
    onAbort(() => {
      clearTimeout(handle);
      resolve();
    });
  });
}
