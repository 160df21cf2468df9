/** Network tools (ip, ping, curl, nslookup, ...), one spec per file. */
import type { CommandSpec } from '../types';
import { ip } from './ip';
import { ping } from './ping';
import { conntrack, iptables } from './iptables';

export const netCommands: CommandSpec[] = [ip, ping, iptables, conntrack];
