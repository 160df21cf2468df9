import { describe, expect, it } from 'vitest';
import { createLab } from '../index';
import type { EmulatedLab } from '../lab';
import { tcpConnect } from './transport';
import { converse, tcpSegmentOf } from './tcp-conversation';
import type { Packet } from './packet';

/** A lab with nginx on the default bridge; every packet web's namespace sends is recorded. */
async function wired(): Promise<{ lab: EmulatedLab; seen: Packet[] }> {
  const lab = createLab({ seed: 2 }) as EmulatedLab;
  await lab.run('docker run -d --name web nginx');
  const seen: Packet[] = [];
  const web = lab.query.container('web')!;
  const ns = Object.values(lab.ctx.state.net.namespaces).find((n) => n.devices.some((d) => lab.ctx.state.net.devices[d].addrs.some((a) => a.ip === web.endpoints[0].ip)))!;
  lab.ctx.captures!.open({ ns: ns.id, device: 'any', promisc: false, deliver: (r) => {
    if (r.pkttype === 'outgoing' && r.frame.packet) seen.push(r.frame.packet);
  } });
  return { lab, seen };
}

describe('a TCP conversation after the handshake', () => {
  it('numbers each side\'s bytes from 1, a FIN taking one, and ends in TIME_WAIT', async () => {
    const { lab, seen } = await wired();
    const ip = lab.query.container('web')!.endpoints[0].ip;
    const conn = tcpConnect(lab.ctx, lab.ctx.rootNs('node1'), ip, 80);
    expect(conn.kind).toBe('connected');
    if (conn.kind !== 'connected') return;
    converse(lab.ctx, conn).clientSends('GET / HTTP/1.1\r\n\r\n').serverSends('x'.repeat(2000)).close('client');
    const sent = seen.filter((p) => p.proto === 'tcp').map((p) => `${(p.tcpFlags ?? []).join('+')} ${tcpSegmentOf(p)?.seq ?? '-'}:${p.length} ack ${tcpSegmentOf(p)?.ack ?? '-'}`);
    // What web sends: SYN-ACK, ACK of the request, the answer in two segments (MSS 1448), FIN, last ACK... from web's side.
    expect(sent).toEqual(['SYN+ACK -:0 ack -', 'ACK 1:0 ack 19', 'ACK 1:1448 ack 19', 'PSH+ACK 1449:552 ack 19', 'FIN+ACK 2001:0 ack 20']);
    const ct = (await (async () => { let out = ''; await lab.run('conntrack -L', { stdout: (t) => (out += t) }); return out; })());
    expect(ct).toMatch(/TIME_WAIT src=172\.17\.0\.1 dst=172\.17\.0\.\d+ sport=\d+ dport=80 .*\[ASSURED\]/);
  });
});
