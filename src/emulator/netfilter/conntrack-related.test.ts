/**
 * RELATED ICMP errors through NAT (nf_nat_icmp_reply_translation): only the
 * manipulated side of the outer header changes, the quoted packet gets the
 * opposite side, and an unNATed direction is left alone.
 */
import { describe, expect, it } from 'vitest';
import type { Packet } from '../net/packet';
import { createConnection, emptyConntrack, lookupConnection, translateRelated } from './conntrack';
import { newLab, sh } from '../../../tests/helpers/engine';

const probe: Packet = { src: '172.17.0.2', dst: '8.8.8.8', proto: 'udp', ttl: 2, sport: 40000, dport: 33435, length: 18 };
const masqueraded: Packet = { ...probe, src: '192.168.1.5' };

function timeExceeded(from: string, quoted: Packet): Packet {
  return { src: from, dst: quoted.src, proto: 'icmp', ttl: 64, sport: 0, dport: 0, icmpType: 'time-exceeded', length: 68, data: { original: quoted, code: 'ttl-zero-during-transit' } };
}

describe('translateRelated', () => {
  const ct = emptyConntrack();
  const entry = createConnection(ct, probe, { snat: { ip: '192.168.1.5' } }, 0);
  const err = timeExceeded('192.168.1.1', { ...masqueraded, ttl: 1 });

  it('finds the MASQUERADEd connection the error quotes, in the reply direction', () => {
    const hit = lookupConnection(ct, err, 10)!;
    expect(hit).toMatchObject({ dir: 'reply', state: 'RELATED' });
    expect(hit.entry).toBe(entry);
  });

  it('PREROUTING: outer dst to the container, router stays the source, quoted probe as the container sent it', () => {
    const out = translateRelated(entry, 'reply', err, 'dst');
    expect(out).toMatchObject({ src: '192.168.1.1', dst: '172.17.0.2' });
    expect((out.data as { original: Packet }).original).toMatchObject({ src: '172.17.0.2', sport: 40000, dst: '8.8.8.8', dport: 33435 });
  });

  it('POSTROUTING: a connection without DNAT leaves the router address alone', () => {
    const pre = translateRelated(entry, 'reply', err, 'dst');
    expect(translateRelated(entry, 'reply', pre, 'src')).toBe(pre);
  });

  it('finds an ICMP echo connection by its id (the id is not swapped like a port)', () => {
    const ping: Packet = { src: '172.17.0.2', dst: '8.8.8.8', proto: 'icmp', ttl: 2, sport: 0, dport: 0, icmpType: 'echo-request', icmpId: 77, icmpSeq: 1, length: 40 };
    const ct2 = emptyConntrack();
    createConnection(ct2, ping, { snat: { ip: '192.168.1.5' } }, 0);
    expect(lookupConnection(ct2, timeExceeded('192.168.1.1', { ...ping, src: '192.168.1.5' }), 10)).toMatchObject({ dir: 'reply', state: 'RELATED' });
  });
});

describe('traceroute from a container through the MASQUERADE', () => {
  for (const flag of ['', '-I ']) {
    it(`shows every hop: docker0, the LAN router, then 8.8.8.8 (${flag || 'UDP'})`, async () => {
      const lab = newLab(8);
      await sh(lab, 'docker run -dit --name box alpine');
      const r = await sh(lab, `docker exec box traceroute ${flag}-n 8.8.8.8`);
      expect(r.status).toBe(0);
      const hops = [...r.out.matchAll(/^ *(\d+) +(\S+)/gm)].map((m) => `${m[1]} ${m[2]}`);
      expect(hops).toEqual(['1 172.17.0.1', '2 192.168.1.1', '3 8.8.8.8']);
    });
  }
});
