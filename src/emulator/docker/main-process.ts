/**
 * What a container's main process does once started. Docker only runs the
 * command; the emulator has to know whether it keeps running:
 *  - service:  the image's server (nginx, redis…) listens and runs until stopped
 *  - daemon:   a long-running command (sleep 1d, tail -f, top, ping without -c)
 *  - shell:    an interactive shell: runs while stdin is open (-i/-t), else exits 0 at once
 *  - oneshot:  anything else: the CLI runs it through the emulator's shell, logs its output, and it exits
 */
import type { ContainerState } from './state';
import { findImage } from './images';
import { commandServices } from './command-services';
import { shellLoopOf } from './loop-process';

export type MainProcessKind = 'service' | 'daemon' | 'shell' | 'oneshot';

const SHELLS = ['sh', '/bin/sh', 'bash', '/bin/bash', 'ash', '/bin/ash', 'zsh', '/bin/zsh'];

export function mainProcessKind(c: ContainerState): MainProcessKind {
  const image = findImage(c.image);
  const argv = [...c.entrypoint, ...c.cmd];
  if (image && runsImageDefault(c) && image.services.length) return 'service';
  if (commandServices(argv).length) return 'service';
  const prog = (c.cmd[0] ?? '').split('/').pop() ?? '';
  if (SHELLS.includes(c.cmd[0] ?? '') && c.cmd.length === 1) return 'shell';
  if (prog === 'sleep') return c.cmd[1] === undefined ? 'oneshot' : 'daemon';
  if (prog === 'tail' && argv.includes('-f')) return 'daemon';
  if (prog === 'top' || prog === 'nginx' || prog === 'httpd-foreground' || prog === 'redis-server' || prog === 'postgres') return 'daemon';
  if (prog === 'ping' && !c.cmd.includes('-c')) return 'daemon';
  if ((prog === 'nc' || prog === 'netcat') && c.cmd.includes('-l')) return 'daemon';
  if (prog === 'python' && c.cmd[1] === 'app.py') return 'daemon';
  // A capture runs until stopped (or until -c packets came): `docker run -d ... nicolaka/netshoot tcpdump`.
  if (prog === 'tcpdump') return 'daemon';
  // `sh -c 'while true; do ...; sleep 1; done'` runs until stopped (session/background-processes.ts runs it).
  if (shellLoopOf(argv)) return 'daemon';
  return 'oneshot';
}

/** True when the container runs its image's default command, so the image's servers are what runs. */
export function runsImageDefault(c: ContainerState): boolean {
  const image = findImage(c.image);
  return image !== undefined && sameArgs(c.cmd, image.cmd);
}

function sameArgs(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** `docker ps` COMMAND column source: entrypoint + cmd joined by spaces. */
export function commandLine(c: ContainerState): string {
  return [...c.entrypoint, ...c.cmd].join(' ');
}
