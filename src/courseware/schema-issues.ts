/**
 * Turns zod issues into messages an author can act on: where (the field path
 * as they wrote it), what was expected, what was found. A broken lesson fails
 * the build with these words, so they must not need zod to be understood.
 */
import type { z } from 'zod';

/** "the text \"80\"", "the number 3", "nothing (the field is missing)". */
export function describeFound(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length ? `a list of ${value.length}` : 'an empty list';
  if (typeof value === 'string') return value === '' ? 'an empty text' : `the text ${JSON.stringify(clip(value))}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `the ${typeof value} ${String(value)}`;
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    return keys.length ? `an object with ${keys.join(', ')}` : 'an empty object';
  }
  return typeof value;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** `checks[2].port` from ['checks', 2, 'port']. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(the whole value)';
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a text', number: 'a number', int: 'a whole number', boolean: 'true or false',
  array: 'a list', object: 'an object', literal: 'a fixed value',
};

function sizeWords(issue: { origin?: string; minimum?: unknown; maximum?: unknown }, small: boolean): string {
  const limit = String(small ? issue.minimum : issue.maximum);
  const bound = small ? 'at least' : 'at most';
  if (issue.origin === 'string') return limit === '1' && small ? 'a non-empty text' : `a text of ${bound} ${limit} characters`;
  if (issue.origin === 'array') return `${bound} ${limit} item${limit === '1' ? '' : 's'}`;
  return `a number ${bound} ${limit}`;
}

function found(issue: z.core.$ZodIssue, data: unknown): string {
  const value = 'input' in issue ? issue.input : valueAt(data, issue.path);
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    if (Array.isArray(value)) return `${value.length} item${value.length === 1 ? '' : 's'}`;
  }
  return describeFound(value);
}

/** The value at a path in the author's data (zod only reports `input` for some issues). */
export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = data;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

/** "expected X, found Y" for one issue, without its path. */
export function issueText(issue: z.core.$ZodIssue, data: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${TYPE_WORDS[issue.expected] ?? issue.expected}, found ${found(issue, data)}`;
    case 'too_small':
      return `expected ${sizeWords(issue, true)}, found ${found(issue, data)}`;
    case 'too_big':
      return `expected ${sizeWords(issue, false)}, found ${found(issue, data)}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')} (check the spelling)`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, found ${found(issue, data)}`;
    case 'invalid_union':
      if ('discriminator' in issue && issue.discriminator) {
        const options = (issue as { options?: unknown[] }).options ?? [];
        const value = valueAt(data, issue.path);
        return `expected one of ${options.map((o) => JSON.stringify(o)).join(', ')}, found ${describeFound(value)}`;
      }
      return `${issue.message}, found ${found(issue, data)}`;
    default:
      // Our own refinements and custom `error` texts already say expected/found.
      return issue.message;
  }
}

/** One line per issue: "checks[2].port: expected a number, found the text \"80\"". */
export function formatIssues(issues: readonly z.core.$ZodIssue[], data: unknown): string[] {
  return issues.map((issue) => `${formatPath(issue.path)}: ${issueText(issue, data)}`);
}
