/**
 * Break-fix labs: a lab that starts broken, shows only the symptom, and is
 * graded twice — by the fix (checks on the lab's state, like any exercise)
 * and by a diagnosis question (which layer was broken).
 *
 * A lab is declared in TypeScript because it has VARIANTS: `variant(n)`
 * derives names, subnets, ports and which fault of the lab's family from
 * the variant number, so neighbours in a classroom get different labs
 * (issue 5). Variant n also seeds the emulator (createLab({ seed: n })), so
 * IDs and MACs differ too. Everything here is data; `toExercise` turns a
 * variant into the ordinary Exercise, Quiz and LabSetup the grader, the
 * components and the proofs already know.
 */
import type { Check, Exercise, LabSetup, Quiz, QuizChoice } from './types';

export interface BreakFixVariant {
  /** What the user reports, in inline Markdown: the symptom only, never the cause. */
  symptom: string;
  /** Commands that build the broken lab (run silently before the student sees the terminal). */
  setup: string[];
  /** The application working end to end; at least one fails on the broken lab. */
  checks: Check[];
  /** Each points to the next tool to use, not to the answer. */
  hints: string[];
  /** Commands that fix it, proven in CI. */
  solution: string[];
  solutionExit?: Record<string, number>;
  /**
   * Plausible fixes that do NOT work (each a list of commands, run on a fresh
   * broken lab): CI proves that after each, at least one check still fails.
   */
  wrongFixes: string[][];
  /** "Which layer was broken?": exactly one choice is correct. */
  diagnosis: { prompt: string; choices: QuizChoice[] };
}

export interface BreakFixLab {
  /** Unique in the lesson; ids of the generated exercise and quiz start with it. */
  id: string;
  title: string;
  /** Docker hosts of the lab (node1..nodeN). Default 1. */
  hosts?: number;
  /** Variants are numbered 1..variants; a student picks one in the page. */
  variants: number;
  variant(n: number): BreakFixVariant;
}

/** What one variant of a lab becomes: the pieces the site and the proofs use. */
export interface BreakFixInstance {
  /** The lab key on the page, e.g. `web-db-v2`. */
  labKey: string;
  setup: LabSetup;
  exercise: Exercise;
  quiz: Quiz;
  symptom: string;
  wrongFixes: string[][];
}

/**
 * A variant's choice among options, spread over the variant numbers so that
 * neighbours (n and n+1) differ in every list longer than one. Deterministic:
 * the same n always builds the same lab (its proof is the student's lab).
 */
export function pick<T>(n: number, options: readonly T[], salt = 0): T {
  const i = (((n - 1) * 7 + salt * 3) % options.length + options.length) % options.length;
  return options[i];
}

/** The variant numbers of a lab, 1..variants. */
export function variantNumbers(lab: BreakFixLab): number[] {
  return Array.from({ length: Math.max(1, lab.variants) }, (_, i) => i + 1);
}

/** Clamps a number the student typed (or a URL gave) to the lab's variants; 1 for nonsense. */
export function clampVariant(lab: BreakFixLab, value: unknown): number {
  const n = typeof value === 'number' ? value : Number.parseInt(String(value), 10);
  if (!Number.isInteger(n) || n < 1) return 1;
  return Math.min(n, Math.max(1, lab.variants));
}

export function toExercise(lab: BreakFixLab, n: number): BreakFixInstance {
  const v = lab.variant(n);
  const labKey = `${lab.id}-v${n}`;
  const exercise: Exercise = {
    id: `${lab.id}-fix`,
    title: lab.title,
    // <BreakFix> shows the symptom above the terminal as the user's report; the task is only what to do.
    task: 'Find what is broken and fix it, so that the application works end to end.',
    lab: labKey,
    checks: v.checks,
    hints: v.hints,
    solution: v.solution,
    ...(v.solutionExit ? { solutionExit: v.solutionExit } : {}),
  };
  const quiz: Quiz = {
    id: `${lab.id}-diagnosis`,
    title: `Diagnosis: ${lab.title}`,
    questions: [{ kind: 'single', id: 'layer', prompt: v.diagnosis.prompt, choices: v.diagnosis.choices }],
  };
  // The fault was made before the student arrived: `history` must not show how (bash's `history -c`).
  const setup = [...v.setup, 'history -c'];
  return { labKey, setup: { seed: n, hosts: lab.hosts, setup }, exercise, quiz, symptom: v.symptom, wrongFixes: v.wrongFixes };
}
