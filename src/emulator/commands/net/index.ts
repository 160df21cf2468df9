/** Network tools (ip, ping, curl, nslookup, ...), one spec per file. */
import type { CommandSpec } from '../types';

export const netCommands: CommandSpec[] = [];
