/** The docker network commands, one spec per file. */
import type { DockerCommand } from '../cli/command';
import { networkConnect } from './connect';
import { networkCreate } from './create';
import { networkDisconnect } from './disconnect';
import { networkInspectCommand } from './inspect';
import { networkLs } from './ls';
import { networkPrune } from './prune';
import { networkRm } from './rm';

export const networkCommands: DockerCommand[] = [
  networkConnect, networkCreate, networkDisconnect, networkInspectCommand, networkLs, networkPrune, networkRm,
];
