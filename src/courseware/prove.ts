/**
 * Proves an exercise the way Learn Git Branching proves its levels: on the
 * lab the student would have in front of them, at least one check fails;
 * after the solution commands (each exiting as documented), every check
 * passes. The proof is data (problems + a transcript), so the test and any
 * CLI can print it; it never throws for a broken lesson.
 */
import type { Lab, LabOptions } from '../emulator/api';
import { gradeExercise, type Grade } from './grader';
import type { Exercise, LabSetup } from './types';

/** What a proof needs of a lab: running commands and the state queries. */
export type ProvableLab = Pick<Lab, 'run' | 'query'>;

export type MakeLab = (options: LabOptions) => ProvableLab | Promise<ProvableLab>;

export interface ExerciseProof {
  ok: boolean;
  /** Plain-words problems for the author; empty when the proof holds. */
  problems: string[];
  /** Every command run, with its output and status, like a terminal session. */
  transcript: string;
  before?: Grade;
  after?: Grade;
}

interface Commands {
  solution: readonly string[];
  solutionExit?: Readonly<Record<string, number>>;
}

export interface ProofInput {
  makeLab: MakeLab;
  setup: LabSetup;
  /** Exercises earlier on the page on the same lab: their solutions run first, as a student would have. */
  earlier: readonly Commands[];
  exercise: Exercise;
  /**
   * Plausible fixes that must NOT work (break-fix labs): each runs on a fresh
   * starting lab (setup and earlier solutions), its exit statuses ignored,
   * and at least one check must still fail afterwards.
   */
  wrongFixes?: readonly (readonly string[])[];
}

class Session {
  transcript = '';
  constructor(private readonly lab: ProvableLab) {}

  async run(line: string): Promise<{ status: number; output: string }> {
    let output = '';
    const collect = (text: string) => { output += text; };
    let status: number;
    try {
      status = await this.lab.run(line, { stdout: collect, stderr: collect });
    } catch (err) {
      // Lab.run must never reject; if it does, that is the finding.
      output += `[lab.run rejected: ${err instanceof Error ? err.message : String(err)}]\n`;
      status = -1;
    }
    this.transcript += `$ ${line}\n${output}${output && !output.endsWith('\n') ? '\n' : ''}[exit ${status}]\n`;
    return { status, output };
  }
}

function failing(grade: Grade): string {
  return grade.results.filter((r) => !r.pass).map((r) => `  - ${r.label}: ${r.reason}`).join('\n');
}

async function runAll(session: Session, what: string, cmds: Commands, problems: string[]): Promise<void> {
  for (const line of cmds.solution) {
    const expected = cmds.solutionExit?.[line] ?? 0;
    const { status, output } = await session.run(line);
    if (status !== expected) {
      problems.push(`${what} command ${JSON.stringify(line)} exited with ${status}, expected ${expected}${output.trim() ? `; it printed:\n${output.trimEnd()}` : ''}`);
    }
  }
}

/** A fresh starting lab: created, set up, and the earlier exercises solved. */
async function startingLab(input: ProofInput, problems: string[]): Promise<{ lab: ProvableLab; session: Session } | undefined> {
  let lab: ProvableLab;
  try {
    lab = await input.makeLab({ seed: input.setup.seed, hosts: input.setup.hosts });
  } catch (err) {
    problems.push(`the lab could not be created: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
  const session = new Session(lab);
  await runAll(session, 'setup', { solution: input.setup.setup }, problems);
  for (const [i, earlier] of input.earlier.entries()) await runAll(session, `earlier exercise #${i + 1}'s solution`, earlier, problems);
  return { lab, session };
}

/** Each wrong fix on its own fresh lab must leave at least one check failing. */
async function proveWrongFixes(input: ProofInput, problems: string[]): Promise<string> {
  let transcript = '';
  for (const [i, fix] of (input.wrongFixes ?? []).entries()) {
    const start = await startingLab(input, problems);
    if (!start) return transcript;
    start.session.transcript += `# wrong fix #${i + 1}\n`;
    for (const line of fix) await start.session.run(line);
    const grade = gradeExercise(input.exercise, start.lab);
    if (grade.passed) problems.push(`wrong fix #${i + 1} (${fix.map((l) => JSON.stringify(l)).join(', ')}) passes every check: a fix that should not work must leave at least one check failing`);
    transcript += start.session.transcript;
  }
  return transcript;
}

export async function proveExercise(input: ProofInput): Promise<ExerciseProof> {
  const problems: string[] = [];
  const start = await startingLab(input, problems);
  if (!start) return { ok: false, problems, transcript: '' };
  const { lab, session } = start;

  const before = gradeExercise(input.exercise, lab);
  if (before.passed) {
    problems.push('every check already passes on the starting lab: at least one must fail, so the student has something to do');
  }
  await runAll(session, 'solution', input.exercise, problems);
  const after = gradeExercise(input.exercise, lab);
  if (!after.passed) {
    problems.push(`after the solution, ${after.results.length - after.passCount} of ${after.results.length} checks still fail:\n${failing(after)}`);
  }
  const wrong = await proveWrongFixes(input, problems);
  return { ok: problems.length === 0, problems, transcript: session.transcript + wrong, before, after };
}

/** The proof as one message for a failing test. */
export function formatProof(where: string, proof: ExerciseProof): string {
  return `${where} is not proven:\n${proof.problems.map((p) => `* ${p}`).join('\n')}\n\nTranscript:\n${proof.transcript}`;
}
