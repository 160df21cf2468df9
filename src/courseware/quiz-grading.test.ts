import { describe, expect, it } from 'vitest';
import { gradeQuestion, gradeQuiz, normalizeShortAnswer } from './quiz-grading';
import type { Quiz } from './types';

const quiz: Quiz = {
  id: 'q', title: 'Quiz',
  questions: [
    { kind: 'single', id: 'dns', prompt: 'Where do names resolve?', choices: [
      { text: 'default bridge', correct: false, explanation: 'No DNS there.' },
      { text: 'user-defined bridge', correct: true, explanation: 'Embedded DNS.' },
    ] },
    { kind: 'multiple', id: 'drivers', prompt: 'Which are drivers?', choices: [
      { text: 'bridge', correct: true, explanation: 'Yes.' },
      { text: 'overlay', correct: true, explanation: 'Yes.' },
      { text: 'ethernet', correct: false, explanation: 'No.' },
    ] },
    { kind: 'short', id: 'resolver', prompt: 'Embedded DNS address?', accept: ['127.0.0.11'], explanation: 'Docker listens there.' },
    { kind: 'short', id: 'env', prompt: 'Variable?', accept: ['DOCKER_HOST'], explanation: 'Case matters.', caseSensitive: true },
  ],
};

describe('quiz grading', () => {
  it('grades single choice, with the chosen and the right explanation', () => {
    const wrong = gradeQuestion(quiz.questions[0], 0);
    expect(wrong.correct).toBe(false);
    expect(wrong.choices).toEqual([
      { index: 0, selected: true, correct: false, explanation: 'No DNS there.' },
      { index: 1, selected: false, correct: true, explanation: 'Embedded DNS.' },
    ]);
    expect(gradeQuestion(quiz.questions[0], 1).correct).toBe(true);
    expect(gradeQuestion(quiz.questions[0], [0, 1]).correct).toBe(false);
  });
  it('grades multiple choice as all right and none wrong', () => {
    expect(gradeQuestion(quiz.questions[1], [0, 1]).correct).toBe(true);
    expect(gradeQuestion(quiz.questions[1], [0]).correct).toBe(false);
    expect(gradeQuestion(quiz.questions[1], [0, 1, 2]).correct).toBe(false);
    expect(gradeQuestion(quiz.questions[1], []).unanswered).toBe(true);
  });
  it('grades short answers ignoring spacing, and case unless caseSensitive', () => {
    expect(gradeQuestion(quiz.questions[2], '  127.0.0.11 ').correct).toBe(true);
    expect(gradeQuestion(quiz.questions[3], 'docker_host').correct).toBe(false);
    expect(gradeQuestion(quiz.questions[3], 'DOCKER_HOST').correct).toBe(true);
    expect(gradeQuestion(quiz.questions[2], '').unanswered).toBe(true);
    expect(gradeQuestion(quiz.questions[2], 'x').explanation).toBe('Docker listens there.');
    expect(normalizeShortAnswer('  Docker   Network  ls ')).toBe('docker network ls');
  });
  it('scores the whole quiz', () => {
    const g = gradeQuiz(quiz, { dns: 1, drivers: [1, 0], resolver: '127.0.0.1', env: 'DOCKER_HOST' });
    expect({ score: g.score, total: g.total }).toEqual({ score: 3, total: 4 });
    expect(g.questions.map((q) => q.correct)).toEqual([true, true, false, true]);
    expect(gradeQuiz(quiz, {}).score).toBe(0);
  });
});
