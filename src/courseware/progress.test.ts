import { describe, expect, it } from 'vitest';
import { PROGRESS_KEY, loadProgress, resetProgress, saveProgress, type ProgressStorage } from './progress';
import { MemoryStorage, ProgressStore } from './progress-store';

function storageWith(raw: string | null): MemoryStorage {
  const s = new MemoryStorage();
  if (raw !== null) s.setItem(PROGRESS_KEY, raw);
  return s;
}

class FullStorage extends MemoryStorage {
  override setItem(): void {
    throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
  }
}

const blocked: ProgressStorage = {
  getItem() { throw Object.assign(new Error('denied'), { name: 'SecurityError' }); },
  setItem() { throw Object.assign(new Error('denied'), { name: 'SecurityError' }); },
  removeItem() { throw Object.assign(new Error('denied'), { name: 'SecurityError' }); },
};

const valid = { version: 1, lessons: { 'user-networks': { exercises: { net: { passed: true, hintsUsed: 1, solutionShown: false } }, quizzes: { q: { score: 2, total: 3, answers: { a: 1, b: [0, 2], c: 'bridge' } } } } } };

describe('loadProgress', () => {
  it('starts empty without a notice when nothing is saved', () => {
    expect(loadProgress(new MemoryStorage())).toEqual({ progress: { version: 1, lessons: {} } });
  });
  it('loads valid progress', () => {
    expect(loadProgress(storageWith(JSON.stringify(valid)))).toEqual({ progress: valid });
  });
  it('resets corrupt JSON with a notice, and removes it', () => {
    const s = storageWith('{"version":1,');
    const r = loadProgress(s);
    expect(r.progress).toEqual({ version: 1, lessons: {} });
    expect(r.notice).toBe('Your saved progress could not be read (it was damaged), so it has been reset.');
    expect(s.getItem(PROGRESS_KEY)).toBeNull();
  });
  it('resets another version with a notice naming it', () => {
    const r = loadProgress(storageWith(JSON.stringify({ version: 2, lessons: {} })));
    expect(r.notice).toBe('Your saved progress is from a different version of this course (format 2), so it has been reset.');
  });
  it('resets a foreign shape, and a damaged version 1', () => {
    expect(loadProgress(storageWith(JSON.stringify({ theme: 'dark' }))).notice).toBe('The saved data under this course’s name was not course progress, so it has been reset.');
    expect(loadProgress(storageWith('[1,2]')).notice).toMatch(/not course progress/);
    const damaged = { version: 1, lessons: { x: { exercises: { e: { passed: 'yes', hintsUsed: -1, solutionShown: false } }, quizzes: {} } } };
    expect(loadProgress(storageWith(JSON.stringify(damaged))).notice).toMatch(/could not be read/);
  });
  it('works without usable storage', () => {
    expect(loadProgress(blocked).notice).toMatch(/does not allow the course to save progress/);
    expect(loadProgress(undefined).notice).toMatch(/does not allow/);
  });
});

describe('saveProgress and resetProgress', () => {
  it('report a full quota instead of throwing', () => {
    expect(saveProgress(new FullStorage(), { version: 1, lessons: {} })).toBe('Progress could not be saved: the browser’s storage for this site is full.');
    expect(saveProgress(blocked, { version: 1, lessons: {} })).toMatch(/does not allow/);
    expect(resetProgress(blocked)).toMatch(/does not allow/);
  });
  it('round-trip', () => {
    const s = new MemoryStorage();
    expect(saveProgress(s, valid as never)).toBeUndefined();
    expect(loadProgress(s).progress).toEqual(valid);
    expect(resetProgress(s)).toBeUndefined();
    expect(s.getItem(PROGRESS_KEY)).toBeNull();
  });
});

describe('ProgressStore', () => {
  it('records exercise progress monotonically', () => {
    const store = new ProgressStore(new MemoryStorage());
    expect(store.exercise('l', 'e')).toEqual({ passed: false, hintsUsed: 0, solutionShown: false });
    store.recordHints('l', 'e', 2);
    store.recordHints('l', 'e', 1);
    store.markSolutionShown('l', 'e');
    store.markPassed('l', 'e');
    expect(store.exercise('l', 'e')).toEqual({ passed: true, hintsUsed: 2, solutionShown: true });
  });
  it('persists to storage and merges with what another tab saved', () => {
    const s = new MemoryStorage();
    const tabA = new ProgressStore(s);
    const tabB = new ProgressStore(s);
    tabA.markPassed('l', 'one');
    tabB.markPassed('l', 'two');
    expect(new ProgressStore(s).summary('l')).toEqual({ exercisesPassed: 2, exercisesTouched: 2, quizzes: [] });
  });
  it('reloads what another tab saved', () => {
    const s = new MemoryStorage();
    const home = new ProgressStore(s);
    new ProgressStore(s).markPassed('l', 'e');
    expect(home.summary('l').exercisesPassed).toBe(0);
    home.reload();
    expect(home.summary('l').exercisesPassed).toBe(1);
  });
  it('keeps the latest quiz attempt, and its answers', () => {
    const store = new ProgressStore(new MemoryStorage());
    store.recordQuiz('l', 'q', { score: 3, total: 3 });
    store.recordQuiz('l', 'q', { score: 1, total: 3, answers: { a: 0 } });
    expect(store.quiz('l', 'q')).toEqual({ score: 1, total: 3, answers: { a: 0 } });
    expect(store.summary('l').quizzes).toEqual([{ id: 'q', score: 1, total: 3 }]);
  });
  it('carries the load notice and keeps working in memory when storage is blocked or full', () => {
    const store = new ProgressStore(blocked);
    expect(store.notice).toMatch(/does not allow/);
    expect(store.markPassed('l', 'e')).toMatch(/does not allow/);
    expect(store.exercise('l', 'e').passed).toBe(true);
    const full = new ProgressStore(new FullStorage());
    expect(full.markPassed('l', 'e')).toMatch(/storage for this site is full/);
    expect(full.lastSaveNotice).toMatch(/full/);
    expect(full.exercise('l', 'e').passed).toBe(true);
  });
  it('resets and tells listeners', () => {
    const s = new MemoryStorage();
    const store = new ProgressStore(s);
    const seen: number[] = [];
    const stop = store.subscribe((p) => seen.push(Object.keys(p.lessons).length));
    store.markPassed('l', 'e');
    expect(store.reset()).toBeUndefined();
    stop();
    store.markPassed('l', 'e');
    expect(seen).toEqual([1, 0]);
    expect(s.getItem(PROGRESS_KEY)).not.toBeNull();
  });
  it('hands out copies, so callers cannot change the saved state by accident', () => {
    const store = new ProgressStore(new MemoryStorage());
    store.markPassed('l', 'e');
    store.get().lessons.l.exercises.e.passed = false;
    expect(store.exercise('l', 'e').passed).toBe(true);
  });
});
