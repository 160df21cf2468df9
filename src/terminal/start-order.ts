/**
 * When a terminal starts. One whose page carries its lab prebuilt starts at
 * once: it is the lesson's terminal, near the top. One whose lab is set up
 * here (a break-fix variant: the troubleshooting page shows six, each running
 * docker commands and loading the docker CLI's code) waits until it comes
 * near the screen, or until the terminals that started at once are ready and
 * the browser is idle: started with the page, those setups competed with the
 * terminal the student sees first (its ready time, and the JavaScript needed
 * before it). DOM only; no emulator.
 */
const startedAtOnce: Promise<unknown>[] = [];

/** Records a terminal that starts at once; the deferred ones wait for it. */
export function startingAtOnce(started: Promise<unknown>): void {
  startedAtOnce.push(started);
}

/** Resolves when `element` is within a screen of the viewport, or once the page's first terminals are ready and the browser idles. */
export function whenWanted(element: Element): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    let observer: IntersectionObserver | undefined;
    const go = (): void => {
      if (done) return;
      done = true;
      observer?.disconnect();
      resolve();
    };
    if (typeof IntersectionObserver === 'function') {
      observer = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) go();
      }, { rootMargin: '100% 0px' });
      observer.observe(element);
    }
    // A task later, so that the terminals upgraded with this one have said whether they start at once.
    setTimeout(() => {
      void Promise.allSettled(startedAtOnce).then(() => whenIdle(go));
    }, 0);
  });
}

function whenIdle(callback: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(callback, { timeout: 2000 });
  else setTimeout(callback, 0);
}
