import { describe, expect, it } from 'vitest';
import { jsonSyntaxProblem, positionAt, summarizeProblems } from './problems';

describe('summarizeProblems', () => {
  it('says when there is nothing wrong, ignoring hints and infos', () => {
    expect(summarizeProblems([])).toBe('No problems.');
    expect(summarizeProblems([{ line: 1, column: 1, message: 'info', severity: 2 }])).toBe('No problems.');
  });
  it('names one problem with its place', () => {
    expect(summarizeProblems([{ line: 3, column: 5, message: 'Expected comma', severity: 8 }])).toBe('1 error: line 3, column 5: Expected comma.');
  });
  it('counts errors and warnings and leads with the first error', () => {
    expect(summarizeProblems([
      { line: 1, column: 2, message: 'Property bipp is not allowed.', severity: 4 },
      { line: 4, column: 1, message: 'Trailing comma', severity: 8 },
      { line: 2, column: 9, message: 'Expected comma', severity: 8 },
    ])).toBe('2 errors, 1 warning. First: line 2, column 9: Expected comma.');
  });
});

describe('jsonSyntaxProblem', () => {
  it('accepts valid and empty JSON', () => {
    expect(jsonSyntaxProblem('{ "bip": "10.99.0.1/24" }')).toBeUndefined();
    expect(jsonSyntaxProblem('  \n')).toBeUndefined();
  });
  it('places a syntax error on its line and column', () => {
    const p = jsonSyntaxProblem('{\n  "mtu": 1400,\n}\n');
    expect(p?.severity).toBe(8);
    expect(p && { line: p.line, column: p.column }).toEqual({ line: 3, column: 1 });
    expect(p?.message).not.toMatch(/position/);
  });
  it('computes positions', () => {
    expect(positionAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
