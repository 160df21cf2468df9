/**
 * The commands the lessons ask students to type still run: each
 * lesson's page is walked in order on its own lab (frontmatter setup, every
 * ```console block line by line, and each <Exercise>'s solution where the
 * exercise stands, as a student who solves them on the way), and no line may
 * end in a sign of a broken command: an internal error, an unknown command,
 * flag or option, a usage message, or an object the page has not made yet.
 * Outputs are not compared (IDs and timings move with the emulator); the
 * text blocks are the author's to keep current.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLab } from '../src/emulator/index';
import { extractFrontmatter, loadYaml } from '../src/courseware/frontmatter';
import type { Exercise } from '../src/courseware/types';
import { sh } from './docker-helpers';

const LESSONS_DIR = new URL('../content/lessons/', import.meta.url);
/** Every lesson with exercises; the troubleshooting page's break-fix labs have their own walk (troubleshooting-lesson.test.ts). */
const LESSONS = readdirSync(LESSONS_DIR).filter((slug) => existsSync(new URL(`${slug}/exercises.ts`, LESSONS_DIR)));
const BROKEN = [/internal error/, /command not found/, /unknown (shorthand )?flag/, /invalid option/, /^Usage:/m, /accepts no arguments/, /No such (container|service|network)/, /Error: no such/];

type Step = { kind: 'line'; line: string } | { kind: 'exercise'; key: string };

/** The page's commands and exercises, in reading order. */
function steps(mdx: string): Step[] {
  const out: Step[] = [];
  for (const m of mdx.matchAll(/```console\n([\s\S]*?)```|<Exercise\s+data=\{exercises\.(\w+)\}\s*\/>/g)) {
    if (m[2]) out.push({ kind: 'exercise', key: m[2] });
    else for (const line of m[1].trim().split('\n')) out.push({ kind: 'line', line });
  }
  return out;
}

describe('lessons: every command on the page runs', () => {
  for (const slug of LESSONS) {
    it(`${slug}`, { timeout: 120_000 }, async () => {
      const mdx = readFileSync(new URL(`../content/lessons/${slug}/index.mdx`, import.meta.url), 'utf8');
      const fm = (await loadYaml(extractFrontmatter(mdx)!)) as { labs: { main: { seed?: number; hosts?: number; setup?: string[] } } };
      const { exercises } = (await import(`../content/lessons/${slug}/exercises.ts`)) as { exercises: Record<string, Exercise> };
      const lab = createLab({ seed: fm.labs.main.seed, hosts: fm.labs.main.hosts });
      for (const line of fm.labs.main.setup ?? []) expect((await sh(lab, line)).code, `setup: ${line}`).toBe(0);
      const problems: string[] = [];
      for (const step of steps(mdx)) {
        const lines = step.kind === 'line' ? [step.line] : exercises[step.key].solution;
        for (const line of lines) {
          const r = await sh(lab, line, { timeLimitMs: 30_000 });
          const said = r.out + r.err;
          const sign = BROKEN.find((re) => re.test(said));
          if (sign) problems.push(`${step.kind === 'exercise' ? `exercise ${step.key}: ` : ''}${line}\n  → ${said.trim().split('\n').slice(0, 3).join('\n    ')}`);
        }
      }
      expect(problems, problems.join('\n')).toEqual([]);
    });
  }
});
