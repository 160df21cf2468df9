/**
 * Ctrl-C for the emulator. The emulator compiles without the DOM and must not
 * depend on AbortSignal's availability, so it carries its own small token.
 * Lab.run accepts either this or anything with `aborted` and
 * `addEventListener('abort', …)` (an AbortSignal).
 */
export interface Interrupt {
  readonly aborted: boolean;
  /** The stop cannot be taken back by rearm() (a time limit, the terminal's Reset). */
  readonly final?: boolean;
  onAbort(listener: () => void): () => void;
  /**
   * The shell took this Ctrl-C as handled (the program that got it exited by
   * itself, as ping does): `aborted` is false again, so the rest of the line
   * runs and a new Ctrl-C stops it. False (and still aborted) when the stop
   * cannot be taken back: the lab's time limit ended the line, not a key
   * press. Absent: the Ctrl-C ends the line.
   */
  rearm?(): boolean;
}

export interface AbortLike {
  readonly aborted: boolean;
  /** Set before an 'abort' that must stop the whole line (the terminal's Reset), not just one program. */
  readonly final?: boolean;
  addEventListener(type: 'abort', listener: () => void): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

export class InterruptSource implements Interrupt {
  private listeners = new Set<() => void>();
  private fired = false;
  private finalStop = false;

  get aborted(): boolean {
    return this.fired;
  }

  onAbort(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get final(): boolean {
    return this.finalStop;
  }

  rearm(): boolean {
    if (this.finalStop) return false;
    this.fired = false;
    return true;
  }

  /** `final`: a stop that rearm() cannot undo (a time limit rather than one Ctrl-C). */
  abort(opts?: { final?: boolean }): void {
    if (opts?.final) this.finalStop = true;
    if (this.fired) return;
    this.fired = true;
    for (const l of [...this.listeners]) l();
  }
}

export function interruptFrom(signal?: AbortLike | Interrupt): Interrupt {
  const src = new InterruptSource();
  if (!signal) return src;
  if ('onAbort' in signal) return signal;
  if (signal.aborted) src.abort({ final: signal.final });
  // Each 'abort' fires the source again, so that a terminal whose signal can
  // fire more than once (a second Ctrl-C after one the shell took as handled)
  // reaches the commands that run after it. An AbortSignal fires only once.
  else {
    signal.addEventListener('abort', () => {
      src.rearm();
      src.abort({ final: signal.final });
    });
  }
  return src;
}
