/** System programs of the host: service control, logs, ssh and small utilities. */
import type { CommandSpec } from '../types';
import { service, systemctl } from './systemctl';
import { journalctl } from './journalctl';
import { ssh } from './ssh';
import { clear, date, history, hostname, id, uname } from './small';

export const systemCommands: CommandSpec[] = [systemctl, service, journalctl, ssh, hostname, clear, history, date, uname, id];
