import { describe, expect, it } from 'vitest';
import { clampVariant, pick, toExercise, variantNumbers, type BreakFixLab } from './breakfix';
import { validateExercise, validateQuiz } from './schema';

const lab: BreakFixLab = {
  id: 'web-db',
  title: 'Web cannot reach db',
  variants: 3,
  variant: (n) => ({
    symptom: `${pick(n, ['shop', 'blog', 'wiki'])} cannot reach its database.`,
    setup: [`docker run -d --name ${pick(n, ['shop', 'blog', 'wiki'])} nginx`],
    checks: [{ kind: 'container-running', id: 'up', container: pick(n, ['shop', 'blog', 'wiki']) }],
    hints: ['Look at `docker ps`.'],
    solution: ['docker ps'],
    wrongFixes: [['docker ps -a']],
    diagnosis: { prompt: 'Which layer?', choices: [{ text: 'a', correct: true, explanation: 'yes' }, { text: 'b', correct: false, explanation: 'no' }] },
  }),
};

describe('break-fix labs', () => {
  it('pick gives neighbours different options and is deterministic', () => {
    const names = ['a', 'b', 'c'];
    expect([1, 2, 3].map((n) => pick(n, names))).toEqual(['a', 'b', 'c']);
    expect(pick(4, names)).toBe(pick(1, names));
    expect(pick(1, ['a', 'b', 'c', 'd'], 1)).toBe('d');
    expect(pick(2, ['only'])).toBe('only');
  });

  it('a variant becomes a valid exercise and a one-question quiz, seeded with its number', () => {
    const inst = toExercise(lab, 2);
    expect(inst.labKey).toBe('web-db-v2');
    expect(inst.setup).toEqual({ seed: 2, hosts: undefined, setup: ['docker run -d --name blog nginx', 'history -c'] });
    expect(inst.exercise.lab).toBe('web-db-v2');
    expect(inst.exercise.task).toBe('Find what is broken and fix it, so that the application works end to end.');
    expect(inst.symptom).toBe('blog cannot reach its database.');
    const ex = validateExercise(inst.exercise, 'test');
    expect(ex.ok, ex.ok ? '' : ex.message).toBe(true);
    const quiz = validateQuiz(inst.quiz, 'test');
    expect(quiz.ok, quiz.ok ? '' : quiz.message).toBe(true);
    expect(inst.quiz.id).toBe('web-db-diagnosis');
    expect(inst.wrongFixes).toEqual([['docker ps -a']]);
  });

  it('variant numbers run 1..variants; bad input clamps to a real variant', () => {
    expect(variantNumbers(lab)).toEqual([1, 2, 3]);
    expect(clampVariant(lab, '2')).toBe(2);
    expect(clampVariant(lab, 9)).toBe(3);
    expect(clampVariant(lab, 'x')).toBe(1);
    expect(clampVariant(lab, -4)).toBe(1);
  });
});
