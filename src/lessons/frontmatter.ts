/**
 * The frontmatter of a lesson (`content/lessons/<slug>/index.mdx`), as the
 * author writes it. Starlight adds its own fields (`title`, `description`,
 * `sidebar`, …); these are ours. Every message names what was expected and
 * what was found, because the build error is the only feedback an author
 * gets: Astro prefixes it with the file and the field.
 */
import { z } from 'astro/zod';

/** "a string", "the number 3", "a list", … — what the author actually wrote. */
export function describeFound(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return `a list (${JSON.stringify(value).slice(0, 60)})`;
  if (typeof value === 'string') return `the text ${JSON.stringify(value.slice(0, 60))}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `the ${typeof value} ${String(value)}`;
  if (typeof value === 'object') return `a mapping with keys ${Object.keys(value).join(', ') || '(none)'}`;
  return typeof value;
}

function expected(what: string) {
  return { error: (issue: { input?: unknown }) => `expected ${what}, found ${describeFound(issue.input)}` };
}

const slug = z
  .string(expected('a lesson slug (the folder name under content/lessons/)'))
  .regex(/^[a-z0-9][a-z0-9-]*$/, expected('a lesson slug of lowercase letters, digits and dashes'));

/** One lab a lesson's terminals start from: createLab({ seed, hosts }) then `setup`, run silently. */
export const labSetupSchema = z
  .object(
    {
      seed: z.number(expected('a whole number seed')).int(expected('a whole number seed')).optional()
        .describe('Seed for every random choice in the lab (IDs, MACs). Default 1.'),
      hosts: z.number(expected('a number of hosts from 1 to 9')).int().min(1, expected('at least 1 host')).max(9, expected('at most 9 hosts')).optional()
        .describe('How many Docker hosts (node1..nodeN). Default 1.'),
      setup: z.array(z.string(expected('a command line (text)')), expected('a list of command lines')).default([])
        .describe('Commands run silently before the student sees the terminal.'),
    },
    expected('a mapping with optional `seed`, `hosts` and a `setup` list'),
  )
  .strict();

export const lessonFields = z.object({
  summary: z.string(expected('a one-sentence summary (text)')).min(1, expected('a non-empty summary'))
    .describe('One sentence shown on the course home under the title.'),
  order: z.number(expected('a number giving the lesson’s place in the course (e.g. 3)'))
    .describe('Position in the course; the sidebar, home page and previous/next follow it.'),
  objectives: z.array(z.string(expected('an objective (text)')), expected('a list of learning objectives'))
    .min(1, expected('at least one objective'))
    .describe('What the student can do after the lesson; shown at the top of the page.'),
  minutes: z.number(expected('the estimated minutes as a number (e.g. 20)')).positive(expected('a positive number of minutes'))
    .describe('Estimated time to complete, in minutes.'),
  prerequisites: z.array(slug, expected('a list of lesson slugs')).default([])
    .describe('Slugs of lessons to do first.'),
  labs: z.record(z.string(), labSetupSchema, expected('a mapping of lab key (e.g. `main`) to its setup'))
    .default({ main: { setup: [] } })
    .describe('The labs the lesson’s terminals start from, by key.'),
  /** The e2e fixture lessons set this; they stay out of the course listing and the sidebar. */
  fixture: z.boolean(expected('true or false')).default(false),
});

export type LessonFields = z.output<typeof lessonFields>;
export type LabSetupData = z.output<typeof labSetupSchema>;
