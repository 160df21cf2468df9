/** The docker container and image commands, one spec per file (each in its grouped and shortcut forms). */
import type { DockerCommand } from '../cli/command';
import { runCommands } from './run';
import { createCommands } from './create';
import { startCommands } from './start';
import { stopCommands } from './stop';
import { restartCommands } from './restart';
import { killCommands } from './kill';
import { rmCommands } from './rm';
import { renameCommands } from './rename';
import { psCommands } from './ps';
import { inspectCommands } from './inspect';
import { logsCommands } from './logs';
import { execCommands } from './exec';
import { attachCommands } from './attach';
import { portCommands } from './port';
import { pullCommands } from './pull';
import { imagesCommands } from './images';
import { rmiCommands } from './rmi';
import { pruneCommands } from './prune';

export const containerCommands: DockerCommand[] = [
  ...runCommands, ...createCommands, ...startCommands, ...stopCommands, ...restartCommands, ...killCommands,
  ...rmCommands, ...renameCommands, ...psCommands, ...inspectCommands, ...logsCommands, ...execCommands,
  ...attachCommands, ...portCommands, ...pullCommands, ...imagesCommands, ...rmiCommands, ...pruneCommands,
];
