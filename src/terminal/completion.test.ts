import { describe, expect, it } from 'vitest';
import { completionStep, formatColumns, longestCommonPrefix } from './completion';

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

describe('completionStep', () => {
  it('completes a unique word and adds a space', () => {
    expect(completionStep('docker netw', ['network'])).toEqual({ kind: 'insert', text: 'ork ' });
  });

  it('adds no space after a directory or an option ending in =', () => {
    expect(completionStep('cat /et', ['/etc/'])).toEqual({ kind: 'insert', text: 'c/' });
    expect(completionStep('docker run --netw', ['--network='])).toEqual({ kind: 'insert', text: 'ork=' });
  });

  it('extends to the common prefix first, then lists when nothing more is shared', () => {
    expect(completionStep('docker network c', ['container-a', 'container-b'])).toEqual({ kind: 'insert', text: 'ontainer-' });
    expect(completionStep('docker network c', ['connect', 'create'])).toEqual({ kind: 'list', candidates: ['connect', 'create'] });
  });

  it('does nothing without candidates, and ignores candidates for another word', () => {
    expect(completionStep('frobnicate', [])).toEqual({ kind: 'none' });
    expect(completionStep('docker ps', ['network'])).toEqual({ kind: 'none' });
  });
});
