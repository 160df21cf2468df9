/**
 * Starting, stopping, killing and removing containers (daemon/start.go,
 * stop.go, delete.go). Start builds the sandbox, joins the networks,
 * publishes ports and starts the main process's services; stop undoes it all
 * in reverse so the lab is left exactly as before.
 */
import type { LabCtx } from '../world/ctx';
import type { ContainerState } from './state';
import { daemonError, type DaemonError } from './errors';
import { createSandbox, destroySandbox, refreshContainerFiles } from './sandbox';
import { endpointsOf, joinNetwork, leaveNetwork } from './endpoints';
import { containerNetworks } from './lookup';
import { publishPorts, unpublishPorts } from './publish';
import { mainProcessKind } from './main-process';
import { signalPid1, stopSignalOf, stopTimeoutOf } from './pid1-signals';
import { SIGKILL } from '../kernel/signals';
import { commandBanners, startServices, stopServices } from './services';
import { hasEndpoints } from './drivers/registry';
import { joinDefaultGateway, leaveDefaultGateway } from './swarm/gwbridge';
import { ensureSwarmNetworkRecord } from './swarm/networks';
import { containerDied, containerEvent } from './events';
import { logStopForced, logTaskDeleted } from './daemon-log';
import { shutdownLogLines } from './shutdown-logs';
import { startupLogLines } from './startup-logs';
import { taskContainerExited } from './swarm/services/task-exit';
import { joinerRemoved, joinersOf } from './joiner-index';

export function startContainer(ctx: LabCtx, machine: string, c: ContainerState): DaemonError | undefined {
  if (c.status === 'running') return undefined;
  const docker = ctx.docker(machine);
  const mode = c.host.networkMode;
  if (mode.startsWith('container:')) {
    const other = docker.containers[mode.slice('container:'.length)];
    if (!other || other.status !== 'running') return daemonError(`cannot join network namespace of a non running container: ${mode.slice(10)}`);
  }
  for (const [name, spec] of Object.entries(c.networks)) {
    ensureSwarmNetworkRecord(ctx, machine, spec.networkId); // a worker re-attaches to a swarm network (docker/swarm)
    if (!docker.networks[spec.networkId]) return daemonError(`failed to set up container networking: network ${name} not found`);
  }
  createSandbox(ctx, machine, c);
  const failure = joinAll(ctx, machine, c);
  if (failure) {
    teardown(ctx, machine, c);
    return failure;
  }
  c.pid = docker.nextPid;
  docker.nextPid += ctx.rng.int(7, 60);
  c.status = 'running';
  c.exitCode = 0;
  ctx.clock.advance(180);
  c.startedAt = ctx.clock.now();
  refreshContainerFiles(ctx, machine, c);
  containerEvent(ctx, machine, c, 'start');
  if (mainProcessKind(c) !== 'service') return undefined;
  const ip = endpointsOf(ctx, machine, c).find((e) => e.ip)?.ip;
  c.logs.push(...startupLogLines(c, { t: c.startedAt, ip }));
  for (const line of commandBanners(c)) c.logs.push({ t: ctx.clock.now(), stream: 'stdout', line });
  startServices(ctx, machine, c);
  return undefined;
}

function joinAll(ctx: LabCtx, machine: string, c: ContainerState): DaemonError | undefined {
  const docker = ctx.docker(machine);
  for (const net of containerNetworks(docker, c)) {
    if (!hasEndpoints(net) && net.driver !== 'overlay') continue; // bridge, macvlan, ipvlan, overlay
    const ep = joinNetwork(ctx, machine, c, net);
    if ('daemonError' in ep) return daemonError(`failed to set up container networking: ${ep.daemonError}`);
  }
  // Overlay endpoints have no gateway: the sandbox gets a docker_gwbridge leg (docker/swarm/gwbridge.ts),
  // which is also where an overlay container's ports are published.
  const gw = joinDefaultGateway(ctx, machine, c);
  if (gw) return daemonError(`failed to set up container networking: ${gw.daemonError}`);
  const first = endpointsOf(ctx, machine, c).find((e) => docker.networks[e.networkId]?.driver !== 'overlay');
  // Only the bridge driver publishes ports; a macvlan/ipvlan endpoint is on the wire itself.
  if (first && docker.networks[first.networkId]?.driver === 'bridge') {
    const err = publishPorts(ctx, machine, c, first.ip, c.name, first.id, docker.networks[first.networkId]?.bridgeName ?? 'docker0');
    if (err) return daemonError(`failed to set up container networking: ${err}`);
  } else {
    c.ports = {};
  }
  return undefined;
}

