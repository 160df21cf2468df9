/**
 * Ends the page's start-up layout shortcut (course.css: `content-visibility`
 * on blocks below the fold) once the page has settled: the window has loaded
 * and the browser is idle, so the lesson's terminal is up. The whole page is
 * then laid out once, in idle time, and wide code blocks and tables learn
 * that they overflow and become focusable (Expressive Code's script,
 * scrollable-tables.ts) without the student having to scroll to them first.
 */
const ATTRIBUTE = 'data-dnho-settled';

export function settleLayoutWhenIdle(): void {
  const settle = () => document.documentElement.setAttribute(ATTRIBUTE, '');
  const whenIdle = () => {
    if ('requestIdleCallback' in window) requestIdleCallback(settle, { timeout: 3000 });
    else setTimeout(settle, 200);
  };
  if (document.readyState === 'complete') whenIdle();
  else window.addEventListener('load', whenIdle, { once: true });
}
