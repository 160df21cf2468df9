import { describe, expect, it } from 'vitest';
import { validateExercise, validateLabSetup, validateQuiz } from './schema';
import type { Exercise, Quiz } from './types';

const good: Exercise = {
  id: 'user-network',
  title: 'Put web and db on one network',
  task: 'Create `appnet` and connect both containers.',
  lab: 'main',
  checks: [
    { kind: 'network-exists', id: 'net', network: 'appnet' },
    { kind: 'can-reach', id: 'reach', from: { container: 'web' }, to: 'db', port: 5432 },
  ],
  hints: ['Look at `docker network create`.'],
  solution: ['docker network create appnet', 'docker network connect appnet web'],
};

const where = 'content/lessons/user-networks/exercises.ts';

describe('validateExercise', () => {
  it('accepts a good exercise and returns it', () => {
    const r = validateExercise(good, where);
    expect(r).toEqual({ ok: true, value: good });
  });

  it('names the file, the exercise, the field, what was expected and what was found', () => {
    const r = validateExercise({ ...good, checks: [{ kind: 'can-reach', id: 'reach', from: { container: 'web' }, to: 'db', port: '5432' }] }, where);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toBe(
      'content/lessons/user-networks/exercises.ts: exercise "user-network" is not valid:\n' +
      '  - checks[0].port: expected a number, found the text "5432"',
    );
  });

  it('lists the check kinds when one is misspelled', () => {
    const r = validateExercise({ ...good, checks: [{ kind: 'can-rech', id: 'x' }] }, where);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatch(/^checks\[0\]\.kind: expected one of "network-exists", .*"can-reach".*, found the text "can-rech"$/);
  });

  it('reports unknown fields, missing fields, bad vantages and empty lists', () => {
    const r = validateExercise({ ...good, title: undefined, lab: '', hints: 'one', solution: [], checks: [{ kind: 'container-running', id: 'r', contianer: 'web' }, { kind: 'can-reach', id: 'c', from: { pod: 'web' }, to: 'db' }] }, where);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual(expect.arrayContaining([
      'title: expected a text, found nothing (the field is missing)',
      'lab: expected a non-empty text, found an empty text',
      'hints: expected a list, found the text "one"',
      'solution: expected at least 1 item, found 0 items',
      'checks[0].container: expected a text, found nothing (the field is missing)',
      'checks[0]: unknown field "contianer" (check the spelling)',
      'checks[1].from: expected a place to look from: { container: "web" }, { host: "node1" } or { laptop: true }, found an object with pod',
    ]));
  });

  it('rejects duplicate check ids, bad ports and solutionExit lines not in the solution', () => {
    const r = validateExercise({
      ...good,
      checks: [good.checks[0], { ...good.checks[0] }, { kind: 'port-published', id: 'p', container: 'web', containerPort: 'http' }],
      solutionExit: { 'docker network rm bridge': 1 },
    }, where);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      'checks[2].containerPort: expected a container port like "80/tcp" or "53/udp", found "http"',
      'checks[1].id: expected a unique check id, found "net" again (also used by checks[0])',
      'solutionExit: expected keys that are solution commands, found "docker network rm bridge", which is not in solution',
    ]);
  });

  it('handles data that is not an object at all', () => {
    const r = validateExercise('oops', where);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toBe(`${where}: exercise (without an id) is not valid:\n  - (the whole value): expected an object, found the text "oops"`);
  });
});

describe('validateQuiz', () => {
  const quiz: Quiz = {
    id: 'q1', title: 'Check yourself',
    questions: [
      { kind: 'single', id: 'a', prompt: 'Which?', choices: [{ text: 'x', correct: true, explanation: 'yes' }, { text: 'y', correct: false, explanation: 'no' }] },
      { kind: 'short', id: 'b', prompt: 'Name it', accept: ['bridge'], explanation: 'The default.' },
    ],
  };
  it('accepts a good quiz', () => {
    expect(validateQuiz(quiz, 'quiz.ts').ok).toBe(true);
  });
  it('requires exactly one right answer in a single-choice question, and unique ids', () => {
    const bad = { ...quiz, questions: [{ ...quiz.questions[0], choices: [{ text: 'x', correct: true, explanation: 'e' }, { text: 'y', correct: true, explanation: 'e' }] }, { ...quiz.questions[1], id: 'a' }] };
    const r = validateQuiz(bad, 'content/lessons/x/quiz.ts');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toContain('content/lessons/x/quiz.ts: quiz "q1" is not valid:');
    expect(r.errors).toEqual([
      'questions[0].choices: expected exactly one choice with correct: true in a single-choice question, found 2',
      'questions[1].id: expected a unique question id, found "a" again (also used by questions[0])',
    ]);
  });
  it('requires a right answer in a multiple-choice question and accepted answers in a short one', () => {
    const bad = { ...quiz, questions: [{ ...quiz.questions[0], kind: 'multiple', choices: [{ text: 'x', correct: false, explanation: 'e' }, { text: 'y', correct: false, explanation: 'e' }] }, { ...quiz.questions[1], accept: [] }] };
    const r = validateQuiz(bad, 'quiz.ts');
    expect(r.ok ? [] : r.errors).toEqual([
      'questions[0].choices: expected at least one choice with correct: true, found none',
      'questions[1].accept: expected at least 1 item, found 0 items',
    ]);
  });
});

describe('validateLabSetup', () => {
  it('fills in an empty setup and rejects too many hosts', () => {
    expect(validateLabSetup({ seed: 7 }, 'index.mdx')).toEqual({ ok: true, value: { seed: 7, setup: [] } });
    const r = validateLabSetup({ hosts: 12, setup: [] }, 'content/lessons/x/index.mdx labs.main');
    expect(r.ok ? '' : r.message).toBe('content/lessons/x/index.mdx labs.main: lab setup is not valid:\n  - hosts: expected a number at most 9, found the number 12');
  });
});
