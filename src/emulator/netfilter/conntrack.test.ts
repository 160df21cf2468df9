import { describe, expect, it } from 'vitest';
import type { Packet } from '../net/packet';
import {
  createConnection, ctStateOf, emptyConntrack, expireConnections, lookupConnection, translatePacket, updateConnection,
} from './conntrack';
import { formatConntrackEntry, formatConntrackList } from './conntrack-format';

function tcp(src: string, sport: number, dst: string, dport: number, flags: Packet['tcpFlags']): Packet {
  return { src, dst, proto: 'tcp', ttl: 64, sport, dport, tcpFlags: flags, length: 0 };
}

function udp(src: string, sport: number, dst: string, dport: number): Packet {
  return { src, dst, proto: 'udp', ttl: 64, sport, dport, length: 20 };
}

describe('conntrack: a DNATed TCP connection (published port)', () => {
  const ct = emptyConntrack();
  const syn = tcp('192.168.1.10', 51234, '192.168.1.5', 8080, ['SYN']);
  const entry = createConnection(ct, syn, { dnat: { ip: '172.17.0.2', port: 80 } }, 0);

  it('keeps the original tuple and a reply tuple with the DNAT undone', () => {
    expect(entry.orig).toEqual({ src: '192.168.1.10', dst: '192.168.1.5', sport: 51234, dport: 8080 });
    expect(entry.reply).toEqual({ src: '172.17.0.2', dst: '192.168.1.10', sport: 80, dport: 51234 });
    expect(entry.tcpState).toBe('SYN_SENT');
  });

  it('rewrites the original packet towards the container', () => {
    expect(translatePacket(entry, 'original', syn)).toMatchObject({ src: '192.168.1.10', sport: 51234, dst: '172.17.0.2', dport: 80 });
    expect(translatePacket(entry, 'original', syn, 'src')).toMatchObject({ dst: '192.168.1.5', dport: 8080 });
  });

  it('recognises the reply and makes it look like it came from the published port', () => {
    const synack = tcp('172.17.0.2', 80, '192.168.1.10', 51234, ['SYN', 'ACK']);
    const hit = lookupConnection(ct, synack, 1000)!;
    expect(hit.dir).toBe('reply');
    expect(ctStateOf(hit)).toBe('ESTABLISHED');
    expect(translatePacket(hit.entry, 'reply', synack)).toMatchObject({ src: '192.168.1.5', sport: 8080, dst: '192.168.1.10', dport: 51234 });
    updateConnection(hit.entry, 'reply', synack, 1000);
    expect(hit.entry.tcpState).toBe('SYN_RECV');
  });

  it('becomes ESTABLISHED and ASSURED on the client ACK, and lists like conntrack -L', () => {
    const ack = tcp('192.168.1.10', 51234, '192.168.1.5', 8080, ['ACK']);
    const hit = lookupConnection(ct, ack, 2000)!;
    expect(hit.dir).toBe('original');
    expect(ctStateOf(hit)).toBe('ESTABLISHED');
    updateConnection(hit.entry, 'original', ack, 2000);
    expect(formatConntrackEntry(hit.entry, 2000)).toBe(
      'tcp      6 431999 ESTABLISHED src=192.168.1.10 dst=192.168.1.5 sport=51234 dport=8080 src=172.17.0.2 dst=192.168.1.10 sport=80 dport=51234 [ASSURED] mark=0 use=1',
    );
  });

  it('closes through FIN_WAIT, LAST_ACK and TIME_WAIT', () => {
    const e = ct.entries[0];
    updateConnection(e, 'original', tcp('192.168.1.10', 51234, '192.168.1.5', 8080, ['FIN', 'ACK']), 3000);
    expect(e.tcpState).toBe('FIN_WAIT');
    updateConnection(e, 'reply', tcp('172.17.0.2', 80, '192.168.1.10', 51234, ['FIN', 'ACK']), 3100);
    expect(e.tcpState).toBe('LAST_ACK');
    updateConnection(e, 'original', tcp('192.168.1.10', 51234, '192.168.1.5', 8080, ['ACK']), 3200);
    expect(e.tcpState).toBe('TIME_WAIT');
    expect(formatConntrackEntry(e, 3200)).toMatch(/^tcp {6}6 119 TIME_WAIT /);
    expireConnections(ct, 3200 + 120_000);
    expect(ct.entries).toHaveLength(0);
  });
});

