/**
 * The student's progress, kept in the browser's localStorage under
 * `dnho-progress-v1`. Everything is validated on load: corrupt or foreign
 * data is reported (a notice for the page to show) and reset, never thrown.
 * Storage comes through a small adapter, so the store runs in Node tests.
 */
// zod/mini: this module ships to the browser on every lesson page, and the
// mini build of the same validators is ~6 KB gzip instead of ~27 KB.
import * as z from 'zod/mini';
import type { QuizAnswer } from './quiz-grading';

export const PROGRESS_KEY = 'dnho-progress-v1';

/** The part of the Web Storage API the store uses; `localStorage` fits, so does a Map-backed fake. */
export interface ProgressStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const count = () => z.int().check(z.minimum(0));

const exerciseProgressSchema = z.strictObject({
  passed: z.boolean(),
  hintsUsed: count(),
  solutionShown: z.boolean(),
});

const answerSchema = z.union([count(), z.array(count()), z.string()]);

const quizProgressSchema = z.strictObject({
  score: count(),
  total: count(),
  answers: z.optional(z.record(z.string(), answerSchema)),
});

const lessonProgressSchema = z.strictObject({
  exercises: z.record(z.string(), exerciseProgressSchema),
  quizzes: z.record(z.string(), quizProgressSchema),
});

export const progressSchema = z.strictObject({
  version: z.literal(1),
  lessons: z.record(z.string(), lessonProgressSchema),
});

export type ExerciseProgress = z.infer<typeof exerciseProgressSchema>;
export type QuizProgress = z.infer<typeof quizProgressSchema> & { answers?: Record<string, QuizAnswer> };
export type LessonProgress = z.infer<typeof lessonProgressSchema>;
export type Progress = z.infer<typeof progressSchema>;

export function emptyProgress(): Progress {
  return { version: 1, lessons: {} };
}

export const NOT_STARTED: Readonly<ExerciseProgress> = Object.freeze({ passed: false, hintsUsed: 0, solutionShown: false });

export interface LoadedProgress {
  progress: Progress;
  /** Set when saved data could not be used (and was reset) or storage is unavailable. */
  notice?: string;
}

const NOTICES = {
  unreadable: 'Your saved progress could not be read (it was damaged), so it has been reset.',
  otherVersion: (v: unknown) => `Your saved progress is from a different version of this course (format ${JSON.stringify(v)}), so it has been reset.`,
  foreign: 'The saved data under this course’s name was not course progress, so it has been reset.',
  blocked: 'This browser does not allow the course to save progress (storage is blocked). Progress lasts until you leave the page.',
  full: 'Progress could not be saved: the browser’s storage for this site is full.',
};

function errorName(err: unknown): string {
  return err && typeof err === 'object' && 'name' in err ? String((err as { name: unknown }).name) : '';
}

/** The words for a failed write: a full quota is common enough to name. */
function writeNotice(err: unknown): string {
  const n = errorName(err);
  return n === 'QuotaExceededError' || n === 'NS_ERROR_DOM_QUOTA_REACHED' ? NOTICES.full : NOTICES.blocked;
}

function classify(raw: string): LoadedProgress {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { progress: emptyProgress(), notice: NOTICES.unreadable };
  }
  const parsed = progressSchema.safeParse(data);
  if (parsed.success) return { progress: parsed.data };
  const version = data && typeof data === 'object' ? (data as { version?: unknown }).version : undefined;
  if (typeof version === 'number' && version !== 1) return { progress: emptyProgress(), notice: NOTICES.otherVersion(version) };
  return { progress: emptyProgress(), notice: version === 1 ? NOTICES.unreadable : NOTICES.foreign };
}

/** Reads and validates the saved progress. Bad data is removed; nothing throws. */
export function loadProgress(storage: ProgressStorage | undefined): LoadedProgress {
  if (!storage) return { progress: emptyProgress(), notice: NOTICES.blocked };
  let raw: string | null;
  try {
    raw = storage.getItem(PROGRESS_KEY);
  } catch {
    return { progress: emptyProgress(), notice: NOTICES.blocked };
  }
  if (raw === null) return { progress: emptyProgress() };
  const loaded = classify(raw);
  if (loaded.notice) {
    try {
      storage.removeItem(PROGRESS_KEY);
    } catch {
      // Storage that cannot remove cannot save either; the next save reports it.
    }
  }
  return loaded;
}

/** Writes progress; returns a notice when the browser refused. */
export function saveProgress(storage: ProgressStorage | undefined, progress: Progress): string | undefined {
  if (!storage) return NOTICES.blocked;
  try {
    storage.setItem(PROGRESS_KEY, JSON.stringify(progress));
    return undefined;
  } catch (err) {
    return writeNotice(err);
  }
}

/** Forgets all progress. Returns a notice when the browser refused. */
export function resetProgress(storage: ProgressStorage | undefined): string | undefined {
  if (!storage) return undefined;
  try {
    storage.removeItem(PROGRESS_KEY);
    return undefined;
  } catch (err) {
    return writeNotice(err);
  }
}
