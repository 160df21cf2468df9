import { describe, expect, it } from 'vitest';
import { describeLessonProgress } from './progress-text';

describe('describeLessonProgress', () => {
  it('says not started for an empty summary', () => {
    expect(describeLessonProgress({ exercisesPassed: 0, exercisesTouched: 0, quizzes: [] }, 3)).toEqual({ state: 'not-started', text: 'Not started' });
  });
  it('counts passed exercises against the total and lists quiz scores', () => {
    expect(describeLessonProgress({ exercisesPassed: 2, exercisesTouched: 3, quizzes: [{ id: 'q', score: 4, total: 5 }] }, 3))
      .toEqual({ state: 'started', text: '2 of 3 exercises passed · quiz 4/5' });
    expect(describeLessonProgress({ exercisesPassed: 0, exercisesTouched: 1, quizzes: [] })).toEqual({ state: 'started', text: 'started' });
    expect(describeLessonProgress({ exercisesPassed: 1, exercisesTouched: 1, quizzes: [] })).toEqual({ state: 'started', text: '1 exercise passed' });
  });
  it('is done when every exercise passed and the quiz was taken', () => {
    expect(describeLessonProgress({ exercisesPassed: 2, exercisesTouched: 2, quizzes: [{ id: 'q', score: 3, total: 5 }] }, 2).state).toBe('done');
    expect(describeLessonProgress({ exercisesPassed: 2, exercisesTouched: 2, quizzes: [] }, 2).state).toBe('started');
  });
});