function teardown(ctx: LabCtx, machine: string, c: ContainerState): void {
  stopServices(ctx, machine, c);
  unpublishPorts(ctx, machine, c); // before leaving: the rules name the endpoint's bridge
  for (const net of containerNetworks(ctx.docker(machine), c)) leaveNetwork(ctx, machine, c, net);
  leaveDefaultGateway(ctx, machine, c);
  destroySandbox(ctx, machine, c);
}

/** The main process ended (stop, kill, or it exited by itself). */
export function exitContainer(ctx: LabCtx, machine: string, c: ContainerState, exitCode: number): void {
  if (c.status !== 'running') return;
  // Containers sharing this one's namespace lose their network too.
  for (const other of joinersOf(ctx, ctx.docker(machine), c.id)) {
    if (other.status === 'running') exitContainer(ctx, machine, other, 137);
  }
  containerDied(ctx, machine, c, exitCode);
  logTaskDeleted(ctx, machine, c.id);
  teardown(ctx, machine, c);
  c.status = 'exited';
  c.exitCode = exitCode;
  c.pid = 0;
  c.finishedAt = ctx.clock.now();
  if (c.host.autoRemove) removeContainerRecord(ctx, machine, c);
  taskContainerExited(ctx, machine, c); // a swarm task's container: the task failed, a replacement starts (docker/swarm)
}

/** How long a program that handles its stop signal takes to shut down (nginx, redis: a few hundred ms). */
const SHUTDOWN_MS = 320;

/** One container for stopContainers(): its grace time and the signal to send. */
export interface StopRequest {
  c: ContainerState;
  timeoutSec: number;
  signal: number;
}

/**
 * `docker stop` (daemon/stop.go containerStop): the stop signal (the image's
 * STOPSIGNAL or SIGTERM, or -s), then SIGKILL once `timeoutSec` has passed
 * without an exit. Whether the main process exits on the signal is the
 * program's own business as PID 1 (pid1-signals.ts): a server that handles
 * it exits 0 at once; `sleep`, `nc` or a shell ignore it, so Docker waits
 * the whole time and the container ends with 137. With -t 0 it does not
 * wait at all: SIGKILL follows the signal, 137.
 */
export function stopContainer(ctx: LabCtx, machine: string, c: ContainerState, timeoutSec = stopTimeoutOf(c), signal = stopSignalOf(c)): void {
  stopContainers(ctx, machine, [{ c, timeoutSec, signal }]);
}

/** One container's stop once its signal is sent: how it ends (`exit`, else SIGKILL) and at what lab time. */
export interface StopPlan extends StopRequest {
  exit?: number;
  at: number;
}

/**
 * Several at once, as `docker stop A B C` does (docker/cli parallelOperation
 * sends the requests concurrently): every container gets its signal now, and
 * their waits overlap — three that ignore SIGTERM take 10 s, not 30.
 */
export function stopContainers(ctx: LabCtx, machine: string, requests: readonly StopRequest[]): void {
  for (const p of signalStops(ctx, machine, requests)) {
    ctx.clock.advance(Math.max(0, p.at - ctx.clock.now()));
    finishStop(ctx, machine, p);
  }
}

/**
 * The first half of a stop: each container gets its signal now (a server
 * that handles it logs its shutdown); returns when each one ends, earliest
 * first. The caller lets the time pass — at once (stopContainers), or with
 * the lab's background processes running meanwhile (the docker stop command)
 * — and calls finishStop() for each at its time.
 */
