/** The docker node commands, one spec per file (ls, inspect, update, promote/demote, ps, rm). */
import type { DockerCommand } from '../cli/command';
import { nodeLs } from './ls';
import { nodeInspect } from './inspect';
import { nodeUpdate } from './update';
import { nodeDemote, nodePromote } from './promote';
import { nodeRm } from './rm';
import { nodePs } from './ps';

export const nodeCommands: DockerCommand[] = [nodeDemote, nodeInspect, nodeLs, nodePromote, nodePs, nodeRm, nodeUpdate];
