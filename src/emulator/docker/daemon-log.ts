/**
 * dockerd's log as journald keeps it (`journalctl -u docker`): logrus text
 * lines with the daemon's PID as the syslog identifier,
 *
 *   dockerd[812]: time="2026-01-12T09:00:00.000104729Z" level=info msg="API listen on /run/docker.sock"
 *
 * and systemd's own lines about the unit (`systemd[1]: Started docker.service
 * - Docker Application Container Engine.`). logrus's TextFormatter quotes a
 * value only when it holds a character outside [A-Za-z0-9-._/@^+]; dockerd
 * sets its timestamp format to RFC3339NanoFixed (nine digits, `Z` in UTC).
 * Times get a fixed sub-millisecond spread, never the lab's rng: logging must
 * not change the IDs a seed gives.
 */
import type { LabCtx } from '../world/ctx';
import { rfc3339Nano } from '../core/clock';

/** The running daemon's PID on every host (ss and the journal agree on it). */
export const DOCKERD_PID = 812;

export type LogLevel = 'debug' | 'info' | 'warning' | 'error' | 'fatal';

export type LogFields = Record<string, string>;

/** logrus needsQuoting: any byte outside the safe set, or an empty value. */
export function logfmtValue(v: string): string {
  return v !== '' && /^[A-Za-z0-9\-._/@^+]+$/.test(v) ? v : JSON.stringify(v);
}

/** The sub-millisecond part of the next entry's time: later entries of one millisecond print later. */
function nextNanos(ctx: LabCtx, machine: string): number {
  const journal = ctx.docker(machine).journal;
  const t = ctx.clock.now();
  let sameMs = 0;
  for (let i = journal.length - 1; i >= 0 && journal[i].t === t; i--) sameMs++;
  return 104729 + ((sameMs * 15485) % 890000);
}

function push(ctx: LabCtx, machine: string, line: string): void {
  ctx.docker(machine).journal.push({ t: ctx.clock.now(), line });
}

/** A logrus line from dockerd; `fields` are printed after msg in key order (logrus sorts them). */
export function dockerdLog(ctx: LabCtx, machine: string, level: LogLevel, msg: string, fields: LogFields | string = {}, pid = DOCKERD_PID): void {
  const tail = typeof fields === 'string' ? (fields ? ` ${fields}` : '') : Object.keys(fields).sort().map((k) => ` ${k}=${logfmtValue(fields[k])}`).join('');
  const time = rfc3339Nano(ctx.clock.now(), nextNanos(ctx, machine));
  push(ctx, machine, `dockerd[${pid}]: time="${time}" level=${level} msg=${logfmtValue(msg)}${tail}`);
}

/** A line dockerd prints on stderr without logrus (its fatal configuration errors). */
export function dockerdStderr(ctx: LabCtx, machine: string, text: string, pid: number): void {
  push(ctx, machine, `dockerd[${pid}]: ${text}`);
}

const UNIT = 'docker.service - Docker Application Container Engine';

/** systemd's lines about docker.service. */
export function systemdLog(ctx: LabCtx, machine: string, what: 'starting' | 'started' | 'stopping' | 'stopped' | 'failed', status = 1): void {
  const lines: Record<typeof what, string[]> = {
    starting: [`Starting ${UNIT}...`],
    started: [`Started ${UNIT}.`],
    stopping: [`Stopping ${UNIT}...`],
    stopped: ['docker.service: Deactivated successfully.', `Stopped ${UNIT}.`],
    failed: [
      `docker.service: Main process exited, code=exited, status=${status}/FAILURE`,
      "docker.service: Failed with result 'exit-code'.",
      `Failed to start ${UNIT}.`,
    ],
  };
  for (const l of lines[what]) push(ctx, machine, `systemd[1]: ${l}`);
}

/**
 * A start as Docker 28 logs it at info level (Debian 12, systemd): the
 * lines between systemd's "Starting" and "Started". Nothing here reads the
 * rng; the containerd client and buildkit lines are fixed text.
 */
