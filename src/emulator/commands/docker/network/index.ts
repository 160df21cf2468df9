/** The docker network commands, one spec per file. */
import type { DockerCommand } from '../cli/command';

export const networkCommands: DockerCommand[] = [];
