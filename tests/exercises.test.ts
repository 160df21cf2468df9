/**
 * Every exercise proves itself (house style 6, after Learn Git Branching):
 * on its starting lab at least one check fails; after its own solution
 * commands (each exiting 0 unless `solutionExit` says otherwise) every check
 * passes. The starting lab is the lesson's frontmatter lab (createLab({ seed,
 * hosts }) + setup), and — because a student reads down the page on one
 * terminal — also that lab after the solutions of the exercises above it.
 * An exercise with `continues: true` builds on those and is proven only so. Quizzes and exercise data are
 * validated with the same schemas the components use at build time.
 *
 * Discovers `content/lessons/<slug>/index.mdx` with `exercises.ts` and
 * `quiz.ts` beside it. Skips (with a message) only when there are no lessons.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Lab, LabOptions } from '../src/emulator/api';
import { extractFrontmatter, loadYaml } from '../src/courseware/frontmatter';
import { formatProof, proveExercise, type MakeLab } from '../src/courseware/prove';
import { validateExercise, validateLabSetup, validateQuiz } from '../src/courseware/schema';
import type { Exercise } from '../src/courseware/types';
import { toExercise, variantNumbers, type BreakFixLab } from '../src/courseware/breakfix';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// DNHO_LESSONS_DIR points the proofs at another folder of lessons (e.g. e2e fixtures).
const LESSONS = process.env.DNHO_LESSONS_DIR ?? join(ROOT, 'content', 'lessons');
const EMULATOR = join(ROOT, 'src', 'emulator', 'index.ts');

interface LessonFiles {
  slug: string;
  mdx?: string;
  exercises?: string;
  quiz?: string;
  /** `breakfix.ts`: break-fix labs with variants (src/courseware/breakfix.ts). */
  breakfix?: string;
}

function discoverLessons(): LessonFiles[] {
  if (!existsSync(LESSONS)) return [];
  const found: LessonFiles[] = [];
  for (const slug of readdirSync(LESSONS).sort()) {
    const file = (name: string) => (existsSync(join(LESSONS, slug, name)) ? join(LESSONS, slug, name) : undefined);
    const lesson = { slug, mdx: file('index.mdx'), exercises: file('exercises.ts'), quiz: file('quiz.ts'), breakfix: file('breakfix.ts') };
    if (lesson.mdx || lesson.exercises || lesson.quiz || lesson.breakfix) found.push(lesson);
  }
  return found;
}

/** `<Exercise data={exercises.netCreate} />` → 'netCreate', in page order. */
function exercisesOnPage(mdx: string): string[] {
  return [...mdx.matchAll(/<Exercise\b[^>]*?\bdata=\{\s*[A-Za-z_$][\w$]*\.([A-Za-z_$][\w$]*)\s*\}/g)].map((m) => m[1]);
}

/** The frontmatter `labs`, defaulting like the site's schema does (`{ main: { setup: [] } }`). */
async function labsOf(mdxFile: string): Promise<Record<string, unknown>> {
  const yaml = extractFrontmatter(readFileSync(mdxFile, 'utf8'));
  const data = (yaml ? await loadYaml(yaml) : {}) as { labs?: Record<string, unknown> } | null;
  return data?.labs ?? { main: { setup: [] } };
}

let emulator: Promise<MakeLab> | undefined;
/**
 * The emulator, loaded once. Lessons exist, so a missing emulator is a
 * failure, never a skip. A variable specifier keeps the compiler from
 * insisting on a file another contributor is still writing.
 */
function makeLab(): Promise<MakeLab> {
  emulator ??= import(/* @vite-ignore */ EMULATOR).then(
    (mod: { createLab?: (o: LabOptions) => Lab | Promise<Lab> }) => {
      if (typeof mod.createLab !== 'function') throw new Error(`${rel(EMULATOR)} does not export createLab()`);
      return mod.createLab;
    },
    (err: unknown) => {
      throw new Error(`the emulator (${rel(EMULATOR)}) could not be loaded, so exercises cannot be proven: ${err instanceof Error ? err.message : String(err)}`);
    },
  );
  return emulator;
}

const rel = (file: string) => (file.startsWith(ROOT) ? file.slice(ROOT.length) : file);
const lessons = discoverLessons();

if (lessons.length === 0) {
  describe.skip('exercise proofs', () => {
    it('no lessons yet: nothing under content/lessons/<slug>/index.mdx — add a lesson and its exercises are proven here', () => {});
  });
}

