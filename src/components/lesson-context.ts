/**
 * What the courseware components need to know about the page they are on,
 * read from Starlight's route (`Astro.locals.starlightRoute`) when there is
 * one: the lesson slug (progress is keyed by it), the lesson file (named in
 * build errors) and the labs its frontmatter declares.
 */
import { lessonSlug } from '../layouts/paths';

interface RouteLike {
  id?: string;
  entry?: { filePath?: string; data?: { labs?: Record<string, unknown> } };
}

export interface LessonContext {
  /** `welcome` for `content/lessons/welcome/index.mdx`; the page path elsewhere. */
  slug: string;
  /** A file beside the lesson's index.mdx, e.g. `content/lessons/welcome/exercises.ts`. */
  fileBeside(name: string): string;
  /**
   * Lab keys from the frontmatter, plus those a `<BreakFix>` above declared
   * (one per variant, e.g. `web-db-v2`); undefined when the page has none.
   */
  labs: string[] | undefined;
}

/** Where `<BreakFix>` registers its variants' lab keys before rendering their terminals and exercises. */
export function registerLabs(locals: unknown, keys: readonly string[]): void {
  const l = locals as { dnhoExtraLabs?: Set<string> };
  l.dnhoExtraLabs ??= new Set();
  for (const key of keys) l.dnhoExtraLabs.add(key);
}

export function lessonContext(locals: unknown, pathname: string): LessonContext {
  const route = (locals as { starlightRoute?: RouteLike } | undefined)?.starlightRoute;
  const slug = route?.id ? lessonSlug(route.id) : pathname.replace(/^\/+|\/+$/g, '') || 'home';
  const file = route?.entry?.filePath;
  return {
    slug,
    fileBeside: (name) => (file ? file.replace(/[^/\\]+$/, name) : `${name} of the page ${pathname}`),
    labs: route?.entry?.data?.labs ? [...Object.keys(route.entry.data.labs), ...((locals as { dnhoExtraLabs?: Set<string> } | undefined)?.dnhoExtraLabs ?? [])] : undefined,
  };
}
