/**
 * The `docker` program: finds the (sub)command by its path — `docker ps`,
 * `docker container ls`, `docker network create` — and runs it. Unknown
 * commands and a stopped daemon fail as the real CLI does.
 */
import type { CommandContext, CommandSpec } from '../types';
import { DOCKER_COMMANDS } from './all';
import { runDockerCommand, type DockerCommand } from './cli/command';
import { dockerUsage, groupUsage } from './usage';
import { daemonOf, labCtx } from './engine-access';
import { syncNetnsDir } from '../../docker/netns-dir';
import { ENGINE } from './system/versions';
import { outsideCourse } from './outside-course';

/** The client's version and commit: the same constants `docker version` and `docker info` print. */
export const DOCKER_CLIENT_VERSION = ENGINE.version;
export const DOCKER_BUILD = ENGINE.clientCommit;

/** Each command path and alias (`container ls`, `ps`) to the first command that has it. */
let byPath: Map<string, DockerCommand> | undefined;

function commandFor(words: string[]): DockerCommand | undefined {
  if (!byPath) {
    byPath = new Map();
    for (const c of DOCKER_COMMANDS) {
      for (const p of [c.path, ...(c.aliases ?? [])]) if (!byPath.has(JSON.stringify(p))) byPath.set(JSON.stringify(p), c);
    }
  }
  return byPath.get(JSON.stringify(words)); // (not joined with spaces: `docker "container ls"` is no command)
}

function find(path: string[]): { cmd: DockerCommand; depth: number } | undefined {
  for (const depth of [2, 1]) {
    const want = path.slice(0, depth);
    if (want.length < depth) continue;
    const cmd = commandFor(want);
    if (cmd) return { cmd, depth };
  }
  return undefined;
}

const GROUPS = ['container', 'network', 'image', 'system', 'swarm', 'node', 'service'];

async function run(ctx: CommandContext): Promise<number> {
  const argv = ctx.argv.slice(1);
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    ctx.stdout(dockerUsage());
    return 0;
  }
  if (argv[0] === '--version' || argv[0] === '-v') {
    ctx.stdout(`Docker version ${DOCKER_CLIENT_VERSION}, build ${DOCKER_BUILD}\n`);
    return 0;
  }
  const found = find(argv);
  if (!found) return unknown(ctx, argv);
  if (!worksWithoutDaemon(found.cmd) && !daemonOf(ctx).running) {
    ctx.stderr('Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n');
    return 1;
  }
  const status = await runDockerCommand(ctx, found.cmd, argv.slice(found.depth));
  syncNetnsDir(labCtx(ctx)); // /var/run/docker/netns follows the sandboxes the command made or removed
  return status;
}

/**
 * `docker version` and `docker info` print their client part and report the
 * missing daemon themselves (info.go prettyPrintInfo: "Server:" then
 * "ERROR: Cannot connect…", exit 1); every other command fails up front.
 */
function worksWithoutDaemon(cmd: DockerCommand): boolean {
  const [a, b] = cmd.path;
  return a === 'version' || a === 'info' || (a === 'system' && b === 'info');
}

function unknown(ctx: CommandContext, argv: string[]): number {
  const missing = outsideCourse(argv);
  if (missing) {
    ctx.stderr(missing);
    return 1;
  }
  if (GROUPS.includes(argv[0])) {
    if (argv.length === 1 || argv[1].startsWith('-')) {
      ctx.stdout(groupUsage(argv[0]));
      return 0;
    }
    ctx.stderr(`docker: unknown command: docker ${argv[0]} ${argv[1]}\n\nUsage:  docker ${argv[0]} COMMAND\n\nRun 'docker ${argv[0]} --help' for more information\n`);
    return 1;
  }
  if (argv[0].startsWith('-')) {
    ctx.stderr(`unknown flag: ${argv[0]}\n\nUsage:  docker [OPTIONS] COMMAND\n\nRun 'docker --help' for more information\n`);
    return 125;
  }
  ctx.stderr(`docker: '${argv[0]}' is not a docker command.\nSee 'docker --help'\n`);
  return 1;
}

export const dockerCommand: CommandSpec = {
  name: 'docker',
  usage: 'docker [OPTIONS] COMMAND',
  summary: 'A self-sufficient runtime for containers',
  run,
};
