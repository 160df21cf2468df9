/** The docker container commands, one spec per file. */
import type { DockerCommand } from '../cli/command';

export const containerCommands: DockerCommand[] = [];
