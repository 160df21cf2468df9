/**
 * The contract every check kind fulfils. A check reads the lab's state only
 * through `lab.query` (house style 6: exercises are graded on state, never
 * on command text), so a fake with just `query` is enough to test one.
 */
import type { LabQueries } from '../../emulator/api';
import type { CheckKind, CheckOf } from '../types';

/** The part of a Lab a check may look at. */
export interface LabView {
  readonly query: LabQueries;
}

export interface CheckResult {
  pass: boolean;
  /** Why it fails, in plain words built from what the state shows. Absent when it passes. */
  reason?: string;
}

export interface CheckSpec<K extends CheckKind> {
  kind: K;
  /** The checklist label: what must be true, e.g. "web can reach db by name". */
  describe(check: CheckOf<K>): string;
  evaluate(check: CheckOf<K>, lab: LabView): CheckResult;
}

export const PASS: CheckResult = Object.freeze({ pass: true });

export function fail(reason: string): CheckResult {
  return { pass: false, reason };
}