for (const lesson of lessons) {
  describe(`lesson ${lesson.slug}`, async () => {
    const mdx = lesson.mdx ? readFileSync(lesson.mdx, 'utf8') : '';
    const labs = lesson.mdx ? await labsOf(lesson.mdx) : {};
    const mod = lesson.exercises ? ((await import(/* @vite-ignore */ lesson.exercises)) as { exercises?: Record<string, unknown> }) : {};
    const data = mod.exercises ?? {};
    const onPage = exercisesOnPage(mdx);
    const ordered = [...onPage.filter((k) => k in data), ...Object.keys(data).filter((k) => !onPage.includes(k))];

    it('has an index.mdx whose labs are valid', () => {
      expect(lesson.mdx, `content/lessons/${lesson.slug}/ has exercises or a quiz but no index.mdx`).toBeDefined();
      for (const [key, setup] of Object.entries(labs)) {
        const v = validateLabSetup(setup, `${rel(lesson.mdx!)} labs.${key}`);
        expect(v.ok, v.ok ? '' : v.message).toBe(true);
      }
    });

    if (lesson.exercises) {
      it('exports `exercises`, each valid, with unique ids, and each shown on the page', () => {
        expect(mod.exercises, `${rel(lesson.exercises!)} must export const exercises = { … }`).toBeTypeOf('object');
        const ids = new Map<string, string>();
        for (const key of Object.keys(data)) {
          const v = validateExercise(data[key], `${rel(lesson.exercises!)} (exercises.${key})`);
          expect(v.ok, v.ok ? '' : v.message).toBe(true);
          const id = (data[key] as Exercise).id;
          expect(ids.has(id), `exercises.${key} and exercises.${ids.get(id)} share the id "${id}"; progress is saved by id`).toBe(false);
          ids.set(id, key);
          expect(onPage, `exercises.${key} is never shown: index.mdx has no <Exercise data={exercises.${key}} />`).toContain(key);
        }
      });
    }

    for (const [index, key] of ordered.entries()) {
      const exercise = data[key] as Exercise;
      const where = `${rel(lesson.exercises ?? lesson.slug)}: exercise "${exercise.id ?? key}"`;
      // Exercises above this one on the same lab, which a student reading down the page has solved.
      const earlier = ordered.slice(0, index).map((k) => data[k] as Exercise).filter((e) => e.lab === exercise.lab);
      const paths: { name: string; earlier: Exercise[] }[] = [];
      if (!exercise.continues) paths.push({ name: "from the lesson's starting lab", earlier: [] });
      if (earlier.length > 0 || exercise.continues) paths.push({ name: 'after the exercises above it on the page', earlier });

      for (const path of paths) {
        it(`exercise ${key} ${path.name}: a check fails first, all pass after the solution`, { timeout: 60_000 }, async () => {
          const v = validateExercise(exercise, where);
          expect(v.ok, v.ok ? '' : v.message).toBe(true);
          const setup = validateLabSetup(labs[exercise.lab], `${rel(lesson.mdx ?? lesson.slug)} labs.${exercise.lab}`);
          expect(setup.ok, `${where} grades lab "${exercise.lab}", but index.mdx declares labs: ${Object.keys(labs).join(', ') || 'none'}`).toBe(true);
          if (!setup.ok) return;
          const proof = await proveExercise({ makeLab: await makeLab(), setup: setup.value, earlier: path.earlier, exercise });
          expect(proof.ok, formatProof(`${where} (${path.name})`, proof)).toBe(true);
        });
      }
    }

    if (lesson.breakfix) await proveBreakFixLabs(lesson, mdx);

    if (lesson.quiz) {
      it('exports a valid `quiz`', async () => {
        const q = (await import(/* @vite-ignore */ lesson.quiz!)) as { quiz?: unknown };
        const v = validateQuiz(q.quiz, rel(lesson.quiz!));
        expect(v.ok, v.ok ? '' : v.message).toBe(true);
      });
    }
  });
}

/** `<BreakFix data={labs.webDb} />` → 'webDb', in page order. */
function breakFixOnPage(mdx: string): string[] {
  return [...mdx.matchAll(/<BreakFix\b[^>]*?\bdata=\{\s*[A-Za-z_$][\w$]*\.([A-Za-z_$][\w$]*)\s*\}/g)].map((m) => m[1]);
}

/**
 * Every variant of every break-fix lab proves itself on its own lab
 * (createLab({ seed: variant, hosts }) + its setup): a check fails first,
 * all pass after its solution, and each wrong fix leaves one failing.
 */
async function proveBreakFixLabs(lesson: LessonFiles, mdx: string): Promise<void> {
  const mod = (await import(/* @vite-ignore */ lesson.breakfix!)) as { labs?: Record<string, BreakFixLab> };
  const labs = mod.labs ?? {};
  const where = rel(lesson.breakfix!);
  it('exports `labs` of break-fix labs, unique ids, each shown on the page', () => {
    expect(mod.labs, `${where} must export const labs = { … }`).toBeTypeOf('object');
    const ids = Object.values(labs).map((l) => l.id);
    expect(new Set(ids).size, `${where}: lab ids must be unique, found ${ids.join(', ')}`).toBe(ids.length);
    for (const key of Object.keys(labs)) expect(breakFixOnPage(mdx), `labs.${key} is never shown: index.mdx has no <BreakFix data={labs.${key}} />`).toContain(key);
  });
  for (const [key, lab] of Object.entries(labs)) {
    for (const n of variantNumbers(lab)) {
      it(`break-fix ${key} variant ${n}: broken first, fixed by its solution, still broken after each wrong fix`, { timeout: 120_000 }, async () => {
        const inst = toExercise(lab, n);
        const v = validateExercise(inst.exercise, `${where} (labs.${key} variant ${n})`);
        expect(v.ok, v.ok ? '' : v.message).toBe(true);
        const q = validateQuiz(inst.quiz, `${where} (labs.${key} variant ${n} diagnosis)`);
        expect(q.ok, q.ok ? '' : q.message).toBe(true);
        expect(inst.wrongFixes.length, `${where}: labs.${key} needs at least one wrong fix`).toBeGreaterThan(0);
        const proof = await proveExercise({ makeLab: await makeLab(), setup: inst.setup, earlier: [], exercise: inst.exercise, wrongFixes: inst.wrongFixes });
        expect(proof.ok, formatProof(`${where}: labs.${key} variant ${n}`, proof)).toBe(true);
      });
    }
  }
}
