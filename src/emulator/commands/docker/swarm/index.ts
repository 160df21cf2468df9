/** The docker swarm commands, one spec per file (init, join, join-token, leave). */
import type { DockerCommand } from '../cli/command';
import { swarmInit } from './init';
import { swarmJoin } from './join';
import { swarmJoinToken } from './join-token';
import { swarmLeave } from './leave';

export const swarmCommands: DockerCommand[] = [swarmInit, swarmJoin, swarmJoinToken, swarmLeave];
