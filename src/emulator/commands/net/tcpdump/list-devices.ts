/**
 * `tcpdump -D`: pcap_findalldevs() as tcpdump prints it, `N.name [flags]`.
 * libpcap 1.10 orders devices by a figure of merit — up before down,
 * running before not, non-loopback before loopback — with the `any`
 * pseudo-device after the running interfaces; flags are Up, Running,
 * Loopback and the connection status (Connected, Disconnected; "Not
 * applicable" is left out, as tcpdump does). The netfilter pseudo-devices
 * (nflog, nfqueue) close the list on Linux. NOT FOUND: whether the images'
 * libpcap also lists bluetooth-monitor or D-Bus devices; they are left out.
 */
import type { DeviceState, NetState } from '../../../net/state';
import { ethLink } from '../ethtool';

interface Listed {
  name: string;
  description?: string;
  flags: string[];
  merit: number;
  order: number;
}

function listed(net: NetState, d: DeviceState): Listed {
  const loopback = d.kind === 'loopback';
  const running = d.up && (loopback || ethLink(net, d).carrier);
  const flags = [d.up ? 'Up' : '', running ? 'Running' : '', loopback ? 'Loopback' : ''].filter(Boolean);
  if (!loopback) flags.push(running ? 'Connected' : 'Disconnected');
  const merit = (d.up ? 0 : 4) + (running ? 0 : 2) + (loopback ? 1 : 0);
  return { name: d.name, flags, merit, order: d.ifindex };
}

export function listDevices(net: NetState, devices: DeviceState[]): string {
  const all = devices.map((d) => listed(net, d));
  // `any` sits after the running non-loopback interfaces and before lo (merit 0.5).
  all.push({ name: 'any', description: 'Pseudo-device that captures on all interfaces', flags: ['Up', 'Running'], merit: 0.5, order: 0 });
  all.sort((a, b) => a.merit - b.merit || a.order - b.order);
  all.push(
    { name: 'nflog', description: 'Linux netfilter log (NFLOG) interface', flags: ['none'], merit: 9, order: 0 },
    { name: 'nfqueue', description: 'Linux netfilter queue (NFQUEUE) interface', flags: ['none'], merit: 9, order: 0 },
  );
  return all.map((d, i) => `${i + 1}.${d.name}${d.description ? ` (${d.description})` : ''} [${d.flags.join(', ')}]\n`).join('');
}
