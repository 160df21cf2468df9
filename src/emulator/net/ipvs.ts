/**
 * IPVS, the kernel's layer-4 load balancer (net/netfilter/ipvs), as Docker
 * programs it for swarm services (libnetwork service_linux.go): one virtual
 * service per service and network, keyed by a firewall mark (`FWM 256`),
 * scheduler round robin, NAT ("Masq") forwarding to the tasks' addresses,
 * port 0 meaning "the port the packet came to".
 *
 * Where it sits in the packet path: at LOCAL_IN. A NEW connection addressed
 * to the namespace itself (a service VIP aliased on the load-balancer
 * sandbox's eth0, or the ingress sandbox's address a published port was
 * DNATed to) that matches a virtual service is given a real server by the
 * scheduler, its destination is rewritten, and it leaves again through
 * POSTROUTING (where Docker's SNAT rule puts the sandbox's own address as
 * source). Docker turns on net.ipv4.vs.conntrack, so the choice lives in
 * the conntrack entry: every later packet of the connection, replies
 * included, is translated from there — one connection, one task.
 *
 * Docker marks packets in the mangle table (`-A INPUT -d <vip>/32 -j MARK
 * --set-mark 256`, `-A PREROUTING -p tcp --dport 8080 -j MARK …`) and the
 * virtual service takes the packets with its mark; `ipvsadm -Ln` shows the
 * FWM service as Docker's does.
 */
import type { Packet } from './packet';
import type { NsState } from './state';
import type { JourneyCtx } from './journey';

export interface IpvsDest {
  ip: string;
  /** 0: the packet's own destination port (Docker's FWM services). */
  port: number;
  weight: number;
}

export interface IpvsService {
  /** The firewall mark the service takes (set by a mangle MARK rule). */
  fwmark: number;
  scheduler: 'rr';
  dests: IpvsDest[];
  /** Round robin: the index of the next real server. */
  next: number;
}

export interface IpvsState {
  services: IpvsService[];
}

function matches(svc: IpvsService, pkt: Packet): boolean {
  if (pkt.mark !== svc.fwmark) return false;
  // IPVS balances TCP and UDP; a ping to a VIP is answered by the sandbox that holds it.
  return pkt.proto === 'tcp' || pkt.proto === 'udp';
}

/**
 * ip_vs_rr_schedule: the next destination with a weight, in turn. A probe
 * (an exercise check) sees the same choice but does not move the pointer.
 */
function schedule(ctx: JourneyCtx, svc: IpvsService): IpvsDest | undefined {
  const n = svc.dests.length;
  for (let i = 0; i < n; i++) {
    const idx = (svc.next + i) % n;
    if (svc.dests[idx].weight <= 0) continue;
    if (!ctx.probe) svc.next = (idx + 1) % n;
    return svc.dests[idx];
  }
  return undefined;
}

/**
 * ip_vs_in at LOCAL_IN for a packet addressed to this namespace: the
 * packet rewritten to its real server (with the NAT recorded for conntrack),
 * or undefined when no virtual service takes it. Packets of known
 * connections never get here: conntrack already sent them to their server.
 */
export function ipvsLocalIn(ctx: JourneyCtx, ns: NsState, pkt: Packet): Packet | undefined {
  if (!ns.ipvs?.services.length || pkt.nfPending?.known) return undefined;
  const svc = ns.ipvs.services.find((s) => matches(s, pkt));
  if (!svc) return undefined;
  const dest = schedule(ctx, svc);
  if (!dest) return undefined;
  const port = dest.port === 0 ? pkt.dport : dest.port;
  const pending = pkt.nfPending ?? { ns: ns.id, orig: { ...pkt, nfPending: undefined } };
  return { ...pkt, dst: dest.ip, dport: port, ipvs: true, nfPending: { ...pending, dnat: { ip: dest.ip, port } } };
}
