/**
 * What happens once a container has started, from the CLI's side
 * (docker/main-process.ts says what kind of process runs):
 *  - service / daemon, detached: it keeps running; nothing to do.
 *  - service, attached: its output so far is shown, then the CLI waits;
 *    Ctrl-C is forwarded (sig-proxy) and the server shuts down, exit 0.
 *  - daemon, attached: the command really runs (ping prints), until it
 *    ends or Ctrl-C stops it; the container exits with its status.
 *  - shell: with stdin open it waits for input: attached with -i, the
 *    terminal enters it; detached it keeps running. Without -i/-t it reads
 *    end-of-file at once and exits 0.
 *  - oneshot: the command runs in the container through the emulator's
 *    shell; its output is logged (and shown when attached), then it exits.
 */
import type { CommandContext } from '../../types';
import type { ContainerState } from '../../../docker/state';
import { InterruptSource } from '../../../core/cancel';
import { exitContainer } from '../../../docker/container-lifecycle';
import { ContainerLogWriter } from '../../../docker/container-logs';
import { containerProcessEnv, envRecord } from '../../../docker/process-env';
import { effectiveArgv, effectiveKind, workingDir } from '../../../docker/main-argv';
import { serviceBindFailure } from '../../../docker/service-bind';
import { lookupCommand } from '../../registry';
import { containerScope, runInContainer } from '../../../session/run-in-container';
import { interactiveStartup } from '../../../session/netshoot-zsh';
import { labCtx, labOf, machineOf, sessionOf } from '../engine-access';

export interface AttachMode {
  /** The CLI stays attached to the container's output (not -d). */
  attached: boolean;
  /** Keyboard input reaches the container (-i, or start -i). */
  stdin: boolean;
}

/** A detached process gets this much lab time to finish; after that it is left running. */
const DETACHED_BUDGET_MS = 10 * 60 * 1000;
/** An attached wait with no Ctrl-C ends after a day of lab time (tests without a time limit). */
const WAIT_CAP_SECONDS = 86400;

/** Waits until Ctrl-C; true when it came. */
export async function waitForInterrupt(ctx: CommandContext): Promise<boolean> {
  for (let i = 0; i < WAIT_CAP_SECONDS; i++) if (!(await ctx.sleep(1000))) return true;
  return false;
}

function printLogsSoFar(ctx: CommandContext, c: ContainerState, from = 0): void {
  for (const entry of c.logs.slice(from)) (entry.stream === 'stderr' && !c.tty ? ctx.stderr : ctx.stdout)(entry.line + '\n');
}

/**
 * An attached server's output keeps arriving while the CLI waits (what other
 * terminals cause it to log: an iperf server's report); Ctrl-C ends the wait.
 */
async function followUntilInterrupt(ctx: CommandContext, c: ContainerState): Promise<void> {
  let shown = c.logs.length;
  for (let i = 0; i < WAIT_CAP_SECONDS; i++) {
    if (!(await ctx.sleep(1000))) return;
    printLogsSoFar(ctx, c, shown);
    shown = c.logs.length;
  }
}

/** Runs the main command; logs it; shows it when attached. Undefined: still running after the detached budget. */
async function runCommand(ctx: CommandContext, c: ContainerState, attached: boolean): Promise<number | undefined> {
  const lctx = labCtx(ctx);
  const machine = machineOf(ctx);
  const log = new ContainerLogWriter(lctx, c);
  let spent = 0;
  const detachedSleep = async (ms: number): Promise<boolean> => {
    spent += ms;
    if (spent > DETACHED_BUDGET_MS) return false;
    lctx.clock.advance(ms);
    return true;
  };
  const out = (stream: 'stdout' | 'stderr') => (t: string) => {
    log.write(c.tty ? 'stdout' : stream, t);
    if (attached) (stream === 'stderr' && !c.tty ? ctx.stderr : ctx.stdout)(t);
  };
  const status = await runInContainer(labOf(ctx), machine, c, effectiveArgv(c), {
    stdout: out('stdout'), stderr: out('stderr'), tty: c.tty,
    interrupt: attached ? ctx.interrupt : new InterruptSource(),
    sleep: attached ? (ms) => ctx.sleep(ms) : detachedSleep,
  }, { env: envRecord(containerProcessEnv(lctx, machine, c, c.tty)), cwd: workingDir(c) });
  log.flush();
  return !attached && spent > DETACHED_BUDGET_MS ? undefined : status;
}

/** Ends the main process; `--rm` containers disappear (exitContainer removes them). */
function finish(ctx: CommandContext, c: ContainerState, status: number): number {
  exitContainer(labCtx(ctx), machineOf(ctx), c, status);
  return status;
}

async function runShell(ctx: CommandContext, c: ContainerState, mode: AttachMode): Promise<number> {
  if (!c.openStdin && !c.tty) return finish(ctx, c, 0);
  if (!mode.attached) return 0;
  if (mode.stdin && c.openStdin) {
    const argv0 = effectiveArgv(c)[0] ?? 'sh';
    sessionOf(ctx).enterContainer(machineOf(ctx), c, 'attach', argv0);
    ctx.stdout(interactiveStartup(c, argv0));
    return 0;
  }
  // A tty without stdin: nothing can reach the shell; Ctrl-C only stops the CLI.
  await waitForInterrupt(ctx);
  return 130;
}

async function runDaemon(ctx: CommandContext, c: ContainerState, mode: AttachMode): Promise<number> {
  if (!mode.attached) return 0;
  const scope = containerScope(labOf(ctx), machineOf(ctx), c, workingDir(c));
  if (!lookupCommand(effectiveArgv(c)[0] ?? '', scope) && !isBuiltinProgram(effectiveArgv(c)[0] ?? '')) {
    // A server the lab does not run as a command (redis-server with options…): it runs until Ctrl-C.
    await waitForInterrupt(ctx);
    return finish(ctx, c, 0);
  }
  const status = await runCommand(ctx, c, true);
  return finish(ctx, c, status ?? 0);
}

function isBuiltinProgram(argv0: string): boolean {
  return ['sleep', 'echo', 'true', 'false'].includes(argv0.slice(argv0.lastIndexOf('/') + 1));
}

/** The server logged why it could not bind and exited 1 (service-bind.ts). */
function serverFailed(ctx: CommandContext, c: ContainerState, lines: string[], mode: AttachMode): number {
  const log = new ContainerLogWriter(labCtx(ctx), c);
  labCtx(ctx).clock.advance(60);
  for (const line of lines) {
    log.write(c.tty ? 'stdout' : 'stderr', line + '\n');
    if (mode.attached) (c.tty ? ctx.stdout : ctx.stderr)(line + '\n');
  }
  finish(ctx, c, 1);
  return mode.attached ? 1 : 0;
}

/** After a successful start. Returns the CLI's exit status. */
export async function runMainProcess(ctx: CommandContext, c: ContainerState, mode: AttachMode): Promise<number> {
  switch (effectiveKind(c)) {
    case 'service': {
      const failed = serviceBindFailure(labCtx(ctx), c);
      if (failed) return serverFailed(ctx, c, failed, mode);
      if (!mode.attached) return 0;
      printLogsSoFar(ctx, c);
      await followUntilInterrupt(ctx, c);
      return finish(ctx, c, 0);
    }
    case 'daemon':
      return runDaemon(ctx, c, mode);
    case 'shell':
      return runShell(ctx, c, mode);
    default: {
      const status = await runCommand(ctx, c, mode.attached);
      if (status === undefined) return 0;
      finish(ctx, c, status);
      return mode.attached ? status : 0;
    }
  }
}
