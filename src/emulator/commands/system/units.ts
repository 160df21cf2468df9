/** Service control and logs (systemctl, service, journalctl): loaded on first use (commands/registry.ts). */
import type { CommandSpec } from '../types';
import { service, systemctl } from './systemctl';
import { journalctl } from './journalctl';

export const unitCommands: CommandSpec[] = [systemctl, service, journalctl];
