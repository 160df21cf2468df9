/**
 * Packets through a Docker 28 host's rules. A small stand-in for the packet
 * path walks the hooks in the kernel's order (raw, conntrack, nat, routing,
 * filter, nat POSTROUTING) so the tests can check what the rules decide:
 * published ports, DOCKER-USER, isolation, MASQUERADE, the userland proxy
 * and the embedded DNS.
 */
import { describe, expect, it } from 'vitest';
import type { Packet } from '../../net/packet';
import type { NetfilterState } from '../../netfilter/types';
import { emptyNetfilter } from '../../netfilter/state';
import { runIptables } from '../../netfilter/iptables';
import { evaluate, type EvalResult } from '../../netfilter/evaluate';
import {
  createConnection, ctStateOf, emptyConntrack, lookupConnection, translatePacket, updateConnection, type ConntrackState,
} from '../../netfilter/conntrack';
import { setupDaemonChains } from './daemon';
import { addBridgeNetwork, type BridgeNetworkSpec } from './network';
import { addEndpoint } from './endpoint';
import { addPortMapping } from './ports';
import { setupEmbeddedDns } from './dns';
import type { DockerFirewallOptions } from './fw';

interface Host {
  nf: NetfilterState;
  ct: ConntrackState;
  /** interface -> [own address, subnet prefix] */
  ifaces: Record<string, [string, string]>;
}

const DOCKER0: BridgeNetworkSpec = { bridgeName: 'docker0', subnet: '172.17.0.0/16' };
const BRIDGE1: BridgeNetworkSpec = { bridgeName: 'bridge1', subnet: '192.0.2.0/24' };

function host(opts: DockerFirewallOptions = {}, bridge1: BridgeNetworkSpec = BRIDGE1): Host {
  const nf = emptyNetfilter();
  setupDaemonChains(nf, opts);
  addBridgeNetwork(nf, DOCKER0, opts);
  addBridgeNetwork(nf, bridge1, opts);
  addEndpoint(nf, DOCKER0, '172.17.0.2');
  addEndpoint(nf, bridge1, '192.0.2.2');
  addPortMapping(nf, { hostPort: 8080, proto: 'tcp', containerIp: '192.0.2.2', containerPort: 80, bridgeName: 'bridge1' }, opts);
  return { nf, ct: emptyConntrack(), ifaces: { eth0: ['192.168.1.5', '192.168.1.'], docker0: ['172.17.0.1', '172.17.'], bridge1: ['192.0.2.1', '192.0.2.'] } };
}

const isLocal = (h: Host) => (ip: string) => ip.startsWith('127.') || Object.values(h.ifaces).some(([a]) => a === ip);
const route = (h: Host, dst: string) => (isLocal(h)(dst) ? 'local' : (Object.entries(h.ifaces).find(([, [, net]]) => dst.startsWith(net))?.[0] ?? 'eth0'));

interface Outcome {
  verdict: EvalResult['verdict'];
  where: string;
  pkt: Packet;
  outIf: string;
}

function stop(r: EvalResult, table: string, pkt: Packet, outIf: string): Outcome | undefined {
  if (r.verdict === 'ACCEPT') return undefined;
  return { verdict: r.verdict, where: `${table} ${r.decidedBy.chain} ${r.decidedBy.rule ?? 'policy'}`, pkt, outIf };
}

