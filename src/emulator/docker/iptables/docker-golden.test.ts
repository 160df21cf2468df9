/**
 * Docker's rules, listed by the emulator, against the same command lines
 * replayed in the real iptables v1.8.9 (fixtures/docker-golden.json, from
 * fixtures/capture-docker.mts).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { emptyNetfilter } from '../../netfilter/state';
import { runIptables } from '../../netfilter/iptables';
import { DOCKER_SCENARIOS } from './fixtures/docker-scenarios';

interface Golden {
  tool: string;
  scenarios: {
    name: string;
    commands: string[][];
    failures: { argv: string[]; stderr: string }[];
    listings: { argv: string[]; status: number; stdout: string; stderr: string }[];
  }[];
}

const golden = JSON.parse(readFileSync(new URL('./fixtures/docker-golden.json', import.meta.url), 'utf8')) as Golden;

describe(`Docker 28 rules listed as ${golden.tool} lists them`, () => {
  for (const g of golden.scenarios) {
    const scenario = DOCKER_SCENARIOS.find((s) => s.name === g.name)!;
    it(g.name, () => {
      const nf = emptyNetfilter();
      const commands = scenario.run(nf).flatMap((r) => r.commands);
      expect(commands).toEqual(g.commands);
      for (const l of g.listings) {
        expect({ argv: l.argv.join(' '), ...runIptables(l.argv, nf) }).toEqual({ argv: l.argv.join(' '), status: l.status, stdout: l.stdout, stderr: l.stderr });
      }
    });
    it(`${g.name}: the same commands fail in the emulator as in iptables`, () => {
      const nf = emptyNetfilter();
      const failures = g.commands
        .map((argv) => ({ argv, r: runIptables(argv, nf) }))
        .filter((x) => x.r.status !== 0)
        .map((x) => ({ argv: x.argv, stderr: x.r.stderr }));
      expect(failures).toEqual(g.failures);
    });
  }
});