export function signalStops(ctx: LabCtx, machine: string, requests: readonly StopRequest[]): StopPlan[] {
  const t0 = ctx.clock.now();
  return requests
    .filter((r, i) => r.c.status === 'running' && requests.findIndex((x) => x.c.id === r.c.id) === i) // `docker stop a a`: once
    .map((r) => {
      containerEvent(ctx, machine, r.c, 'kill', { signal: String(r.signal) });
      const outcome = signalPid1(r.c, r.signal);
      const exit = 'exit' in outcome && r.timeoutSec > 0 ? outcome.exit : undefined;
      if (exit !== undefined) r.c.logs.push(...shutdownLogLines(r.c, r.signal, t0));
      return { ...r, exit, at: t0 + (exit !== undefined ? SHUTDOWN_MS : r.timeoutSec * 1000) };
    })
    .sort((a, b) => a.at - b.at); // stable: equal times keep the order given
}

/** The second half, at the plan's time: the process exits by itself, or Docker kills it (unless it ended meanwhile). */
export function finishStop(ctx: LabCtx, machine: string, p: StopPlan): void {
  if (p.c.status === 'running') {
    if (p.exit !== undefined) exitContainer(ctx, machine, p.c, p.exit);
    else {
      logStopForced(ctx, machine, p.c.id, p.timeoutSec, p.signal);
      containerEvent(ctx, machine, p.c, 'kill', { signal: '9' });
      exitContainer(ctx, machine, p.c, 137);
    }
  }
  containerEvent(ctx, machine, p.c, 'stop');
}

/**
 * `docker kill -s SIG` (daemon/kill.go): the signal reaches PID 1, which
 * exits only if it handles it (or it is SIGKILL); otherwise the container
 * keeps running, and Docker says nothing about it.
 */
export function signalContainer(ctx: LabCtx, machine: string, c: ContainerState, signal: number): void {
  containerEvent(ctx, machine, c, 'kill', { signal: String(signal) });
  const outcome = signalPid1(c, signal);
  if (!('exit' in outcome)) return;
  if (signal !== SIGKILL) c.logs.push(...shutdownLogLines(c, signal, ctx.clock.now()));
  ctx.clock.advance(signal === SIGKILL ? 40 : SHUTDOWN_MS);
  exitContainer(ctx, machine, c, outcome.exit);
}

export function killContainer(ctx: LabCtx, machine: string, c: ContainerState): DaemonError | undefined {
  if (c.status !== 'running') return daemonError(`cannot kill container: ${c.name}: container ${c.id} is not running`);
  containerEvent(ctx, machine, c, 'kill', { signal: '9' });
  ctx.clock.advance(40);
  exitContainer(ctx, machine, c, 137);
  return undefined;
}

export function removeContainer(ctx: LabCtx, machine: string, c: ContainerState, force: boolean): DaemonError | undefined {
  if (c.status === 'running' && !force) {
    return daemonError(`cannot remove container "/${c.name}": container is running: stop the container before removing or force remove`);
  }
  if (c.status === 'running') {
    const auto = c.host.autoRemove;
    c.host.autoRemove = false;
    containerEvent(ctx, machine, c, 'kill', { signal: '9' });
    exitContainer(ctx, machine, c, 137);
    c.host.autoRemove = auto;
  }
  removeContainerRecord(ctx, machine, c);
  return undefined;
}

function removeContainerRecord(ctx: LabCtx, machine: string, c: ContainerState): void {
  containerEvent(ctx, machine, c, 'destroy');
  joinerRemoved(ctx.docker(machine), c);
  delete ctx.docker(machine).containers[c.id];
  delete ctx.state.containerFs[c.fsId];
}

export function renameContainer(ctx: LabCtx, machine: string, c: ContainerState, newName: string): DaemonError | undefined {
  const docker = ctx.docker(machine);
  const name = newName.replace(/^\//, '');
  if (name === c.name) return daemonError(`Renaming a container with the same name as its current name`);
  const clash = Object.values(docker.containers).find((x) => x.name === name);
  if (clash) {
    return daemonError(`Error when allocating new name: Conflict. The container name "/${name}" is already in use by container "${clash.id}". You have to remove (or rename) that container to be able to reuse that name.`);
  }
  const oldName = c.name;
  c.name = name;
  for (const ep of endpointsOf(ctx, machine, c)) ep.name = name;
  containerEvent(ctx, machine, c, 'rename', { oldName: `/${oldName}` });
  return undefined;
}