/** A packet arriving on `inIf` (or, with inIf undefined, sent by the host itself). */
function travel(h: Host, pkt: Packet, inIf: string | undefined): Outcome {
  const base = { inIf, isLocal: isLocal(h) };
  const pre = inIf ? 'PREROUTING' : 'OUTPUT';
  const raw = evaluate(h.nf, 'raw', pre, pkt, { ...base, ctstate: 'NEW' });
  const early = stop(raw, 'raw', pkt, '');
  if (early) return early;
  const known = lookupConnection(h.ct, pkt, 0);
  const ctstate = ctStateOf(known);
  let p = pkt;
  let dnat: EvalResult['dnat'];
  if (known) p = translatePacket(known.entry, known.dir, pkt, 'dst');
  else {
    dnat = evaluate(h.nf, 'nat', pre, pkt, { ...base, ctstate }).dnat;
    if (dnat) p = { ...pkt, dst: dnat.ip, dport: dnat.port ?? pkt.dport };
  }
  const outIf = route(h, p.dst);
  const chain = outIf === 'local' ? 'INPUT' : inIf ? 'FORWARD' : 'OUTPUT';
  // The connection as the kernel knows it at this point (an unconfirmed entry for a NEW packet).
  const ct = known?.entry ?? { orig: pkt, reply: { src: p.dst, dst: pkt.src, sport: p.dport, dport: pkt.sport } };
  const filt = stop(evaluate(h.nf, 'filter', chain, p, { ...base, outIf, ctstate, ct }), 'filter', p, outIf);
  if (filt) return filt;
  if (known) {
    p = translatePacket(known.entry, known.dir, p, 'src');
    updateConnection(known.entry, known.dir, pkt, 0);
    return { verdict: 'ACCEPT', where: 'conntrack', pkt: p, outIf };
  }
  const post = outIf === 'local' ? undefined : evaluate(h.nf, 'nat', 'POSTROUTING', p, { ...base, outIf, ctstate }).snat;
  const snatIp = post?.masquerade ? h.ifaces[outIf][0] : post?.ip;
  if (snatIp) p = { ...p, src: snatIp };
  createConnection(h.ct, pkt, { dnat, snat: snatIp ? { ip: snatIp } : undefined }, 0);
  return { verdict: 'ACCEPT', where: chain, pkt: p, outIf };
}

function tcp(src: string, sport: number, dst: string, dport: number, flags: Packet['tcpFlags'] = ['SYN']): Packet {
  return { src, dst, proto: 'tcp', ttl: 64, sport, dport, tcpFlags: flags, length: 0 };
}

describe('a published port (-p 8080:80 on bridge1)', () => {
  it('is DNATed from the LAN to the container and accepted by the DOCKER chain', () => {
    const h = host();
    const out = travel(h, tcp('192.168.1.10', 51000, '192.168.1.5', 8080), 'eth0');
    expect(out).toMatchObject({ verdict: 'ACCEPT', outIf: 'bridge1', pkt: { src: '192.168.1.10', dst: '192.0.2.2', dport: 80 } });
    expect(runIptables(['-L', 'DOCKER', '-v', '-n'], h.nf).stdout.split('\n')[2]).toMatch(/^ {4}1 {4}40 ACCEPT/);
  });

  it('answers come back from the published address through DOCKER-CT', () => {
    const h = host();
    travel(h, tcp('192.168.1.10', 51000, '192.168.1.5', 8080), 'eth0');
    const back = travel(h, tcp('192.0.2.2', 80, '192.168.1.10', 51000, ['SYN', 'ACK']), 'bridge1');
    expect(back).toMatchObject({ verdict: 'ACCEPT', outIf: 'eth0', pkt: { src: '192.168.1.5', sport: 8080, dst: '192.168.1.10' } });
    const next = travel(h, tcp('192.168.1.10', 51000, '192.168.1.5', 8080, ['ACK']), 'eth0');
    expect(next).toMatchObject({ verdict: 'ACCEPT', pkt: { dst: '192.0.2.2', dport: 80 } });
    expect(runIptables(['-S', 'DOCKER-CT', '-v'], h.nf).stdout).toContain('-A DOCKER-CT -o bridge1 -m conntrack --ctstate RELATED,ESTABLISHED -c 1 40 -j ACCEPT');
  });

  it('a DROP in DOCKER-USER wins over the published port', () => {
    const h = host();
    runIptables(['-I', 'DOCKER-USER', '-s', '192.168.1.10', '-j', 'DROP'], h.nf);
    expect(travel(h, tcp('192.168.1.10', 51000, '192.168.1.5', 8080), 'eth0')).toMatchObject({ verdict: 'DROP', where: 'filter DOCKER-USER 1' });
    expect(travel(h, tcp('192.168.1.11', 51000, '192.168.1.5', 8080), 'eth0').verdict).toBe('ACCEPT');
  });

  it('DOCKER-USER can filter on the published port with --ctorigdstport (FORWARD sees port 80 after DNAT)', () => {
    const h = host();
    runIptables(['-I', 'DOCKER-USER', '-p', 'tcp', '-m', 'conntrack', '--ctorigdstport', '8080', '!', '--ctorigsrc', '192.168.1.11', '-j', 'DROP'], h.nf);
    runIptables(['-I', 'DOCKER-USER', '-p', 'tcp', '--dport', '8080', '-j', 'REJECT'], h.nf);
    expect(travel(h, tcp('192.168.1.10', 51000, '192.168.1.5', 8080), 'eth0')).toMatchObject({ verdict: 'DROP', where: 'filter DOCKER-USER 2' });
    expect(travel(h, tcp('192.168.1.11', 51000, '192.168.1.5', 8080), 'eth0').verdict).toBe('ACCEPT');
  });

  it('an unpublished port of the container cannot be reached by routing to its address', () => {
    const h = host();
    expect(travel(h, tcp('192.168.1.10', 51000, '192.0.2.2', 22), 'eth0')).toMatchObject({ verdict: 'DROP', where: 'raw PREROUTING 2' });
  });

  it('with the FORWARD policy DROP, only the DOCKER rules let traffic in', () => {
    const h = host();
    runIptables(['-P', 'FORWARD', 'DROP'], h.nf);
    expect(travel(h, tcp('192.168.1.10', 51000, '192.168.1.5', 8080), 'eth0').verdict).toBe('ACCEPT');
  });
});

