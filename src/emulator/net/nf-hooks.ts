/**
 * Netfilter hooks of the packet path. TEMPORARY: accepts everything until the
 * evaluator lands (being written in netfilter/); replaced in the next commit.
 */
import type { Packet } from './packet';
import type { DeviceState, NetState, NsState } from './state';

export interface HookResult {
  verdict: 'ACCEPT' | 'DROP' | 'REJECT';
  pkt: Packet;
  where?: string;
}

export function hookPrerouting(_net: NetState, _ns: NsState, pkt: Packet, _in: DeviceState): HookResult {
  return { verdict: 'ACCEPT', pkt };
}
export function hookLocalOut(_net: NetState, _ns: NsState, pkt: Packet, _out: DeviceState): HookResult {
  return { verdict: 'ACCEPT', pkt };
}
export function hookInput(_net: NetState, _ns: NsState, pkt: Packet, _in: DeviceState): HookResult {
  return { verdict: 'ACCEPT', pkt };
}
export function hookForward(_net: NetState, _ns: NsState, pkt: Packet, _in: DeviceState, _out: DeviceState): HookResult {
  return { verdict: 'ACCEPT', pkt };
}
export function hookPostrouting(_net: NetState, _ns: NsState, pkt: Packet, _out: DeviceState): Packet {
  return pkt;
}
