/**
 * iptables behaviour beyond the golden transcripts: atomic failure, the
 * kernel's refusals, -S/-A round trips, options, and the error texts one
 * by one (the golden file covers them too, this makes each one visible).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { NetfilterState } from './types';
import { emptyNetfilter } from './state';
import { runIptables } from './iptables';
import { splitWords } from './fixtures/iptables-scenarios.mjs';

function run(nf: NetfilterState, line: string) {
  return runIptables(splitWords(line), nf);
}

function build(...lines: string[]): NetfilterState {
  const nf = emptyNetfilter();
  for (const l of lines) expect(run(nf, l).status, l).toBe(0);
  return nf;
}

const TRY = "Try `iptables -h' or 'iptables --help' for more information.\n";

describe('error texts and statuses', () => {
  const nf = () => build('-N MY', '-A MY -j ACCEPT');
  const cases: Array<[string, number, string]> = [
    ['-A NOPE -j ACCEPT', 1, 'iptables: No chain/target/match by that name.\n'],
    ['-A INPUT foo', 2, `Bad argument \`foo'\n${TRY}`],
    ['-A INPUT -p tcp --dport 99999', 2, `iptables v1.8.9 (nf_tables): invalid port/service \`99999' specified\n${TRY}`],
    ['-D INPUT -s 1.2.3.4 -j ACCEPT', 1, 'iptables: Bad rule (does a matching rule exist in that chain?).\n'],
    ['-C INPUT -j DROP', 1, 'iptables: Bad rule (does a matching rule exist in that chain?).\n'],
    ['-N MY', 1, 'iptables: Chain already exists.\n'],
    ['-A INPUT -j FOO', 2, `iptables v1.8.9 (nf_tables): Chain 'FOO' does not exist\n${TRY}`],
    ['-A INPUT -m foo', 2, `iptables v1.8.9 (nf_tables): Couldn't load match \`foo':No such file or directory\n\n${TRY}`],
    ['-X MY', 4, 'iptables v1.8.9 (nf_tables):  CHAIN_DEL failed (Device or resource busy): chain MY\n'],
    ['-t nat -A INPUT -j MASQUERADE', 4, 'iptables v1.8.9 (nf_tables):  RULE_APPEND failed (Invalid argument): rule in chain INPUT\n'],
    ['-I INPUT 3 -j ACCEPT', 1, 'iptables: Index of insertion too big.\n'],
    ['-P INPUT FOO', 1, "iptables: Bad policy name. Run `dmesg' for more information.\n"],
    ['-t foo -L', 3, "iptables v1.8.9 (nf_tables): table 'foo' does not exist\nPerhaps iptables or your kernel needs to be upgraded.\n"],
    ['-L NOPE', 1, "iptables v1.8.9 (nf_tables): chain `NOPE' in table `filter' is incompatible, use 'nft' tool.\n"],
    ['', 2, `iptables v1.8.9 (nf_tables): no command specified\n${TRY}`],
  ];
  for (const [line, status, stderr] of cases) {
    it(`iptables ${line || '(nothing)'}`, () => {
      expect(run(nf(), line)).toEqual({ status, stdout: '', stderr });
    });
  }
});

describe('a failed command changes nothing', () => {
  const failing = [
    '-A INPUT -s 1.1.1.1,2.2.2.2 -j DNAT --to-destination 3.3.3.3',
    '-I INPUT 9 -j DROP', '-D INPUT 7', '-R INPUT 9 -j DROP', '-X', '-X A', '-X INPUT', '-N A', '-E A B', '-E A INPUT',
    '-P FORWARD REJECT', '-A B -j A', '-A INPUT -g OUTPUT', '-t nat -A PREROUTING -j DROP', '-F NOPE', '-Z NOPE',
  ];
  for (const line of failing) {
    it(line, () => {
      const nf = build('-N A', '-N B', '-A INPUT -s 10.0.0.0/8 -j A', '-A A -j B', '-A INPUT -c 5 500 -j ACCEPT', '-P FORWARD DROP');
      const before = JSON.stringify(nf);
      expect(run(nf, line).status).not.toBe(0);
      expect(JSON.stringify(nf)).toBe(before);
    });
  }
});

describe("what the kernel refuses or allows (checked by hand: the capture machine's kernel is gVisor's)", () => {
  it('a jump or goto to a built-in chain is EOPNOTSUPP', () => {
    const nf = emptyNetfilter();
    expect(run(nf, '-A INPUT -g OUTPUT').stderr).toBe('iptables v1.8.9 (nf_tables):  RULE_APPEND failed (Operation not supported): rule in chain INPUT\n');
  });

  it('a loop reached from a base chain is EMLINK (jump stack of 16); an unreachable one is not noticed', () => {
    const nf = build('-N A', '-N B', '-A A -j B');
    expect(run(nf, '-A B -j A').status).toBe(0);
    expect(run(nf, '-A INPUT -j A').stderr).toBe('iptables v1.8.9 (nf_tables):  RULE_APPEND failed (Too many links): rule in chain INPUT\n');
    const nf2 = build('-N A', '-A INPUT -j A');
    expect(run(nf2, '-I A -j A').stderr).toBe('iptables v1.8.9 (nf_tables):  RULE_INSERT failed (Too many links): rule in chain A\n');
  });

  it('an inverted /0 address is refused (zero-length payload)', () => {
    expect(run(emptyNetfilter(), '-A INPUT ! -s 0.0.0.0/0 -j DROP').stderr).toBe('iptables v1.8.9 (nf_tables):  RULE_APPEND failed (Invalid argument): rule in chain INPUT\n');
  });

  it('-X of a built-in chain: refused when it has rules, back to "fake" when empty', () => {
    const nf = build('-A INPUT -j ACCEPT', '-P OUTPUT ACCEPT');
    expect(run(nf, '-X INPUT')).toEqual({ status: 1, stdout: '', stderr: 'iptables: Directory not empty.\n' });
    expect(run(nf, '-D OUTPUT 1').stderr).toBe('iptables: Index of deletion too big.\n');
    expect(run(nf, '-X OUTPUT').status).toBe(0);
    expect(run(nf, '-S OUTPUT').stdout).toBe('-P OUTPUT ACCEPT\n');
    expect(run(nf, '-D OUTPUT 1').stderr).toBe('iptables: No chain/target/match by that name.\n');
    expect(run(nf, '-X OUTPUT').stderr).toBe('iptables: No chain/target/match by that name.\n');
  });

  it('-P with -c sets the policy counters', () => {
    const nf = build('-P FORWARD DROP -c 10 2000');
    expect(run(nf, '-L FORWARD -v').stdout.split('\n')[0]).toBe('Chain FORWARD (policy DROP 10 packets, 2000 bytes)');
  });
});

describe('-S output parses back to the same rules', () => {
  const golden = JSON.parse(readFileSync(new URL('../docker/iptables/fixtures/docker-golden.json', import.meta.url), 'utf8')) as {
    scenarios: { name: string; listings: { argv: string[]; stdout: string }[] }[];
  };
  const own = JSON.parse(readFileSync(new URL('./fixtures/iptables-golden.json', import.meta.url), 'utf8')) as {
    scenarios: { name: string; steps: { argv: string[]; stdout: string }[] }[];
  };
  const dumps: Array<[string, string, string]> = [];
  for (const s of golden.scenarios) for (const l of s.listings) if (l.argv[2] === '-S') dumps.push([s.name, l.argv[1], l.stdout]);
  for (const s of own.scenarios) for (const st of s.steps) if (st.argv.join(' ') === '-t nat -S' || st.argv.join(' ') === '-S') dumps.push([s.name, st.argv[0] === '-t' ? 'nat' : 'filter', st.stdout]);

  // A dump with iptables' "# Table ... incompatible" note comes from a state -S cannot rebuild.
  for (const [name, table, dump] of dumps.filter(([, , d]) => !d.startsWith('#'))) {
    it(`${name} (${table})`, () => {
      const nf = emptyNetfilter();
      for (const line of dump.split('\n').filter(Boolean)) {
        const words = splitWords(line);
        if (words[0] === '-A' && words[2] === '-c') words.splice(2, 3);
        const r = runIptables(['-t', table, ...words], nf);
        expect(r.stderr, line).toBe('');
      }
      expect(runIptables(['-t', table, '-S'], nf).stdout).toBe(dump);
    });
  }
});

describe('options and state', () => {
  it('host names resolve through the given resolver; -L names addresses through the given lookup', () => {
    const nf = emptyNetfilter();
    const resolveHost = (n: string) => (n === 'web' ? ['172.17.0.2'] : undefined);
    expect(runIptables(['-A', 'INPUT', '-s', 'web', '-j', 'ACCEPT'], nf, { resolveHost }).status).toBe(0);
    expect(runIptables(['-A', 'INPUT', '-s', 'db', '-j', 'ACCEPT'], nf, { resolveHost }).stderr).toContain("host/network `db' not found");
    const out = runIptables(['-L', 'INPUT'], nf, { reverseLookup: (ip) => (ip === '172.17.0.2' ? 'web.bridge' : undefined) }).stdout;
    expect(out).toContain('ACCEPT     all  --  web.bridge           anywhere');
  });

  it('-E renames a chain and the jumps to it', () => {
    const nf = build('-N OLD', '-A INPUT -j OLD', '-E OLD NEW');
    expect(run(nf, '-S').stdout).toBe('-P INPUT ACCEPT\n-P FORWARD ACCEPT\n-P OUTPUT ACCEPT\n-N NEW\n-A INPUT -j NEW\n');
  });

  it('the state is plain JSON and keeps working after a round trip', () => {
    const nf = build('-N A', '-A INPUT -p tcp -m multiport --dports 80,443 -m comment --comment web -j A', '-t nat -A POSTROUTING -j MASQUERADE');
    const copy = JSON.parse(JSON.stringify(nf)) as NetfilterState;
    expect(copy).toEqual(nf);
    expect(run(copy, '-S').stdout).toBe(run(nf, '-S').stdout);
    expect(run(copy, '-D INPUT 1').status).toBe(0);
  });

  it('-h prints the help on stdout with status 0', () => {
    const r = run(emptyNetfilter(), '-h');
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith('iptables v1.8.9 (nf_tables)\n\nUsage: iptables -[ACD] chain rule-specification [options]\n')).toBe(true);
  });
});
