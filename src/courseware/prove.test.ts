import { describe, expect, it } from 'vitest';
import { formatProof, proveExercise, type ProvableLab } from './prove';
import { container, endpoint, fakeLab, network, type FakeState } from './testing/fake-lab';
import type { Exercise } from './types';

/** A lab that understands three commands, enough to move the fake state. */
function scriptedLab(): ProvableLab & { state: FakeState } {
  const lab = fakeLab({ networks: [network({ name: 'bridge' })], containers: [] });
  const run = async (line: string, io?: { stdout?(t: string): void; stderr?(t: string): void }) => {
    const [cmd, ...args] = line.split(' ');
    if (cmd === 'net') { lab.state.networks.push(network({ name: args[0] })); return 0; }
    if (cmd === 'run') { lab.state.containers.push(container({ name: args[0], endpoints: [endpoint(args[1] ?? 'bridge', `10.0.0.${lab.state.containers.length + 2}`)] })); return 0; }
    io?.stderr?.(`${cmd}: command not found\n`);
    return 127;
  };
  return { ...lab, run };
}

const exercise: Exercise = {
  id: 'ex', title: 'T', task: 't', lab: 'main', hints: [],
  checks: [
    { kind: 'network-exists', id: 'net', network: 'appnet' },
    { kind: 'container-on-network', id: 'on', container: 'web', network: 'appnet' },
  ],
  solution: ['net appnet', 'run web appnet'],
};

describe('proveExercise', () => {
  it('holds when checks fail first and pass after the solution', async () => {
    const proof = await proveExercise({ makeLab: scriptedLab, setup: { setup: [] }, earlier: [], exercise });
    expect(proof.problems).toEqual([]);
    expect(proof.ok).toBe(true);
    expect(proof.before?.passed).toBe(false);
    expect(proof.transcript).toBe('$ net appnet\n[exit 0]\n$ run web appnet\n[exit 0]\n');
  });

  it('fails an exercise that already passes on its starting lab (earlier solutions included)', async () => {
    const proof = await proveExercise({ makeLab: scriptedLab, setup: { setup: ['net appnet'] }, earlier: [{ solution: ['run web appnet'] }], exercise: { ...exercise, solution: [] } });
    expect(proof.ok).toBe(false);
    expect(proof.problems).toEqual(['every check already passes on the starting lab: at least one must fail, so the student has something to do']);
  });

  it('reports a command with the wrong exit status, with its output, unless documented', async () => {
    const broken = { ...exercise, solution: ['net appnet', 'oops', 'run web appnet'] };
    const proof = await proveExercise({ makeLab: scriptedLab, setup: { setup: [] }, earlier: [], exercise: broken });
    expect(proof.problems).toEqual(['solution command "oops" exited with 127, expected 0; it printed:\noops: command not found']);
    const documented = await proveExercise({ makeLab: scriptedLab, setup: { setup: [] }, earlier: [], exercise: { ...broken, solutionExit: { oops: 127 } } });
    expect(documented.ok).toBe(true);
  });

  it('lists the checks still failing after the solution, and formats a message', async () => {
    const proof = await proveExercise({ makeLab: scriptedLab, setup: { setup: [] }, earlier: [], exercise: { ...exercise, solution: ['net appnet', 'run web'] } });
    expect(proof.problems).toEqual(['after the solution, 1 of 2 checks still fail:\n  - web is on appnet: web is only on bridge, not on appnet']);
    expect(formatProof('content/lessons/x/exercises.ts: exercise "ex"', proof)).toMatch(/^content\/lessons\/x\/exercises.ts: exercise "ex" is not proven:\n\* after the solution/);
  });

  it('reports a lab that cannot be created, or a run that rejects', async () => {
    const noLab = await proveExercise({ makeLab: () => { throw new Error('no emulator'); }, setup: { setup: [] }, earlier: [], exercise });
    expect(noLab.problems).toEqual(['the lab could not be created: no emulator']);
    const rejecting = await proveExercise({ makeLab: () => ({ ...scriptedLab(), run: () => Promise.reject(new Error('bug')) }), setup: { setup: ['x'] }, earlier: [], exercise });
    expect(rejecting.problems[0]).toBe('setup command "x" exited with -1, expected 0; it printed:\n[lab.run rejected: bug]');
  });

  it('proves wrong fixes: each on a fresh lab must leave a check failing', async () => {
    const held = await proveExercise({ makeLab: scriptedLab, setup: { setup: [] }, earlier: [], exercise, wrongFixes: [['net appnet'], ['run web bridge']] });
    expect(held.problems).toEqual([]);
    expect(held.transcript).toContain('# wrong fix #1\n$ net appnet\n[exit 0]\n');
    expect(held.transcript).toContain('# wrong fix #2\n$ run web bridge\n[exit 0]\n');
  });

  it('fails a wrong fix that in fact fixes the lab', async () => {
    const proof = await proveExercise({ makeLab: scriptedLab, setup: { setup: [] }, earlier: [], exercise, wrongFixes: [['bogus'], ['net appnet', 'run web appnet']] });
    expect(proof.ok).toBe(false);
    expect(proof.problems).toEqual(['wrong fix #2 ("net appnet", "run web appnet") passes every check: a fix that should not work must leave at least one check failing']);
  });
});
