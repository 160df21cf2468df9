/** The docker system commands, one spec per file: `info` (and `system info`), `version`. */
import type { DockerCommand } from '../cli/command';
import { infoCommands } from './info';
import { versionCommand } from './version';

export const dockerSystemCommands: DockerCommand[] = [...infoCommands, versionCommand];
