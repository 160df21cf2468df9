/**
 * Replays every command line of fixtures/iptables-scenarios.mjs through the
 * emulator and compares status, stdout and stderr with what the real
 * iptables v1.8.9 (nf_tables) printed for it (fixtures/iptables-golden.json,
 * captured by fixtures/capture-iptables.mjs on Debian 12).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { emptyNetfilter } from './state';
import { runIptables } from './iptables';

interface Step {
  argv: string[];
  status: number;
  stdout: string;
  stderr: string;
}

const golden = JSON.parse(readFileSync(new URL('./fixtures/iptables-golden.json', import.meta.url), 'utf8')) as {
  tool: string;
  scenarios: { name: string; steps: Step[] }[];
};

describe(`iptables output matches ${golden.tool}`, () => {
  for (const scenario of golden.scenarios) {
    it(scenario.name, () => {
      const nf = emptyNetfilter();
      for (const step of scenario.steps) {
        const got = runIptables(step.argv, nf);
        expect({ argv: step.argv.join(' '), ...got }).toEqual({ argv: step.argv.join(' '), status: step.status, stdout: step.stdout, stderr: step.stderr });
      }
    });
  }
});
