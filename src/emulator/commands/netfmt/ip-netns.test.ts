import { describe, expect, it } from 'vitest';
import { ipNetnsList } from './ip-netns';

describe('ip netns list', () => {
  it('one name per line, with the id when there is one', () => {
    expect(ipNetnsList([{ name: 'red', id: 0 }, { name: 'blue' }])).toBe('red (id: 0)\nblue\n');
  });
  it('prints nothing when there is none (Docker keeps its own elsewhere)', () => {
    expect(ipNetnsList([])).toBe('');
  });
});
