/**
 * Docker 28 announces a new endpoint's address: libnetwork sends unsolicited
 * ARP (gratuitous ARP) from the container's interface once it is configured
 * (moby 28.0, bridge option com.docker.network.advertise_addr_nmsgs, default
 * 3 messages 600 ms apart; one is modelled). Neighbours that still hold the
 * MAC of a removed container with the same address update their entry, so a
 * replaced container is reachable at once.
 */
import type { LabCtx } from '../../world/ctx';
import type { DeviceState } from '../../net/state';
import { BROADCAST_MAC, type Frame } from '../../net/packet';
import { linkOut } from '../../net/stack';

export function advertiseAddress(ctx: LabCtx, dev: DeviceState, ip: string): void {
  const frame: Frame = {
    srcMac: dev.mac,
    dstMac: BROADCAST_MAC,
    ethertype: 'arp',
    arp: { op: 'request', senderIp: ip, senderMac: dev.mac, targetIp: ip, targetMac: '00:00:00:00:00:00' },
  };
  linkOut(ctx.state.net, ctx.journey(), dev, frame);
}
