/**
 * The command line a container's main process runs (Path + Args in
 * inspect), and what kind of process that is. The official images'
 * entrypoint scripts (`docker-entrypoint.sh`) end in `exec "$@"` for any
 * command that is not their server, so `docker run nginx cat /etc/hosts`
 * behaves like `cat /etc/hosts`.
 */
import type { ContainerState } from './state';
import { mainProcessKind, type MainProcessKind } from './main-process';
import { findImage } from './images';

const WRAPPERS = ['/docker-entrypoint.sh', 'docker-entrypoint.sh', '/usr/local/bin/docker-entrypoint.sh'];

/** Entrypoint + Cmd, as the runtime execs them. */
export function fullArgv(c: ContainerState): string[] {
  return [...c.entrypoint, ...c.cmd];
}

/** What effectively runs: the command after an entrypoint wrapper script. */
export function effectiveArgv(c: ContainerState): string[] {
  const argv = fullArgv(c);
  if (argv.length > 1 && WRAPPERS.includes(argv[0])) return argv.slice(1);
  return argv;
}

/** mainProcessKind over the effective command (a custom --entrypoint counts too). */
export function effectiveKind(c: ContainerState): MainProcessKind {
  const argv = effectiveArgv(c);
  if (c.cli?.entrypointSet) return mainProcessKind({ ...c, cmd: argv, entrypoint: [] });
  return mainProcessKind(c);
}

/** The directory the main process starts in: `--workdir`, else the image's WORKDIR, else `/`. */
export function workingDir(c: ContainerState): string {
  return c.cli?.workingDir || findImage(c.image)?.workdir || '/';
}
