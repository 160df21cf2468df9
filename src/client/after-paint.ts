/**
 * Runs work once the browser has had the chance to paint what is already
 * done: the next animation frame, then a task after it. An exercise grades
 * its checks on a newly published lab this way, so the terminal shows itself
 * ready before the checks (a few ms per exercise) run, instead of after.
 * A page in a background tab gets no frames: a timer runs the work then.
 */
export interface PaintClock {
  requestAnimationFrame?: (callback: () => void) => unknown;
  setTimeout: (callback: () => void, ms: number) => unknown;
}

/** How long the work waits for a frame before it runs without one (a hidden tab). */
export const NO_FRAME_MS = 100;

export function afterPaint(work: () => void, clock: PaintClock = globalThis as unknown as PaintClock): void {
  let done = false;
  const once = (): void => {
    if (done) return;
    done = true;
    work();
  };
  if (typeof clock.requestAnimationFrame === 'function') clock.requestAnimationFrame(() => clock.setTimeout(once, 0));
  clock.setTimeout(once, NO_FRAME_MS);
}
