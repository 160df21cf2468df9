import { describe, expect, it } from 'vitest';
import { chooseVariant, variantStorageKey } from './breakfix-variant';

describe('chooseVariant', () => {
  it('takes ?variant=N first, then the saved choice, then 1', () => {
    expect(chooseVariant('?variant=3', '2', 3)).toBe(3);
    expect(chooseVariant('', '2', 3)).toBe(2);
    expect(chooseVariant('', null, 3)).toBe(1);
  });
  it('ignores numbers outside 1..count and nonsense', () => {
    expect(chooseVariant('?variant=9', null, 3)).toBe(1);
    expect(chooseVariant('?variant=x', '0', 3)).toBe(1);
    expect(chooseVariant('?variant=0', '3', 3)).toBe(3);
  });
  it('keys the choice by lesson and lab', () => {
    expect(variantStorageKey('troubleshooting', 'web-db')).toBe('dnho-breakfix-variant:troubleshooting:web-db');
  });
});
