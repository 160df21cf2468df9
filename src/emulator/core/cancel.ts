/**
 * Ctrl-C for the emulator. The emulator compiles without the DOM and must not
 * depend on AbortSignal's availability, so it carries its own small token.
 * Lab.run accepts either this or anything with `aborted` and
 * `addEventListener('abort', …)` (an AbortSignal).
 */
export interface Interrupt {
  readonly aborted: boolean;
  onAbort(listener: () => void): () => void;
}

export interface AbortLike {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

export class InterruptSource implements Interrupt {
  private listeners = new Set<() => void>();
  private fired = false;

  get aborted(): boolean {
    return this.fired;
  }

  onAbort(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  abort(): void {
    if (this.fired) return;
    this.fired = true;
    for (const l of [...this.listeners]) l();
  }
}

export function interruptFrom(signal?: AbortLike | Interrupt): Interrupt {
  const src = new InterruptSource();
  if (!signal) return src;
  if ('onAbort' in signal) return signal;
  if (signal.aborted) src.abort();
  else signal.addEventListener('abort', () => src.abort());
  return src;
}
