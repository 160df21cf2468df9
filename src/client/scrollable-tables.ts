/**
 * Lesson tables wider than their column scroll sideways (Starlight makes
 * them scroll containers); a keyboard user can only scroll what can take
 * focus (WCAG 2.1.1, axe's scrollable-region-focusable). Expressive Code
 * does this for code blocks; this does it for tables: tabindex="0" while a
 * table overflows, none otherwise, rechecked when its size changes (which
 * also covers tables laid out late because of content-visibility).
 * The table keeps its role: a region role would hide it from screen readers' table commands.
 */
const SELECTOR = '.sl-markdown-content table';

function update(table: HTMLElement): void {
  const overflows = table.scrollWidth > table.clientWidth;
  const focusable = table.hasAttribute('tabindex');
  if (overflows && !focusable) table.tabIndex = 0;
  else if (!overflows && focusable) table.removeAttribute('tabindex');
}

export function watchScrollableTables(root: ParentNode = document): void {
  const tables = root.querySelectorAll<HTMLElement>(SELECTOR);
  if (tables.length === 0 || typeof ResizeObserver === 'undefined') return;
  const observer = new ResizeObserver((entries) => {
    for (const entry of entries) update(entry.target as HTMLElement);
  });
  for (const table of tables) observer.observe(table);
}