describe('between containers', () => {
  it('a container address of another network is dropped in raw PREROUTING first (28.x direct-routing rule)', () => {
    const h = host();
    expect(travel(h, tcp('172.17.0.2', 40000, '192.0.2.2', 80), 'docker0')).toMatchObject({ verdict: 'DROP', where: 'raw PREROUTING 2' });
  });

  it('two bridge networks are isolated by DOCKER-ISOLATION-STAGE-2', () => {
    const h = host();
    // 192.0.2.3 and 172.17.0.3 have no endpoint rule in raw, so FORWARD decides.
    expect(travel(h, tcp('172.17.0.2', 40000, '192.0.2.3', 80), 'docker0')).toMatchObject({ verdict: 'DROP', where: 'filter DOCKER-ISOLATION-STAGE-2 1' });
    expect(travel(h, tcp('192.0.2.2', 40000, '172.17.0.3', 80), 'bridge1')).toMatchObject({ verdict: 'DROP', where: 'filter DOCKER-ISOLATION-STAGE-2 2' });
  });

  it('icc=false drops traffic between containers of the same network (when bridged traffic meets iptables)', () => {
    const h = host({}, { ...BRIDGE1, icc: false });
    // DOCKER-FORWARD: 1 DOCKER-CT, 2 ISOLATION-STAGE-1, 3 DOCKER-BRIDGE, 4 docker0 ACCEPT, 5 bridge1 DROP.
    expect(travel(h, tcp('192.0.2.3', 40000, '192.0.2.2', 80), 'bridge1')).toMatchObject({ verdict: 'DROP', where: 'filter DOCKER-FORWARD 5' });
    expect(travel(host(), tcp('192.0.2.3', 40000, '192.0.2.2', 80), 'bridge1').verdict).toBe('ACCEPT');
  });

  it('an --internal network reaches nothing outside its subnet', () => {
    const h = host({}, { ...BRIDGE1, internal: true });
    expect(travel(h, tcp('192.0.2.2', 40000, '8.8.8.8', 443), 'bridge1')).toMatchObject({ verdict: 'DROP', where: 'filter DOCKER-ISOLATION-STAGE-1 2' });
  });
});

describe('to the internet', () => {
  it('is MASQUERADEd to the host address and un-NATed on the way back', () => {
    const h = host();
    const out = travel(h, tcp('172.17.0.2', 40000, '93.184.216.34', 80), 'docker0');
    expect(out).toMatchObject({ verdict: 'ACCEPT', outIf: 'eth0', pkt: { src: '192.168.1.5', sport: 40000 } });
    const back = travel(h, tcp('93.184.216.34', 80, '192.168.1.5', 40000, ['SYN', 'ACK']), 'eth0');
    expect(back).toMatchObject({ verdict: 'ACCEPT', outIf: 'docker0', pkt: { dst: '172.17.0.2', dport: 40000, src: '93.184.216.34' } });
  });

  it('is not MASQUERADEd when the network disables it', () => {
    const h = host({}, { ...BRIDGE1, masquerade: false });
    expect(travel(h, tcp('192.0.2.2', 40000, '93.184.216.34', 80), 'bridge1').pkt.src).toBe('192.0.2.2');
  });
});

