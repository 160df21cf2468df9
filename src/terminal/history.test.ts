import { describe, expect, it } from 'vitest';
import { CommandHistory } from './history';

describe('CommandHistory', () => {
  it('browses back and returns to the draft', () => {
    const h = new CommandHistory(['one', 'two']);
    expect(h.previous('dra')).toBe('two');
    expect(h.previous('two')).toBe('one');
    expect(h.previous('one')).toBeUndefined();
    expect(h.next()).toBe('two');
    expect(h.next()).toBe('dra');
    expect(h.next()).toBeUndefined();
  });

  it('skips blank lines, lines starting with a space and repeats', () => {
    const h = new CommandHistory();
    for (const line of ['ls', 'ls', '  ', ' secret', 'pwd']) h.record(line);
    expect(h.all()).toEqual(['ls', 'pwd']);
  });

  it('keeps only the newest entries', () => {
    const h = new CommandHistory([], 2);
    for (const line of ['a', 'b', 'c']) h.record(line);
    expect(h.all()).toEqual(['b', 'c']);
  });
});
