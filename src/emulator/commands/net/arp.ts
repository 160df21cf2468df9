/**
 * `arp` (BusyBox in alpine/busybox, net-tools on the host and in GNU
 * images): the IPv4 neighbour table of the namespace. `-n` prints
 * addresses; without it names come from /etc/hosts (the model has no
 * reverse DNS for most addresses, so most entries read `?`).
 */
import type { CommandContext, CommandSpec } from '../types';
import { labCtx } from '../docker/engine-access';
import { arpBsd, arpList, netfmtFlavors, type ArpEntryView } from '../netfmt/index';
import { neighViews } from './views';
import { hostsFileName } from './reverse-name';

function run(ctx: CommandContext): number {
  const flavor = netfmtFlavors(ctx.scope.userland).netTools;
  let numeric = false;
  let bsd = false;
  for (const a of ctx.argv.slice(1)) {
    if (!a.startsWith('-')) continue;
    for (const ch of a.slice(1)) {
      if (ch === 'n') numeric = true;
      else if (ch === 'a') bsd = true;
      else if (ch !== 'e' && ch !== 'v') {
        ctx.stderr(flavor === 'busybox' ? `arp: invalid option -- '${ch}'\n` : `arp: invalid option -- '${ch}'\nUsage:\n  arp [-vn]  [<HW>] [-i <if>] [-a] [<hostname>]             <-Display ARP cache\n`);
        return flavor === 'busybox' ? 1 : 255;
      }
    }
  }
  const lab = labCtx(ctx);
  const entries: ArpEntryView[] = neighViews(lab, lab.ns(ctx.scope.netnsId)).map((n) => ({ ...n, name: numeric ? undefined : hostsFileName(ctx.scope.fs, n.ip) }));
  ctx.stdout(bsd ? arpBsd(entries, flavor) : arpList(entries.map((e) => (flavor === 'busybox' || numeric ? e : { ...e, ip: e.name ?? e.ip })), flavor));
  return 0;
}

export const arp: CommandSpec = {
  name: 'arp',
  usage: 'arp [-vn] [<HW>] [-i <if>] [-a] [<hostname>]',
  summary: 'manipulate the system ARP cache',
  run,
};
