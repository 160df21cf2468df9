import { describe, expect, it } from 'vitest';
import { createdAgo, humanDuration } from './human-duration';

describe('humanDuration (go-units)', () => {
  it.each([
    [999, 'Less than a second'],
    [1000, '1 second'],
    [59_999, '59 seconds'],
    [60_000, 'About a minute'],
    [119_999, 'About a minute'],
    [120_000, '2 minutes'],
    [59 * 60_000, '59 minutes'],
    [60 * 60_000, 'About an hour'],
    [89 * 60_000, 'About an hour'],
    [90 * 60_000, '2 hours'],
    [47 * 3_600_000, '47 hours'],
    [48 * 3_600_000, '2 days'],
    [14 * 86_400_000, '2 weeks'],
    [60 * 86_400_000, '2 months'],
    [730 * 86_400_000, '2 years'],
  ])('%d ms is "%s"', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });

  it('measures CREATED from whole seconds, as the API reports it', () => {
    expect(createdAgo(1_000_900, 1_001_100)).toBe('1 second ago');
  });
});
