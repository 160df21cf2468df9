/**
 * Pagefind's search UI, loaded when a student goes to search rather than on
 * every page view.
 *
 * Starlight's Search component imports `@pagefind/default-ui` once the page
 * is idle, on every page: ~26 KB gzip of JavaScript and its start-up work,
 * competing with the lesson terminal on a slow laptop, for a search most
 * page views never open. astro.config.mjs aliases that import to this module:
 * the same `PagefindUI` constructor, which builds the real UI only when the
 * search dialog opens (or the pointer or focus reaches the search button,
 * so it is usually there by the time the dialog is).
 */

type Options = { element: string } & Record<string, unknown>;

// The package's own entry file, which the alias (an exact match on the bare name) does not catch.
// @ts-expect-error — @pagefind/default-ui ships no type declarations.
const loadReal = () => import('@pagefind/default-ui/npm_dist/mjs/ui-core.mjs') as Promise<{ PagefindUI: new (options: Options) => unknown }>;

export class PagefindUI {
  constructor(options: Options) {
    const host = document.querySelector(options.element);
    const dialog = host?.closest('dialog');
    let started = false;
    const start = (): void => {
      if (started) return;
      started = true;
      stopWatching();
      loadReal()
        .then(({ PagefindUI: Real }) => {
          new Real(options);
          // Starlight focused the (then missing) input when it opened the dialog.
          if (dialog?.open) host?.querySelector<HTMLInputElement>('input')?.focus();
        })
        .catch((error: unknown) => console.error('[search] could not load the search UI:', error));
    };
    if (!dialog || dialog.open) {
      start();
      return;
    }
    const observer = new MutationObserver(() => dialog.open && start());
    observer.observe(dialog, { attributes: true, attributeFilter: ['open'] });
    const button = document.querySelector('button[data-open-modal]');
    const early = ['pointerenter', 'focus', 'touchstart'] as const;
    for (const type of early) button?.addEventListener(type, start, { once: true, passive: true });
    function stopWatching(): void {
      observer.disconnect();
      for (const type of early) button?.removeEventListener(type, start);
    }
  }
}
