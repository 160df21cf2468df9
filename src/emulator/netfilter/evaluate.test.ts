import { describe, expect, it } from 'vitest';
import type { Packet } from '../net/packet';
import type { NetfilterState } from './types';
import { emptyNetfilter, findChain } from './state';
import { runIptables } from './iptables';
import { evaluate, type EvalMeta } from './evaluate';

function nfWith(...lines: string[]): NetfilterState {
  const nf = emptyNetfilter();
  for (const l of lines) {
    const r = runIptables(l.split(' '), nf);
    if (r.status !== 0) throw new Error(`${l}: ${r.stderr}`);
  }
  return nf;
}

function tcp(src: string, dst: string, dport: number, extra: Partial<Packet> = {}): Packet {
  return { src, dst, proto: 'tcp', ttl: 64, sport: 40000, dport, tcpFlags: ['SYN'], length: 0, ...extra };
}

const meta = (m: Partial<EvalMeta> = {}): EvalMeta => ({ isLocal: () => false, ctstate: 'NEW', ...m });

describe('evaluate: chains, verdicts, policies', () => {
  it('an empty chain applies the policy and counts it', () => {
    const nf = nfWith('-P INPUT DROP');
    const r = evaluate(nf, 'filter', 'INPUT', tcp('1.1.1.1', '2.2.2.2', 80), meta());
    expect(r).toEqual({ verdict: 'DROP', decidedBy: { chain: 'INPUT', policy: true } });
    expect(findChain(nf.tables.filter, 'INPUT')!.counters).toEqual({ packets: 1, bytes: 40 });
  });

  it('the first matching terminal rule wins and rules before it are counted only if they matched', () => {
    const nf = nfWith('-A INPUT -s 9.9.9.9 -j DROP', '-A INPUT -p tcp --dport 80 -j ACCEPT', '-A INPUT -j DROP');
    const r = evaluate(nf, 'filter', 'INPUT', tcp('1.1.1.1', '2.2.2.2', 80, { length: 100 }), meta());
    expect(r).toEqual({ verdict: 'ACCEPT', decidedBy: { chain: 'INPUT', rule: 2 } });
    const rules = findChain(nf.tables.filter, 'INPUT')!.rules;
    expect(rules.map((x) => x.counters.packets)).toEqual([0, 1, 0]);
    expect(rules[1].counters.bytes).toBe(140);
    expect(runIptables(['-L', 'INPUT', '-v', '-n'], nf).stdout).toContain('    1   140 ACCEPT     6    --');
  });

  it('a rule without target only counts', () => {
    const nf = nfWith('-A INPUT -p tcp', '-A INPUT -j REJECT');
    const r = evaluate(nf, 'filter', 'INPUT', tcp('1.1.1.1', '2.2.2.2', 22), meta());
    expect(r).toMatchObject({ verdict: 'REJECT', rejectWith: 'icmp-port-unreachable', decidedBy: { chain: 'INPUT', rule: 2 } });
    expect(findChain(nf.tables.filter, 'INPUT')!.rules[0].counters.packets).toBe(1);
  });

  it('a jump comes back after RETURN; the end of a user chain returns too', () => {
    const nf = nfWith('-N A', '-N B', '-A INPUT -j A', '-A INPUT -j DROP', '-A A -j B', '-A A -p tcp --dport 80 -j ACCEPT', '-A B -s 1.1.1.1 -j RETURN', '-A B -j REJECT');
    expect(evaluate(nf, 'filter', 'INPUT', tcp('1.1.1.1', '2.2.2.2', 80), meta()).decidedBy).toEqual({ chain: 'A', rule: 2 });
    expect(evaluate(nf, 'filter', 'INPUT', tcp('1.1.1.1', '2.2.2.2', 81), meta()).decidedBy).toEqual({ chain: 'INPUT', rule: 2 });
    expect(evaluate(nf, 'filter', 'INPUT', tcp('3.3.3.3', '2.2.2.2', 80), meta()).verdict).toBe('REJECT');
  });

  it('a goto does not come back to the chain that went there', () => {
    const nf = nfWith('-N G', '-N J', '-A G -j RETURN', '-A J -g G', '-A J -j DROP', '-A INPUT -j J', '-P INPUT ACCEPT');
    // RETURN in G returns to INPUT (J's caller), skipping J's DROP.
    expect(evaluate(nf, 'filter', 'INPUT', tcp('1.1.1.1', '2.2.2.2', 80), meta())).toEqual({ verdict: 'ACCEPT', decidedBy: { chain: 'INPUT', policy: true } });
  });

  it('RETURN in a built-in chain applies the policy', () => {
    const nf = nfWith('-A FORWARD -j RETURN', '-A FORWARD -j ACCEPT', '-P FORWARD DROP');
    expect(evaluate(nf, 'filter', 'FORWARD', tcp('1.1.1.1', '2.2.2.2', 80), meta()).verdict).toBe('DROP');
  });

  it('LOG is not terminal and is reported', () => {
    const nf = nfWith('-A INPUT -j LOG --log-prefix IN:', '-A INPUT -j DROP');
    const r = evaluate(nf, 'filter', 'INPUT', tcp('1.1.1.1', '2.2.2.2', 80), meta());
    expect(r.verdict).toBe('DROP');
    expect(r.logs).toEqual([{ prefix: 'IN:', level: 4 }]);
  });

  it('unknown chains and tables accept', () => {
    expect(evaluate(emptyNetfilter(), 'filter', 'NOPE', tcp('1.1.1.1', '2.2.2.2', 80), meta()).verdict).toBe('ACCEPT');
  });
});

