/**
 * The inline Markdown an exercise task, hint or quiz text may use: `code`,
 * **strong**, *emphasis* / _emphasis_ and [links](url). Everything else is
 * escaped text. Tiny on purpose: it runs at build time inside components and
 * must never let lesson text inject HTML.
 */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);
}

/** Links may point at http(s), the site itself or an anchor; never `javascript:`. */
function safeHref(url: string): string | undefined {
  return /^(https?:\/\/|\/|#|\.\.?\/)/.test(url) ? url : undefined;
}

function emphasis(text: string): string {
  return escapeHtml(text)
    .replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^*\w])\*(?=\S)(.+?)(?<=\S)\*(?![*\w])/g, '$1<em>$2</em>')
    .replace(/(^|[^_\w])_(?=\S)(.+?)(?<=\S)_(?![_\w])/g, '$1<em>$2</em>');
}

function links(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(/\[([^\]]+)\]\(([^)\s]+)\)/g)) {
    const href = safeHref(m[2]);
    out += emphasis(text.slice(last, m.index));
    out += href ? `<a href="${escapeHtml(href)}">${emphasis(m[1])}</a>` : emphasis(m[0]);
    last = m.index + m[0].length;
  }
  return out + emphasis(text.slice(last));
}

/** Renders inline Markdown to safe HTML. Code spans are literal (no emphasis inside). */
export function renderInline(markdown: string): string {
  const parts = markdown.split(/(`+)([\s\S]*?[^`])\1(?!`)/);
  let html = '';
  for (let i = 0; i < parts.length; i += 3) {
    html += links(parts[i]);
    if (i + 2 < parts.length) html += `<code>${escapeHtml(parts[i + 2].trim() || parts[i + 2])}</code>`;
  }
  return html;
}
