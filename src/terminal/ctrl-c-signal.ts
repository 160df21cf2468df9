/**
 * The Ctrl-C key for one running line. An AbortController's signal fires
 * once, but a line can need several presses: after `ping x` handled the
 * first one and exited, bash goes on with the rest of the line
 * (`ping x; sleep 100`), and the next press must reach `sleep`. This signal
 * fires on every press; the emulator re-arms its side when the shell goes on
 * (emulator/core/cancel.ts).
 */
import type { AbortLike } from '../emulator/core/cancel';

export class CtrlCSignal implements AbortLike {
  /** True once any press happened (the line was interrupted at least once). */
  aborted = false;
  /** Reset stops the whole line, even when the program running handles Ctrl-C. */
  final = false;
  private readonly listeners = new Set<() => void>();

  addEventListener(_type: 'abort', listener: () => void): void {
    this.listeners.add(listener);
  }

  removeEventListener(_type: 'abort', listener: () => void): void {
    this.listeners.delete(listener);
  }

  /** One press of Ctrl-C; `final` for Reset. */
  abort(opts?: { final?: boolean }): void {
    this.aborted = true;
    if (opts?.final) this.final = true;
    for (const l of [...this.listeners]) l();
  }
}
