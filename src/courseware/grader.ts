/**
 * Grades an exercise on the lab's state: every check is evaluated, each with
 * its own label and plain-words reason. Depends only on `lab.query`, never on
 * the commands typed, so any correct path to the state passes.
 */
import type { Check, Exercise } from './types';
import { describeCheck, evaluateCheck, type LabView } from './checks/index';

export interface CheckOutcome {
  id: string;
  /** The checklist label, e.g. "web can reach db by name". */
  label: string;
  pass: boolean;
  /** Why it fails; absent when it passes. */
  reason?: string;
}

export interface Grade {
  /** True when every check passes (and there is at least one). */
  passed: boolean;
  passCount: number;
  results: CheckOutcome[];
}

export function gradeChecks(checks: readonly Check[], lab: LabView): Grade {
  const results = checks.map((check): CheckOutcome => {
    const r = evaluateCheck(check, lab);
    return r.pass ? { id: check.id, label: describeCheck(check), pass: true } : { id: check.id, label: describeCheck(check), pass: false, reason: r.reason ?? 'not yet' };
  });
  const passCount = results.filter((r) => r.pass).length;
  return { passed: results.length > 0 && passCount === results.length, passCount, results };
}

export function gradeExercise(exercise: Pick<Exercise, 'checks'>, lab: LabView): Grade {
  return gradeChecks(exercise.checks, lab);
}

/** "2 of 3 checks pass" — the summary a screen reader hears after each check run. */
export function summarizeGrade(grade: Grade): string {
  if (grade.results.length === 1) return grade.passed ? 'The check passes.' : 'The check does not pass yet.';
  if (grade.passed) return `All ${grade.results.length} checks pass.`;
  return `${grade.passCount} of ${grade.results.length} checks pass.`;
}
