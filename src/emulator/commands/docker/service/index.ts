/** The docker service commands, one spec per file. */
import type { DockerCommand } from '../cli/command';
import { serviceCreate } from './create';
import { serviceInspect } from './inspect';
import { serviceLogs } from './logs';
import { serviceLs } from './ls';
import { servicePs } from './ps';
import { serviceRm } from './rm';
import { serviceRollback } from './rollback';
import { serviceScale } from './scale';
import { serviceUpdate } from './update';

export const serviceCommands: DockerCommand[] = [serviceCreate, serviceInspect, serviceLogs, serviceLs, servicePs, serviceRm, serviceRollback, serviceScale, serviceUpdate];
