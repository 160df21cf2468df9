/**
 * Fills the course home's progress badges from the courseware's progress
 * store (localStorage `dnho-progress-v1`). Shows nothing for a lesson not
 * started, and nothing at all when storage is unavailable.
 */
import { ProgressStore } from '../courseware/progress-store';

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export function describeProgress(summary: ReturnType<ProgressStore['summary']>): string {
  const parts: string[] = [];
  if (summary.exercisesPassed > 0) {
    parts.push(`${summary.exercisesPassed} exercise${summary.exercisesPassed === 1 ? '' : 's'} passed`);
  } else if (summary.exercisesTouched > 0) {
    parts.push('started');
  }
  for (const quiz of summary.quizzes) parts.push(`quiz ${quiz.score}/${quiz.total}`);
  return parts.join(' · ');
}

export function showLessonProgress(root: ParentNode = document): void {
  const store = new ProgressStore(storage());
  for (const card of root.querySelectorAll<HTMLElement>('[data-lesson-slug]')) {
    const badge = card.querySelector<HTMLElement>('[data-progress]');
    if (!badge) continue;
    const text = describeProgress(store.summary(card.dataset.lessonSlug!));
    badge.textContent = text;
    badge.hidden = text === '';
  }
}
