/**
 * `docker exec [-it] [-e K=V] [-w DIR] CONTAINER COMMAND [ARG...]`
 * (docker/cli exec.go). An interactive shell (`docker exec -it web sh`)
 * gets the terminal, and `exit` leaves the container running. Any other
 * command runs in the container and its output is printed; the exit status
 * is the command's. The CLI inspects first, so a missing container reads
 * `Error: No such container: x`; a stopped one is refused by the daemon.
 */
import type { CommandContext } from '../../types';
import type { Flags } from '../cli/flags';
import type { ContainerState } from '../../../docker/state';
import { InterruptSource } from '../../../core/cancel';
import { containerProcessEnv, envRecord } from '../../../docker/process-env';
import { programInImage, runInContainer } from '../../../session/run-in-container';
import { defineCommand } from './define';
import { inspectContainerRef } from './lookup';
import { workingDir } from '../../../docker/main-argv';
import { interactiveStartup } from '../../../session/netshoot-zsh';
import { labCtx, labOf, machineOf, sessionOf } from '../engine-access';
import { execDied, execStarted } from '../../../docker/events';

const SHELLS = ['sh', 'ash', 'bash', 'zsh', 'dash'];

function notRunning(ctx: CommandContext, c: ContainerState): number | undefined {
  if (c.status === 'paused') {
    ctx.stderr(`Error response from daemon: container ${c.id} is paused, unpause the container before exec\n`);
    return 1;
  }
  if (c.status !== 'running') {
    ctx.stderr(`Error response from daemon: container ${c.id} is not running\n`);
    return 1;
  }
  return undefined;
}

async function runOne(ctx: CommandContext, flags: Flags, c: ContainerState, argv: string[]): Promise<number> {
  const tty = flags.bool('tty');
  const detach = flags.bool('detach');
  const env = containerProcessEnv(labCtx(ctx), machineOf(ctx), c, tty, flags.list('env').filter((e) => e.includes('=')));
  return runInContainer(labOf(ctx), machineOf(ctx), c, argv, {
    stdout: detach ? () => {} : ctx.stdout,
    stderr: detach ? () => {} : tty ? ctx.stdout : ctx.stderr,
    tty,
    interrupt: detach ? new InterruptSource() : ctx.interrupt,
    sleep: (ms) => ctx.sleep(ms),
  }, { env: envRecord(env), cwd: flags.string('workdir') || workingDir(c) });
}

async function exec(ctx: CommandContext, flags: Flags): Promise<number> {
  const [ref, ...argv] = flags.args;
  const c = inspectContainerRef(ctx, ref);
  if (!c) return 1;
  const refused = notRunning(ctx, c);
  if (refused !== undefined) return refused;
  if (!programInImage(c, argv[0])) {
    ctx.stderr(`OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0]}": executable file not found in $PATH: unknown\n`);
    return 126;
  }
  const prog = argv[0].slice(argv[0].lastIndexOf('/') + 1);
  const execId = execStarted(labCtx(ctx), machineOf(ctx), c, argv);
  if (argv.length === 1 && SHELLS.includes(prog)) {
    // Without -i the shell reads end-of-file at once and exits 0.
    if (!flags.bool('interactive') || flags.bool('detach')) {
      execDied(labCtx(ctx), machineOf(ctx), c, execId, 0);
      return 0;
    }
    // Its exec_die is recorded when the shell exits (session/leave.ts).
    sessionOf(ctx).enterContainer(machineOf(ctx), c, 'exec', argv[0]);
    sessionOf(ctx).top().execId = execId;
    ctx.stdout(interactiveStartup(c, argv[0]));
    return 0;
  }
  const status = await runOne(ctx, flags, c, argv);
  execDied(labCtx(ctx), machineOf(ctx), c, execId, status);
  return flags.bool('detach') ? 0 : status;
}

export const execCommands = defineCommand({
  group: 'container',
  name: 'exec',
  shortcut: 'exec',
  use: '[OPTIONS] CONTAINER COMMAND [ARG...]',
  short: 'Execute a command in a running container',
  flags: [
    { long: 'detach', short: 'd', type: 'bool', help: 'Detached mode: run command in the background' },
    { long: 'detach-keys', type: 'string', help: 'Override the key sequence for detaching a container' },
    { long: 'env', short: 'e', type: 'list', help: 'Set environment variables' },
    { long: 'env-file', type: 'list', help: 'Read in a file of environment variables' },
    { long: 'interactive', short: 'i', type: 'bool', help: 'Keep STDIN open even if not attached' },
    { long: 'privileged', type: 'bool', help: 'Give extended privileges to the command' },
    { long: 'tty', short: 't', type: 'bool', help: 'Allocate a pseudo-TTY' },
    { long: 'user', short: 'u', type: 'string', help: 'Username or UID (format: "<name|uid>[:<group|gid>]")' },
    { long: 'workdir', short: 'w', type: 'string', help: 'Working directory inside the container' },
  ],
  args: { kind: 'min', n: 2 },
  interspersed: false,
  run: exec,
});
