import { describe, expect, it } from 'vitest';
import { gradeExercise, summarizeGrade } from './grader';
import { container, endpoint, fakeLab, network } from './testing/fake-lab';
import type { Exercise } from './types';

const exercise: Pick<Exercise, 'checks'> = {
  checks: [
    { kind: 'network-exists', id: 'net', network: 'appnet' },
    { kind: 'container-on-network', id: 'web-on', container: 'web', network: 'appnet' },
    { kind: 'can-reach', id: 'reach', from: { container: 'web' }, to: 'db', label: 'web can reach db by name' },
  ],
};

describe('gradeExercise', () => {
  it('reports each check with its label and reason, and fails overall', () => {
    const lab = fakeLab({
      networks: [network({ name: 'bridge' }), network({ name: 'appnet' })],
      containers: [container({ name: 'web', endpoints: [endpoint('bridge', '172.17.0.2')] }), container({ name: 'db', endpoints: [endpoint('appnet', '10.0.0.3')] })],
    });
    const grade = gradeExercise(exercise, lab);
    expect(grade.passed).toBe(false);
    expect(grade.passCount).toBe(1);
    expect(grade.results).toEqual([
      { id: 'net', label: 'a network called appnet exists', pass: true },
      { id: 'web-on', label: 'web is on appnet', pass: false, reason: 'web is only on bridge, not on appnet' },
      { id: 'reach', label: 'web can reach db by name', pass: false, reason: "db is on appnet but web is only on bridge (bad address 'db')" },
    ]);
    expect(summarizeGrade(grade)).toBe('1 of 3 checks pass.');
  });

  it('passes when every check passes', () => {
    const lab = fakeLab({
      networks: [network({ name: 'appnet' })],
      containers: [container({ name: 'web', endpoints: [endpoint('appnet', '10.0.0.2')] }), container({ name: 'db', endpoints: [endpoint('appnet', '10.0.0.3')] })],
    });
    const grade = gradeExercise(exercise, lab);
    expect(grade.passed).toBe(true);
    expect(summarizeGrade(grade)).toBe('All 3 checks pass.');
  });

  it('words a single check naturally', () => {
    const lab = fakeLab({ networks: [], containers: [] });
    expect(summarizeGrade(gradeExercise({ checks: [exercise.checks[0]] }, lab))).toBe('The check does not pass yet.');
    expect(summarizeGrade(gradeExercise({ checks: [{ kind: 'network-absent', id: 'x', network: 'appnet' }] }, lab))).toBe('The check passes.');
  });

  it('never passes an exercise without checks', () => {
    expect(gradeExercise({ checks: [] }, fakeLab({ networks: [], containers: [] })).passed).toBe(false);
  });

  it('keeps grading when one check throws', () => {
    const lab = fakeLab({ networks: [], containers: [], reach: () => { throw new Error('boom'); } });
    const grade = gradeExercise(exercise, lab);
    expect(grade.results.map((r) => r.pass)).toEqual([false, false, false]);
    expect(grade.results[2].reason).toBe('the check could not look at the lab: boom');
  });
});