describe('evaluate: matches', () => {
  const cases: Array<[string, Packet, Partial<EvalMeta>, boolean]> = [
    ['-s 10.0.0.0/8', tcp('10.1.2.3', '1.1.1.1', 1), {}, true],
    ['! -s 10.0.0.0/8', tcp('10.1.2.3', '1.1.1.1', 1), {}, false],
    ['-d 192.168.1.0/255.255.255.0', tcp('1.1.1.1', '192.168.1.77', 1), {}, true],
    ['-i eth+', tcp('1.1.1.1', '2.2.2.2', 1), { inIf: 'eth0' }, true],
    ['-i eth+', tcp('1.1.1.1', '2.2.2.2', 1), { inIf: 'docker0' }, false],
    ['! -i docker0', tcp('1.1.1.1', '2.2.2.2', 1), {}, true],
    ['-i docker0', tcp('1.1.1.1', '2.2.2.2', 1), {}, false],
    ['-p udp', tcp('1.1.1.1', '2.2.2.2', 1), {}, false],
    ['! -p udp', tcp('1.1.1.1', '2.2.2.2', 1), {}, true],
    ['-p tcp --dport 8000:8080', tcp('1.1.1.1', '2.2.2.2', 8080), {}, true],
    ['-p tcp ! --dport 22', tcp('1.1.1.1', '2.2.2.2', 22), {}, false],
    ['-p tcp --sport 40000', tcp('1.1.1.1', '2.2.2.2', 1), {}, true],
    ['-p tcp --syn', tcp('1.1.1.1', '2.2.2.2', 1), {}, true],
    ['-p tcp --syn', tcp('1.1.1.1', '2.2.2.2', 1, { tcpFlags: ['ACK'] }), {}, false],
    ['-p tcp -m multiport --dports 80,443,8000:8080', tcp('1.1.1.1', '2.2.2.2', 8001), {}, true],
    ['-p tcp -m multiport ! --dports 80,443', tcp('1.1.1.1', '2.2.2.2', 443), {}, false],
    ['-p icmp --icmp-type echo-request', { src: '1.1.1.1', dst: '2.2.2.2', proto: 'icmp', ttl: 64, sport: 0, dport: 0, icmpType: 'echo-request', length: 56 }, {}, true],
    ['-p icmp --icmp-type echo-reply', { src: '1.1.1.1', dst: '2.2.2.2', proto: 'icmp', ttl: 64, sport: 0, dport: 0, icmpType: 'echo-request', length: 56 }, {}, false],
    ['-m conntrack --ctstate RELATED,ESTABLISHED', tcp('1.1.1.1', '2.2.2.2', 1), { ctstate: 'ESTABLISHED' }, true],
    ['-m conntrack --ctstate RELATED,ESTABLISHED', tcp('1.1.1.1', '2.2.2.2', 1), { ctstate: 'NEW' }, false],
    ['-m state ! --state NEW', tcp('1.1.1.1', '2.2.2.2', 1), { ctstate: 'NEW' }, false],
    ['-m conntrack --ctstate DNAT', tcp('1.1.1.1', '2.2.2.2', 1), { ctstate: 'NEW', ctNat: { dnat: true } }, true],
    ['-m addrtype --dst-type LOCAL', tcp('1.1.1.1', '2.2.2.2', 1), { isLocal: (ip) => ip === '2.2.2.2' }, true],
    ['-m addrtype --dst-type LOCAL', tcp('1.1.1.1', '2.2.2.3', 1), { isLocal: (ip) => ip === '2.2.2.2' }, false],
    ['-m addrtype --dst-type MULTICAST', tcp('1.1.1.1', '224.0.0.1', 1), {}, true],
    ['-m comment --comment anything', tcp('1.1.1.1', '2.2.2.2', 1), {}, true],
    ['-f', tcp('1.1.1.1', '2.2.2.2', 1), {}, false],
  ];
  for (const [spec, pkt, m, hit] of cases) {
    it(`${spec} ${hit ? 'matches' : 'does not match'} ${pkt.proto} ${pkt.src}->${pkt.dst}:${pkt.dport}`, () => {
      const nf = nfWith(`-A INPUT ${spec} -j DROP`);
      expect(evaluate(nf, 'filter', 'INPUT', pkt, meta(m)).verdict).toBe(hit ? 'DROP' : 'ACCEPT');
    });
  }
});

