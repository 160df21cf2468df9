/**
 * The page's one progress store, on the browser's localStorage (or memory
 * where storage is blocked), and the place its notices appear.
 */
import { ProgressStore } from '../courseware/progress-store';

/** localStorage, or undefined where the browser blocks it (accessing it can throw). */
export function browserStorage(): Storage | undefined {
  try {
    const s = window.localStorage;
    return s ?? undefined;
  } catch {
    return undefined;
  }
}

let store: ProgressStore | undefined;

export function progressStore(): ProgressStore {
  store ??= new ProgressStore(browserStorage());
  return store;
}

const shown = new Set<string>();

/**
 * Shows a progress notice once per page: in `[data-progress-notice]` if the
 * layout has one, else in a status line placed before `near`.
 */
export function showProgressNotice(notice: string | undefined, near?: Element): void {
  if (!notice || shown.has(notice)) return;
  shown.add(notice);
  let target = document.querySelector<HTMLElement>('[data-progress-notice]');
  if (!target && near) {
    target = document.createElement('p');
    target.className = 'dnho-progress-notice not-content';
    target.setAttribute('role', 'status');
    near.before(target);
  }
  if (!target) {
    console.warn(`[progress] ${notice}`);
    return;
  }
  target.textContent = notice;
  target.hidden = false;
}
