/**
 * System programs of the host that the lab itself may run before a terminal
 * is ready (`ssh` moves a tab's shell to its host): small, loaded with the
 * emulator. The service tools (systemctl, journalctl) are in units.ts, loaded on first use.
 */
import type { CommandSpec } from '../types';
import { ssh } from './ssh';
import { clear, date, history, hostname, id, uname } from './small';

export const systemCommands: CommandSpec[] = [ssh, hostname, clear, history, date, uname, id];
