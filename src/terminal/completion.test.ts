import { describe, expect, it } from 'vitest';
import { formatColumns, longestCommonPrefix } from './completion';

describe('completion helpers', () => {
  it('finds the longest common prefix', () => {
    expect(longestCommonPrefix(['network', 'netns', 'net'])).toBe('net');
    expect(longestCommonPrefix(['a', 'b'])).toBe('');
    expect(longestCommonPrefix([])).toBe('');
  });

  it('lays candidates out down the columns', () => {
    expect(formatColumns(['a', 'b', 'c', 'd', 'e'], 9)).toBe('a  c  e\nb  d');
  });
});
