import { describe, expect, it, vi } from 'vitest';
import type { Lab } from '../emulator/api';
import { emitCommand, onCommand, publishLab, whenLab } from './lab-bus';

const fakeLab = (name: string) => ({ name }) as unknown as Lab;

describe('lab bus', () => {
  it('calls whenLab at once when published, and again after a republish', () => {
    const first = { lab: fakeLab('a'), reset: async () => {} };
    publishLab('bus-test-1', first);
    const seen: unknown[] = [];
    const stop = whenLab('bus-test-1', (h) => seen.push(h.lab));
    const second = { lab: fakeLab('b'), reset: async () => {} };
    publishLab('bus-test-1', second);
    stop();
    publishLab('bus-test-1', first);
    expect(seen).toEqual([first.lab, second.lab]);
  });

  it('waits for a lab published later and keeps keys apart', () => {
    const cb = vi.fn();
    whenLab('bus-test-2', cb);
    publishLab('bus-test-other', { lab: fakeLab('x'), reset: async () => {} });
    expect(cb).not.toHaveBeenCalled();
    publishLab('bus-test-2', { lab: fakeLab('y'), reset: async () => {} });
    expect(cb).toHaveBeenCalledTimes(1);
  });

  it('delivers commands and survives a throwing listener', () => {
    const got: [string, number][] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    onCommand('bus-test-3', () => {
      throw new Error('boom');
    });
    const stop = onCommand('bus-test-3', (line, status) => got.push([line, status]));
    emitCommand('bus-test-3', 'docker ps', 0);
    stop();
    emitCommand('bus-test-3', 'ignored', 1);
    expect(got).toEqual([['docker ps', 0]]);
    spy.mockRestore();
  });
});
