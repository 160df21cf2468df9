/** Every docker CLI command, gathered from the command families. */
import type { DockerCommand } from './cli/command';
import { containerCommands } from './container/index';
import { networkCommands } from './network/index';
import { dockerSystemCommands } from './system/index';
import { swarmCommands } from './swarm/index';
import { nodeCommands } from './node/index';
import { serviceCommands } from './service/index';

export const DOCKER_COMMANDS: DockerCommand[] = [...containerCommands, ...networkCommands, ...dockerSystemCommands, ...swarmCommands, ...nodeCommands, ...serviceCommands];
