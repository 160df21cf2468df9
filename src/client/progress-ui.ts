/**
 * Progress on the course home. Mount once on a page that has:
 *   <span data-progress-lesson="bridge" data-progress-exercises="3" hidden></span>  (one per lesson;
 *        the exercise count is optional and makes "2 of 3 exercises passed" possible; the
 *        element stays hidden for a lesson not started, so untouched lessons carry no badge)
 *   <button type="button" data-progress-reset>Reset my progress</button>
 *   <p data-progress-status role="status"></p>          (optional: where notices appear)
 * with:  <script> import { mountProgressUI } from '../client/progress-ui'; mountProgressUI(); </script>
 */
import { PROGRESS_KEY } from '../courseware/progress';
import { describeLessonProgress } from '../courseware/progress-text';
import { progressStore } from './progress-client';

function fill(root: ParentNode): void {
  const store = progressStore();
  for (const el of root.querySelectorAll<HTMLElement>('[data-progress-lesson]')) {
    const total = el.dataset.progressExercises;
    const words = describeLessonProgress(store.summary(el.dataset.progressLesson ?? ''), total === undefined ? undefined : Number(total));
    el.textContent = words.text;
    el.dataset.progressState = words.state;
    el.hidden = words.state === 'not-started';
  }
}

function say(root: ParentNode, text: string | undefined): void {
  if (!text) return;
  const status = root.querySelector<HTMLElement>('[data-progress-status]');
  if (status) {
    status.textContent = text;
    status.hidden = false;
  } else {
    console.warn(`[progress] ${text}`);
  }
}

/** Fills the progress elements, wires the reset button, and keeps both current. Returns a stop function. */
export function mountProgressUI(root: ParentNode = document): () => void {
  const store = progressStore();
  fill(root);
  say(root, store.notice);
  const stop = store.subscribe(() => fill(root));
  const onClick = (event: Event) => {
    const button = (event.target as Element | null)?.closest('[data-progress-reset]');
    if (!button) return;
    if (!window.confirm('Forget your progress in every lesson? Your labs are not affected.')) return;
    say(root, store.reset() ?? 'Your progress has been reset.');
  };
  // Another tab (a lesson) may save progress while the home page is open.
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || event.key === PROGRESS_KEY) store.reload();
  };
  root.addEventListener('click', onClick);
  window.addEventListener('storage', onStorage);
  return () => {
    stop();
    root.removeEventListener('click', onClick);
    window.removeEventListener('storage', onStorage);
  };
}
