/**
 * One collection, Starlight's `docs`, over the course's lessons:
 * `content/lessons/<slug>/index.mdx` becomes `/lessons/<slug>/`.
 * The e2e suite adds its fixture lessons (`e2e/fixtures/lessons/`) when the
 * build runs with DNHO_FIXTURES=1; a normal build never contains them.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { lessonFields } from './lessons/frontmatter';

/**
 * DNHO_LESSONS=bridge,dns builds only those lessons (quicker while writing one);
 * `DNHO_LESSONS=none` builds none (with DNHO_FIXTURES=1: just the fixtures).
 */
function lessonPatterns(): string[] {
  const only = process.env.DNHO_LESSONS?.trim();
  const patterns = only
    ? only === 'none' ? [] : only.split(',').map((slug) => `content/lessons/${slug.trim()}/index.mdx`)
    : ['content/lessons/*/index.mdx'];
  if (process.env.DNHO_FIXTURES === '1') patterns.push('e2e/fixtures/lessons/*/index.mdx');
  return patterns;
}
const patterns = lessonPatterns();

/** `content/lessons/bridge-basics/index.mdx` → `lessons/bridge-basics`. */
function lessonId({ entry }: { entry: string }): string {
  const parts = entry.split('/');
  return `lessons/${parts[parts.length - 2]}`;
}

const starlightWithLessons = docsSchema({ extend: lessonFields });

export const collections = {
  docs: defineCollection({
    loader: glob({ base: '.', pattern: patterns, generateId: lessonId }),
    // Our `order` drives Starlight's sidebar (and so previous/next); `summary` is the page
    // description; fixture lessons stay out of the sidebar and the search index.
    schema: (context) =>
      starlightWithLessons(context).transform((data) => ({
        ...data,
        description: data.description ?? data.summary,
        sidebar: { ...data.sidebar, order: data.sidebar.order ?? data.order, hidden: data.sidebar.hidden || data.fixture },
        pagefind: data.pagefind && !data.fixture,
      })),
  }),
};