export function logDaemonStart(ctx: LabCtx, machine: string, engine: { version: string; commit: string }): void {
  systemdLog(ctx, machine, 'starting');
  dockerdLog(ctx, machine, 'info', 'Starting up');
  dockerdLog(ctx, machine, 'info', 'OTEL tracing is not configured, using no-op tracer provider');
  dockerdLog(ctx, machine, 'info', 'Creating a containerd client', { address: '/run/containerd/containerd.sock', timeout: '1m0s' });
  dockerdLog(ctx, machine, 'info', '[graphdriver] using prior storage driver: overlay2');
  dockerdLog(ctx, machine, 'info', 'Loading containers: start.');
  dockerdLog(ctx, machine, 'info', 'Loading containers: done.');
  dockerdLog(ctx, machine, 'info', 'Docker daemon', { commit: engine.commit, 'containerd-snapshotter': 'false', 'storage-driver': 'overlay2', version: engine.version });
  dockerdLog(ctx, machine, 'info', 'Initializing buildkit');
  dockerdLog(ctx, machine, 'info', 'Completed buildkit initialization');
  dockerdLog(ctx, machine, 'info', 'Daemon has completed initialization');
  dockerdLog(ctx, machine, 'info', 'API listen on /run/docker.sock');
  systemdLog(ctx, machine, 'started');
}

/** `systemctl stop docker`, first half: SIGTERM arrives (the containers are stopped after it). */
export function logDaemonStopping(ctx: LabCtx, machine: string): void {
  systemdLog(ctx, machine, 'stopping');
  dockerdLog(ctx, machine, 'info', "Processing signal 'terminated'");
}

/** Second half: the containerd event stream closes, the process exits, systemd reports. */
export function logDaemonStopped(ctx: LabCtx, machine: string): void {
  dockerdLog(ctx, machine, 'info', 'stopping event stream following graceful shutdown', { error: '<nil>', module: 'libcontainerd', namespace: 'moby' });
  dockerdLog(ctx, machine, 'info', 'Daemon shutdown complete');
  systemdLog(ctx, machine, 'stopped');
}

/**
 * A start that dies on its configuration: dockerd prints the error on
 * stderr (cmd/dockerd: not through logrus) and exits 1; systemd says so.
 * Each attempt is a new process, hence a new PID.
 */
export function logDaemonFailedStart(ctx: LabCtx, machine: string, error: string): void {
  const attempts = ctx.docker(machine).journal.filter((l) => l.line.startsWith('systemd[1]: Failed to start docker.service')).length;
  systemdLog(ctx, machine, 'starting');
  dockerdStderr(ctx, machine, error, 1904 + attempts * 37);
  systemdLog(ctx, machine, 'failed');
}

/** Every container exit: containerd's TaskDelete reaches dockerd, which has already handled the exit (daemon/monitor.go). */
export function logTaskDeleted(ctx: LabCtx, machine: string, containerId: string): void {
  dockerdLog(ctx, machine, 'info', 'ignoring event', { container: containerId, module: 'libcontainerd', namespace: 'moby', topic: '/tasks/delete', type: '*events.TaskDelete' });
}

/** daemon/stop.go: the process ignored SIGTERM for the whole timeout. */
export function logStopForced(ctx: LabCtx, machine: string, containerId: string, timeoutSec: number, signal = 15): void {
  dockerdLog(ctx, machine, 'info', `Container failed to exit within ${timeoutSec}s of signal ${signal} - using the force`, { container: containerId });
}

/**
 * api/server makeHTTPHandler logs a handler's error at error level when its
 * status is 5xx (a 4xx, such as a link to a stopped container, stays at debug).
 */
export function logStartError(ctx: LabCtx, machine: string, containerId: string, apiVersion: string, message: string): void {
  dockerdLog(ctx, machine, 'error', `Handler for POST /v${apiVersion}/containers/${containerId}/start returned error: ${message}`);
}

/**
 * The embedded DNS server could not get an answer from an external server
 * (libnetwork resolver.go forwardExtDNS, Docker 24+): one error line per
 * server tried, with the client, the server, Go's net error and the question
 * as miekg/dns prints it (`;example.com.\tIN\t A`). The spanID/traceID
 * fields real lines can carry are left out: tracing is not configured.
 */
export function logResolverFailure(ctx: LabCtx, machine: string, q: { client: string; clientPort: number; localIp: string; server: string; name: string; type: string; refused: boolean }): void {
  const why = q.refused ? 'connection refused' : 'i/o timeout';
  const name = q.name.endsWith('.') ? q.name : `${q.name}.`;
  dockerdLog(ctx, machine, 'error', '[resolver] failed to query external DNS server', {
    'client-addr': `udp:${q.client}:${q.clientPort}`,
    'dns-server': `udp:${q.server}:53`,
    error: `read udp ${q.localIp}:${q.clientPort}->${q.server}:53: ${why}`,
    question: `;${name}\tIN\t ${q.type}`,
  });
}