describe('evaluate: NAT targets', () => {
  it('DNAT returns the new destination', () => {
    const nf = nfWith('-t nat -A PREROUTING -p tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80');
    expect(evaluate(nf, 'nat', 'PREROUTING', tcp('1.1.1.1', '2.2.2.2', 8080), meta())).toEqual({
      verdict: 'ACCEPT', dnat: { ip: '172.17.0.2', port: 80 }, decidedBy: { chain: 'PREROUTING', rule: 1 },
    });
  });
  it('SNAT and MASQUERADE return the source change; the caller picks the MASQUERADE address', () => {
    const nf = nfWith('-t nat -A POSTROUTING -s 10.0.0.0/8 -j SNAT --to-source 5.5.5.5', '-t nat -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE');
    expect(evaluate(nf, 'nat', 'POSTROUTING', tcp('10.0.0.1', '8.8.8.8', 53), meta({ outIf: 'eth0' })).snat).toEqual({ ip: '5.5.5.5' });
    expect(evaluate(nf, 'nat', 'POSTROUTING', tcp('172.17.0.2', '8.8.8.8', 53), meta({ outIf: 'eth0' })).snat).toEqual({ masquerade: true });
    expect(evaluate(nf, 'nat', 'POSTROUTING', tcp('172.17.0.2', '172.17.0.3', 53), meta({ outIf: 'docker0' })).snat).toBeUndefined();
  });
  it('SNAT to a port only keeps the address', () => {
    const nf = nfWith('-t nat -A POSTROUTING -p udp -j SNAT --to-source :53');
    const r = evaluate(nf, 'nat', 'POSTROUTING', { ...tcp('127.0.0.11', '127.0.0.1', 5), proto: 'udp' }, meta());
    expect(r.snat).toEqual({ port: 53 });
  });
});
