/**
 * Progress as the pages use it: read, update one exercise or quiz, listen
 * for changes. Each update re-reads storage first, so two open lessons do not
 * overwrite each other, and updates only move forward (a passed exercise
 * stays passed, hints used never decrease).
 */
import {
  NOT_STARTED, emptyProgress, loadProgress, resetProgress, saveProgress,
  type ExerciseProgress, type LessonProgress, type Progress, type ProgressStorage, type QuizProgress,
} from './progress';

export interface LessonSummary {
  exercisesPassed: number;
  /** Exercises with any saved progress (tried, hinted or passed). */
  exercisesTouched: number;
  quizzes: { id: string; score: number; total: number }[];
}

type Listener = (progress: Progress) => void;

export class ProgressStore {
  private progress: Progress;
  private readonly listeners = new Set<Listener>();
  /** A notice from loading (data reset, storage blocked); undefined when all was well. */
  readonly notice: string | undefined;
  /** Set after a failed save; the UI may show it. */
  lastSaveNotice: string | undefined;

  constructor(private readonly storage: ProgressStorage | undefined) {
    const loaded = loadProgress(storage);
    this.progress = loaded.progress;
    this.notice = loaded.notice;
  }

  get(): Progress {
    return clone(this.progress);
  }

  exercise(slug: string, id: string): ExerciseProgress {
    return { ...(this.progress.lessons[slug]?.exercises[id] ?? NOT_STARTED) };
  }

  quiz(slug: string, id: string): QuizProgress | undefined {
    const q = this.progress.lessons[slug]?.quizzes[id];
    return q ? clone(q) : undefined;
  }

  markPassed(slug: string, id: string): string | undefined {
    return this.updateExercise(slug, id, (e) => ({ ...e, passed: true }));
  }

  recordHints(slug: string, id: string, hintsUsed: number): string | undefined {
    return this.updateExercise(slug, id, (e) => ({ ...e, hintsUsed: Math.max(e.hintsUsed, Math.floor(hintsUsed)) }));
  }

  markSolutionShown(slug: string, id: string): string | undefined {
    return this.updateExercise(slug, id, (e) => ({ ...e, solutionShown: true }));
  }

  /** Saves a quiz attempt; the latest attempt is kept, so a retry can lower the score. */
  recordQuiz(slug: string, id: string, result: QuizProgress): string | undefined {
    return this.update((p) => {
      lesson(p, slug).quizzes[id] = clone(result);
    });
  }

  summary(slug: string): LessonSummary {
    const l = this.progress.lessons[slug];
    const exercises = Object.values(l?.exercises ?? {});
    return {
      exercisesPassed: exercises.filter((e) => e.passed).length,
      exercisesTouched: exercises.length,
      quizzes: Object.entries(l?.quizzes ?? {}).map(([id, q]) => ({ id, score: q.score, total: q.total })),
    };
  }

  /** Re-reads storage (another tab saved) and tells listeners. */
  reload(): void {
    const fresh = loadProgress(this.storage);
    if (!fresh.notice) this.progress = fresh.progress;
    this.emit();
  }

  reset(): string | undefined {
    const notice = resetProgress(this.storage);
    this.progress = emptyProgress();
    this.emit();
    return notice;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private updateExercise(slug: string, id: string, change: (e: ExerciseProgress) => ExerciseProgress): string | undefined {
    return this.update((p) => {
      const l = lesson(p, slug);
      l.exercises[id] = change({ ...(l.exercises[id] ?? NOT_STARTED) });
    });
  }

  /** Re-reads storage (another tab may have saved), applies the change, saves, tells listeners. */
  private update(change: (p: Progress) => void): string | undefined {
    const fresh = loadProgress(this.storage);
    // Storage we cannot read keeps the in-memory copy, so the session still counts.
    const next = fresh.notice ? clone(this.progress) : fresh.progress;
    change(next);
    this.progress = next;
    this.lastSaveNotice = saveProgress(this.storage, next);
    this.emit();
    return this.lastSaveNotice;
  }

  private emit(): void {
    for (const listener of this.listeners) listener(this.get());
  }
}

/** Progress is plain JSON, so a JSON round trip is a deep copy (no DOM `structuredClone` here). */
function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function lesson(p: Progress, slug: string): LessonProgress {
  p.lessons[slug] ??= { exercises: {}, quizzes: {} };
  return p.lessons[slug];
}

/** An in-memory storage: for tests, and for browsers where localStorage is blocked. */
export class MemoryStorage implements ProgressStorage {
  private readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}
