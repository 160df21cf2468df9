/** The docker node commands, one spec per file (ls, inspect, update, promote/demote, rm). */
import type { DockerCommand } from '../cli/command';
import { nodeLs } from './ls';
import { nodeInspect } from './inspect';
import { nodeUpdate } from './update';
import { nodeDemote, nodePromote } from './promote';
import { nodeRm } from './rm';

export const nodeCommands: DockerCommand[] = [nodeDemote, nodeInspect, nodeLs, nodePromote, nodeRm, nodeUpdate];
