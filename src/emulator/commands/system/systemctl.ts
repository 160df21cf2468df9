/**
 * `systemctl start|stop|restart|status docker` and `service docker …`:
 * restarting the daemon re-reads /etc/docker/daemon.json; a bad file leaves
 * the daemon down with systemd's message (journalctl shows dockerd's error).
 */
import type { CommandContext, CommandSpec } from '../types';
import { labCtx, machineOf } from '../docker/engine-access';
import { restartDaemon, stopDaemon } from '../../docker/daemon';
import { syncNetnsDir } from '../../docker/netns-dir';
import { dockerUnitStatus } from './docker-unit-status';

const FAILED = (verb: string) =>
  `Job for docker.service failed because the control process exited with error code.\nSee "systemctl status docker.service" and "journalctl -xeu docker.service" for details.\n`.replace('Job for', verb === 'start' ? 'Job for' : 'Job for');

function unitOf(name: string | undefined): string | undefined {
  if (!name) return undefined;
  return name.replace(/\.service$/, '');
}

export function controlDocker(ctx: CommandContext, verb: string): number {
  const lab = labCtx(ctx);
  const machine = machineOf(ctx);
  const docker = lab.state.machines[machine]?.docker;
  if (!docker) {
    ctx.stderr('Failed to restart docker.service: Unit docker.service not found.\n');
    return 5;
  }
  if (verb === 'stop') {
    if (docker.running) stopDaemon(lab, machine);
    syncNetnsDir(lab);
    return 0;
  }
  if (verb === 'status') {
    ctx.stdout(dockerUnitStatus(docker, machine, lab.clock.now()));
    return docker.running ? 0 : 3;
  }
  if (verb === 'start' && docker.running) return 0;
  const error = restartDaemon(lab, machine);
  syncNetnsDir(lab); // the stopped containers' namespaces are gone
  if (error) {
    ctx.stderr(FAILED(verb));
    return 1;
  }
  return 0;
}

const VERBS = ['start', 'stop', 'restart', 'status', 'reload'];

export const systemctl: CommandSpec = {
  name: 'systemctl',
  usage: 'systemctl [OPTIONS...] COMMAND UNIT...',
  summary: 'Query or send control commands to the system manager.',
  run(ctx) {
    const [verb, unitArg] = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
    if (!verb) {
      ctx.stderr('Too few arguments.\n');
      return 1;
    }
    if (!VERBS.includes(verb)) {
      ctx.stderr(`Unknown command verb '${verb}'.\n`);
      return 1;
    }
    const unit = unitOf(unitArg);
    if (!unit) {
      ctx.stderr(`Too few arguments.\n`);
      return 1;
    }
    if (unit !== 'docker') {
      ctx.stderr(`Failed to ${verb} ${unit}.service: Unit ${unit}.service not found.\n`);
      return 5;
    }
    return controlDocker(ctx, verb === 'reload' ? 'restart' : verb);
  },
};

export const service: CommandSpec = {
  name: 'service',
  usage: 'service SCRIPT COMMAND',
  summary: 'run a System V init script',
  run(ctx) {
    const [unit, verb] = ctx.argv.slice(1);
    if (!unit || !verb) {
      ctx.stderr('Usage: service < option > | --status-all | [ service_name [ command | --full-restart ] ]\n');
      return 1;
    }
    if (unit !== 'docker') {
      ctx.stderr(`${unit}: unrecognized service\n`);
      return 1;
    }
    if (!VERBS.includes(verb)) {
      ctx.stderr(`Usage: service docker {start|stop|restart|status}\n`);
      return 1;
    }
    return controlDocker(ctx, verb);
  },
};
