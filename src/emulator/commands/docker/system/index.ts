/** The docker system commands, one spec per file. */
import type { DockerCommand } from '../cli/command';

export const dockerSystemCommands: DockerCommand[] = [];
