/** Network tools (ip, ping, curl, nslookup, ...), one spec per file. */
import type { CommandSpec } from '../types';
import { ip } from './ip';
import { ping } from './ping';
import { conntrack, iptables } from './iptables';
import { curl } from './curl';
import { wget } from './wget';
import { nslookup } from './nslookup';
import { dig } from './dig';
import { drill } from './drill';
import { nc } from './nc';
import { netstat } from './netstat';
import { ss } from './ss';
import { arp } from './arp';
import { route } from './route';
import { brctl } from './brctl';
import { bridge } from './bridge';
import { traceroute } from './traceroute';
import { netshootTools } from './netshoot-tools';
import { tcpdump } from './tcpdump/tcpdump';

export const netCommands: CommandSpec[] = [
  ip, ping, iptables, conntrack, curl, wget, nslookup, dig, drill, nc, netstat, ss, arp, route, brctl, bridge, traceroute, tcpdump,
];
netCommands.push(...netshootTools);
