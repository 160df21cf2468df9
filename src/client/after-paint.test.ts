import { describe, expect, it } from 'vitest';
import { afterPaint, NO_FRAME_MS, type PaintClock } from './after-paint';

/** A clock whose frames and timers run only when the test says. */
function fakeClock(withFrames = true) {
  const frames: (() => void)[] = [];
  const timers: { at: number; callback: () => void }[] = [];
  let now = 0;
  const clock: PaintClock = {
    setTimeout: (callback, ms) => timers.push({ at: now + ms, callback }),
    ...(withFrames ? { requestAnimationFrame: (callback: () => void) => frames.push(callback) } : {}),
  };
  const advance = (ms: number) => {
    now += ms;
    for (const t of timers.filter((t) => t.at <= now)) {
      timers.splice(timers.indexOf(t), 1);
      t.callback();
    }
  };
  const frame = () => frames.splice(0).forEach((f) => f());
  return { clock, advance, frame };
}

describe('afterPaint', () => {
  it('runs the work a task after the next frame, not before', () => {
    const { clock, advance, frame } = fakeClock();
    let runs = 0;
    afterPaint(() => runs++, clock);
    advance(0);
    expect(runs).toBe(0);
    frame();
    expect(runs).toBe(0);
    advance(0);
    expect(runs).toBe(1);
  });

  it('runs the work once, though the fallback timer fires too', () => {
    const { clock, advance, frame } = fakeClock();
    let runs = 0;
    afterPaint(() => runs++, clock);
    frame();
    advance(NO_FRAME_MS);
    expect(runs).toBe(1);
  });

  it('runs the work without a frame (a hidden tab) once the fallback timer fires', () => {
    const { clock, advance } = fakeClock();
    let runs = 0;
    afterPaint(() => runs++, clock);
    advance(NO_FRAME_MS - 1);
    expect(runs).toBe(0);
    advance(1);
    expect(runs).toBe(1);
  });

  it('works where there is no requestAnimationFrame at all', () => {
    const { clock, advance } = fakeClock(false);
    let runs = 0;
    afterPaint(() => runs++, clock);
    advance(NO_FRAME_MS);
    expect(runs).toBe(1);
  });
});
