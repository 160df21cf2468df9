/**
 * Links that keep working under a sub-path (`BASE_PATH=/courses/docker`).
 * Astro's BASE_URL may or may not end in a slash depending on config.
 */
export function withBase(path: string, base: string = import.meta.env.BASE_URL): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return root + path.replace(/^\/+/, '');
}

/** `lessons/bridge-basics` (the collection id) → `bridge-basics` (the slug progress and prerequisites use). */
export function lessonSlug(id: string): string {
  return id.replace(/^lessons\//, '');
}

export function lessonHref(slug: string, base?: string): string {
  return withBase(`lessons/${slug}/`, base);
}
