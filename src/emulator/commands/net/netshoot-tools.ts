/** The tools netshoot adds to the usual network set (registered by net/index.ts in one line). */
import type { CommandSpec } from '../types';
import { ethtool } from './ethtool';
import { iperf } from './iperf';
import { iperf3 } from './iperf3';
import { nsenter } from './nsenter';
import { ipvsadm } from './ipvsadm';
import { iftop } from './iftop';
import { mtr } from './mtr';

export const netshootTools: CommandSpec[] = [ethtool, iperf, iperf3, nsenter, ipvsadm, iftop, mtr];