describe('reaching a published port from the host and from containers', () => {
  it('with the userland proxy, 127.0.0.1:8080 on the host is not NATed (docker-proxy answers)', () => {
    const h = host();
    expect(travel(h, tcp('127.0.0.1', 50000, '127.0.0.1', 8080), undefined)).toMatchObject({ verdict: 'ACCEPT', outIf: 'local', pkt: { dst: '127.0.0.1', dport: 8080 } });
  });

  it('the host connecting to its own LAN address is DNATed to the container', () => {
    const h = host();
    expect(travel(h, tcp('192.168.1.5', 50000, '192.168.1.5', 8080), undefined)).toMatchObject({ outIf: 'bridge1', pkt: { dst: '192.0.2.2', dport: 80 } });
  });

  it('a container reaching the host address skips DNAT (RETURN for its bridge) and meets docker-proxy', () => {
    const h = host();
    const out = travel(h, tcp('172.17.0.2', 40000, '192.168.1.5', 8080), 'docker0');
    expect(out).toMatchObject({ verdict: 'ACCEPT', outIf: 'local', pkt: { dst: '192.168.1.5', dport: 8080 } });
  });

  it('without the proxy, 127.0.0.1:8080 is DNATed too, and the port mapping returns no proxy', () => {
    const h = host({ userlandProxy: false });
    expect(travel(h, tcp('127.0.0.1', 50000, '127.0.0.1', 8080), undefined)).toMatchObject({ outIf: 'bridge1', pkt: { dst: '192.0.2.2', dport: 80 } });
    const nf = emptyNetfilter();
    setupDaemonChains(nf, { userlandProxy: false });
    addBridgeNetwork(nf, BRIDGE1, { userlandProxy: false });
    expect(addPortMapping(nf, { hostPort: 1, proto: 'udp', containerIp: '192.0.2.9', containerPort: 1, bridgeName: 'bridge1' }, { userlandProxy: false }).proxy).toBeUndefined();
  });

  it('a port published on 127.0.0.1 is dropped when it does not come in on lo', () => {
    const nf = emptyNetfilter();
    setupDaemonChains(nf);
    addBridgeNetwork(nf, BRIDGE1);
    const r = addPortMapping(nf, { hostIp: '127.0.0.1', hostPort: 8080, proto: 'tcp', containerIp: '192.0.2.2', containerPort: 80, bridgeName: 'bridge1' });
    expect(r.proxy).toEqual({ hostIp: '127.0.0.1', hostPort: 8080, proto: 'tcp', containerIp: '192.0.2.2', containerPort: 80 });
    const p = tcp('192.168.1.10', 1, '127.0.0.1', 8080);
    expect(evaluate(nf, 'raw', 'PREROUTING', p, { inIf: 'eth0', isLocal: () => true, ctstate: 'NEW' }).verdict).toBe('DROP');
    expect(evaluate(nf, 'raw', 'PREROUTING', p, { inIf: 'lo', isLocal: () => true, ctstate: 'NEW' }).verdict).toBe('ACCEPT');
  });
});

describe('embedded DNS inside a container', () => {
  it('127.0.0.11:53 is DNATed to the resolver port and the answer comes back from :53', () => {
    const nf = emptyNetfilter();
    setupEmbeddedDns(nf, { udpPort: 51234, tcpPort: 40159 });
    const ct = emptyConntrack();
    const q: Packet = { src: '127.0.0.1', dst: '127.0.0.11', proto: 'udp', ttl: 64, sport: 39000, dport: 53, length: 30 };
    const meta = { isLocal: () => true, ctstate: 'NEW' as const };
    const r = evaluate(nf, 'nat', 'OUTPUT', q, meta);
    expect(r.dnat).toEqual({ ip: '127.0.0.11', port: 51234 });
    expect(evaluate(nf, 'nat', 'OUTPUT', { ...q, proto: 'tcp' }, meta).dnat).toEqual({ ip: '127.0.0.11', port: 40159 });
    createConnection(ct, q, { dnat: r.dnat }, 0);
    const answer: Packet = { ...q, src: '127.0.0.11', sport: 51234, dst: '127.0.0.1', dport: 39000 };
    const hit = lookupConnection(ct, answer, 10)!;
    expect(translatePacket(hit.entry, hit.dir, answer)).toMatchObject({ src: '127.0.0.11', sport: 53 });
  });
});
