/** The docker system commands, one spec per file: `info` (and `system info`), `version`, `events` (and `system events`). */
import type { DockerCommand } from '../cli/command';
import { infoCommands } from './info';
import { versionCommand } from './version';
import { eventsCommands } from './events';

export const dockerSystemCommands: DockerCommand[] = [...infoCommands, versionCommand, ...eventsCommands];
