/**
 * ARP, really exchanged on the link: a request is broadcast, the owner of the
 * address answers, and both sides learn the mapping in their neighbour
 * tables (which `ip neigh` and `arp` show afterwards).
 *
 * Linux answers for any of its own addresses on any interface (arp_ignore=0)
 * and learns the sender of a request addressed to it.
 */
import { BROADCAST_MAC, type Frame } from './packet';
import type { DeviceState, NetState, NsState } from './state';
import type { JourneyCtx } from './journey';
import { linkOut } from './stack';
import { neighOf } from './probe';

export function resolveNeighbour(net: NetState, ctx: JourneyCtx, ns: NsState, dev: DeviceState, ip: string): string | undefined {
  const neigh = neighOf(ctx, ns);
  const known = neigh[ip];
  if (known?.mac && known.dev === dev.id && known.state !== 'FAILED') return known.mac;
  // Resolution under way (retries pending): Linux queues the packet and sends no new request.
  if (ctx.pending?.(retryKey(dev.id, ip))) return undefined;
  const senderIp = dev.addrs[0]?.ip ?? '0.0.0.0';
  const request: Frame = {
    srcMac: dev.mac,
    dstMac: BROADCAST_MAC,
    ethertype: 'arp',
    arp: { op: 'request', senderIp, senderMac: dev.mac, targetIp: ip, targetMac: '00:00:00:00:00:00' },
  };
  linkOut(net, ctx, dev, request);
  const learnt = neigh[ip];
  if (learnt?.mac && learnt.dev === dev.id) return learnt.mac;
  neigh[ip] = { dev: dev.id, state: 'FAILED' };
  retryRequest(ctx, dev.id, request);
  return undefined;
}

/**
 * An unanswered request is sent again after 1 and 2 s (neigh ucast/mcast_solicit = 3
 * probes, retrans_time = 1 s) before the neighbour is FAILED: a capture shows all three.
 */
function retryRequest(ctx: JourneyCtx, devId: string, request: Frame): void {
  const key = retryKey(devId, request.arp!.targetIp);
  for (const delayMs of [1000, 2000]) {
    ctx.later?.(delayMs, (lab) => {
      const dev = lab.state.net.devices[devId];
      if (dev?.up) linkOut(lab.state.net, lab.journey(), dev, { ...request, arp: { ...request.arp! } });
    }, key);
  }
  // The entry stays INCOMPLETE until the third probe has had its second: packets meanwhile wait.
  ctx.later?.(3000, () => {}, key);
}

function retryKey(devId: string, ip: string): string {
  return `arp ${devId} ${ip}`;
}

export function receiveArp(net: NetState, ctx: JourneyCtx, ns: NsState, dev: DeviceState, frame: Frame): void {
  const arp = frame.arp;
  if (!arp) return;
  if (arp.op === 'reply') {
    neighOf(ctx, ns)[arp.senderIp] = { mac: arp.senderMac, dev: dev.id, state: 'REACHABLE' };
    return;
  }
  if (arp.senderIp === arp.targetIp) {
    // Gratuitous ARP: Linux updates an entry it already has; with arp_accept=0 it creates none.
    const neigh = neighOf(ctx, ns);
    if (neigh[arp.senderIp] && !ownsAddress(net, ns, arp.senderIp)) neigh[arp.senderIp] = { mac: arp.senderMac, dev: dev.id, state: 'STALE' };
    return;
  }
  if (!ownsAddress(net, ns, arp.targetIp)) return;
  neighOf(ctx, ns)[arp.senderIp] = { mac: arp.senderMac, dev: dev.id, state: 'STALE' };
  const reply: Frame = {
    srcMac: dev.mac,
    dstMac: arp.senderMac,
    ethertype: 'arp',
    arp: { op: 'reply', senderIp: arp.targetIp, senderMac: dev.mac, targetIp: arp.senderIp, targetMac: arp.senderMac },
  };
  linkOut(net, ctx, dev, reply);
}

function ownsAddress(net: NetState, ns: NsState, ip: string): boolean {
  if (ip.startsWith('127.')) return false;
  return ns.devices.some((id) => net.devices[id].addrs.some((a) => a.ip === ip));
}
