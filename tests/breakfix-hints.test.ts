/**
 * The break-fix labs' hints name real tools: every command quoted in a hint
 * (a code span that starts with a program name) runs on that variant's
 * broken lab without the shell or the tool rejecting it — no "command not
 * found", no missing executable in the image, no unknown flag. Whether the
 * command then succeeds is the student's clue, not the test's business.
 */
import { describe, expect, it } from 'vitest';
import { createLab } from '../src/emulator/index';
import { labs } from '../content/lessons/troubleshooting/breakfix';
import { toExercise, variantNumbers, type BreakFixLab } from '../src/courseware/breakfix';

const PROGRAMS = /^(docker|ip|iptables|ss|curl|ping|nslookup|drill|dig|nc|cat|journalctl|systemctl|ssh|tcpdump)\b/;
const REJECTED = /command not found|executable file not found|unknown flag|unknown shorthand flag|invalid option|unrecognized option|Usage:/;

/** Code spans of the hints that are whole commands; a capture without -c would wait for Ctrl-C, so it is left out. */
function hintCommands(hints: string[]): string[] {
  const spans = hints.flatMap((h) => [...h.matchAll(/`([^`]+)`/g)].map((m) => m[1]));
  return spans.filter((c) => PROGRAMS.test(c) && !c.includes('…') && !/\btcpdump\b/.test(c) || /\btcpdump\b.*\s-c\s?\d/.test(c));
}

describe('break-fix hints', () => {
  for (const [key, lab] of Object.entries(labs) as [string, BreakFixLab][]) {
    it(`${key}: every command its hints quote runs on each variant's broken lab`, { timeout: 120_000 }, async () => {
      let tried = 0;
      for (const n of variantNumbers(lab)) {
        const inst = toExercise(lab, n);
        const emu = await createLab({ seed: inst.setup.seed, hosts: inst.setup.hosts });
        for (const line of inst.setup.setup) await emu.run(line, { stdout: () => {}, stderr: () => {} });
        await emu.run('docker pull -q nicolaka/netshoot', { stdout: () => {}, stderr: () => {} });
        for (const cmd of hintCommands(inst.exercise.hints)) {
          let out = '';
          await emu.run(cmd, { stdout: (t) => (out += t), stderr: (t) => (out += t) });
          expect(out, `${key} variant ${n}: hint command ${JSON.stringify(cmd)}`).not.toMatch(REJECTED);
          tried++;
        }
      }
      expect(tried, `${key}: its hints quote no command at all`).toBeGreaterThan(0);
    });
  }
});

describe('break-fix setup', () => {
  it('leaves no trace in `history`: the student sees the symptom, not the commands that made it', async () => {
    const inst = toExercise(labs.dockerUser, 1);
    const emu = await createLab({ seed: inst.setup.seed, hosts: inst.setup.hosts });
    for (const line of inst.setup.setup) expect(await emu.run(line), line).toBe(0);
    let out = '';
    await emu.run('history', { stdout: (t) => (out += t) });
    expect(out).toBe('    1  history\n');
  });
});
