/** The words the course home shows for a lesson's progress (DOM-free, so it is unit-tested). */
import type { LessonSummary } from './progress-store';

export type LessonState = 'not-started' | 'started' | 'done';

export interface LessonProgressText {
  state: LessonState;
  /** e.g. "2 of 3 exercises passed · quiz 4/5"; "Not started" when nothing is saved. */
  text: string;
}

/**
 * `exercises` is the lesson's number of exercises when the page knows it;
 * the lesson is "done" when all are passed (and any quiz taken).
 */
export function describeLessonProgress(summary: LessonSummary, exercises?: number): LessonProgressText {
  const parts: string[] = [];
  const { exercisesPassed: passed, exercisesTouched: touched } = summary;
  if (exercises !== undefined && exercises > 0 && (passed > 0 || touched > 0)) {
    parts.push(`${passed} of ${exercises} exercise${exercises === 1 ? '' : 's'} passed`);
  } else if (passed > 0) {
    parts.push(`${passed} exercise${passed === 1 ? '' : 's'} passed`);
  } else if (touched > 0) {
    parts.push('started');
  }
  for (const quiz of summary.quizzes) parts.push(`quiz ${quiz.score}/${quiz.total}`);
  if (parts.length === 0) return { state: 'not-started', text: 'Not started' };
  const allPassed = exercises !== undefined ? passed >= exercises : false;
  const quizDone = summary.quizzes.length > 0 || exercises === 0;
  return { state: allPassed && quizDone ? 'done' : 'started', text: parts.join(' · ') };
}
