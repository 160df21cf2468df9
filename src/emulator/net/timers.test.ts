import { describe, expect, it } from 'vitest';
import { TimerQueue } from './timers';

describe('TimerQueue', () => {
  it('gives jobs back in time order, same-time jobs in the order they were scheduled', () => {
    const q = new TimerQueue();
    const ran: string[] = [];
    q.schedule(3000, () => ran.push('c'));
    q.schedule(1000, () => ran.push('a'));
    q.schedule(1000, () => ran.push('b'), 'k');
    expect(q.nextAt()).toBe(1000);
    expect(q.takeDue(500)).toBeUndefined();
    for (let job = q.takeDue(2000); job; job = q.takeDue(2000)) job(undefined as never);
    expect(ran).toEqual(['a', 'b']);
    expect(q.pending('k')).toBe(false);
    expect(q.nextAt()).toBe(3000);
  });

  it('cancelFrom drops what was scheduled after a mark (the line that scheduled it ended)', () => {
    const q = new TimerQueue();
    q.schedule(1000, () => {}, 'before');
    const mark = q.mark();
    q.schedule(500, () => {}, 'after');
    expect(q.pending('after')).toBe(true);
    q.cancelFrom(mark);
    expect(q.pending('after')).toBe(false);
    expect(q.pending('before')).toBe(true);
  });
});