describe('conntrack: MASQUERADEd UDP and states', () => {
  it('is NEW and [UNREPLIED] until the answer, then ESTABLISHED; a stream becomes ASSURED', () => {
    const ct = emptyConntrack();
    const q = udp('172.17.0.2', 45000, '8.8.8.8', 53);
    expect(ctStateOf(lookupConnection(ct, q, 0))).toBe('NEW');
    const e = createConnection(ct, q, { snat: { ip: '192.168.1.5' } }, 0);
    expect(formatConntrackEntry(e, 0)).toBe(
      'udp      17 29 src=172.17.0.2 dst=8.8.8.8 sport=45000 dport=53 [UNREPLIED] src=8.8.8.8 dst=192.168.1.5 sport=53 dport=45000 mark=0 use=1',
    );
    // A second query before any answer is still NEW.
    expect(ctStateOf(lookupConnection(ct, q, 500))).toBe('NEW');
    const answer = udp('8.8.8.8', 53, '192.168.1.5', 45000);
    const hit = lookupConnection(ct, answer, 1000)!;
    expect(translatePacket(hit.entry, 'reply', answer)).toMatchObject({ dst: '172.17.0.2', dport: 45000, src: '8.8.8.8', sport: 53 });
    updateConnection(hit.entry, 'reply', answer, 1000);
    expect(formatConntrackEntry(e, 1000)).not.toContain('[UNREPLIED]');
    expect(ctStateOf(lookupConnection(ct, q, 1500))).toBe('ESTABLISHED');
    updateConnection(e, 'original', q, 1500);
    expect(e.assured).toBe(true);
    expect(formatConntrackEntry(e, 1500)).toMatch(/^udp {6}17 119 .* \[ASSURED\] mark=0 use=1$/);
  });

  it('times out after 30 s without traffic', () => {
    const ct = emptyConntrack();
    createConnection(ct, udp('10.0.0.2', 1000, '10.0.0.3', 2000), {}, 0);
    expect(lookupConnection(ct, udp('10.0.0.2', 1000, '10.0.0.3', 2000), 29_999)).toBeDefined();
    expect(lookupConnection(ct, udp('10.0.0.2', 1000, '10.0.0.3', 2000), 30_000)).toBeUndefined();
  });
});

describe('conntrack: ICMP', () => {
  const ping: Packet = { src: '172.17.0.2', dst: '8.8.8.8', proto: 'icmp', ttl: 64, sport: 0, dport: 0, icmpType: 'echo-request', icmpId: 7, icmpSeq: 1, length: 56 };

  it('pairs echo-request and echo-reply by id and lists type/code/id', () => {
    const ct = emptyConntrack();
    const e = createConnection(ct, ping, { snat: { ip: '192.168.1.5' } }, 0);
    const reply: Packet = { ...ping, src: '8.8.8.8', dst: '192.168.1.5', icmpType: 'echo-reply' };
    const hit = lookupConnection(ct, reply, 100)!;
    expect(hit.dir).toBe('reply');
    expect(translatePacket(hit.entry, 'reply', reply).dst).toBe('172.17.0.2');
    updateConnection(e, 'reply', reply, 100);
    expect(formatConntrackEntry(e, 2000)).toBe(
      'icmp     1 28 src=172.17.0.2 dst=8.8.8.8 type=8 code=0 id=7 src=8.8.8.8 dst=192.168.1.5 type=0 code=0 id=7 mark=0 use=1',
    );
    // Another id is another connection.
    expect(lookupConnection(ct, { ...reply, icmpId: 8 }, 100)).toBeUndefined();
  });

  it('an ICMP error about a tracked connection is RELATED and goes back to the original sender', () => {
    const ct = emptyConntrack();
    const q = udp('172.17.0.2', 45000, '8.8.8.8', 5353);
    createConnection(ct, q, { snat: { ip: '192.168.1.5' } }, 0);
    const quoted = udp('192.168.1.5', 45000, '8.8.8.8', 5353);
    const err: Packet = { src: '8.8.8.8', dst: '192.168.1.5', proto: 'icmp', ttl: 60, sport: 0, dport: 0, icmpType: 'dest-unreach', length: 28, data: { original: quoted } };
    const hit = lookupConnection(ct, err, 10)!;
    expect(ctStateOf(hit)).toBe('RELATED');
    expect(hit.dir).toBe('reply');
    const delivered = translatePacket(hit.entry, 'reply', err);
    expect(delivered.dst).toBe('172.17.0.2');
    expect((delivered.data as { original: Packet }).original).toMatchObject({ src: '172.17.0.2', sport: 45000, dst: '8.8.8.8', dport: 5353 });
  });
});

describe('conntrack -L', () => {
  it('lists newest first and reports the count on stderr', () => {
    const ct = emptyConntrack();
    createConnection(ct, udp('10.0.0.2', 1000, '10.0.0.3', 53), {}, 0);
    createConnection(ct, tcp('10.0.0.2', 2000, '10.0.0.3', 80, ['SYN']), {}, 0);
    const out = formatConntrackList(ct.entries, 1000);
    expect(out.stdout.split('\n')[0]).toMatch(/^tcp {6}6 118 SYN_SENT src=10.0.0.2 dst=10.0.0.3 sport=2000 dport=80 \[UNREPLIED\]/);
    expect(out.stdout.split('\n')[1]).toMatch(/^udp {6}17 28 /);
    expect(out.stderr).toBe('conntrack v1.4.7 (conntrack-tools): 2 flow entries have been shown.\n');
    expect(formatConntrackList([], 0)).toEqual({ stdout: '', stderr: 'conntrack v1.4.7 (conntrack-tools): 0 flow entries have been shown.\n' });
  });
});
