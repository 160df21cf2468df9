/**
 * What a server writes on its way out when a signal it handles ends it
 * (docker stop with the image's STOPSIGNAL, or `docker kill -s`): the lines
 * `docker logs` shows after the container stopped. Only the programs whose
 * shutdown is logged by default are here (nginx, redis, postgres, httpd);
 * the others exit quietly. Times come from the lab clock, spread over the
 * few hundred ms the shutdown takes (container-lifecycle.ts SHUTDOWN_MS).
 *
 * Pids: the master is PID 1; the worker/aux pids are plausible values for
 * each image (nginx's one worker 29 after the entrypoint's scripts, postgres'
 * checkpointer 27 and replication launcher 33), not tracked processes.
 */
import type { ContainerState } from './state';
import { pid1Argv } from './pid1-signals';
import { HTTPD_MAIN_TID, httpdDate, nginxDate, postgresDate, redisDate, redisLogsYear, type LogLine } from './log-stamps';
import { SIGNALS } from '../kernel/signals';

/** The signal's name by number; the first of two aliases (ABRT, not IOT) as strsignal-style tables print it. */
const NAMES: Readonly<Record<number, string>> = Object.fromEntries(Object.entries(SIGNALS).reverse().map(([k, v]) => [v, `SIG${k}`]));

/** nginx's error log (ngx_log_error_core): `2026/01/12 09:00:00 [notice] 1#1: ...`, on stderr (the image links error.log to /dev/stderr). */
function nginx(sig: number, t: number): LogLine[] {
  const at = (dt: number, pid: number, msg: string): LogLine => {
    return { t: t + dt, stream: 'stderr', line: `${nginxDate(t + dt)} [notice] ${pid}#${pid}: ${msg}` };
  };
  // ngx_signal_handler: QUIT is "shutting down" (graceful: the worker says so), TERM/INT "exiting".
  // Docker signals from outside the namespace (si_pid 0), so no "received from N".
  const graceful = sig === SIGNALS.QUIT;
  const lines = [at(0, 1, `signal ${sig} (${NAMES[sig]}) received, ${graceful ? 'shutting down' : 'exiting'}`)];
  if (graceful) lines.push(at(1, 29, 'gracefully shutting down'));
  lines.push(at(2, 29, 'exiting'), at(3, 29, 'exit'), at(5, 1, 'signal 17 (SIGCHLD) received from 29'), at(5, 1, 'worker process 29 exited with code 0'), at(6, 1, 'exit'));
  return lines;
}

/**
 * redis (server.c): the handler logs with serverLogFromHandler,
 * `1:signal-handler (<unix seconds>) Received SIGTERM scheduling shutdown...`,
 * then prepareForShutdown/finishShutdown with `pid:role date level` lines on
 * stdout. The default config has save points, so it saves first. Redis 3.0
 * printed no year (`12 Jan 09:00:00.000`); 7 and 8 do (when the year came
 * in between does not matter here: the lab has only 3.0.x and latest).
 */
function redis(c: ContainerState, sig: number, t: number): LogLine[] {
  const withYear = redisLogsYear(c);
  const at = (dt: number, level: '#' | '*', msg: string): LogLine => {
    return { t: t + dt, stream: 'stdout', line: `1:M ${redisDate(t + dt, withYear)} ${level} ${msg}` };
  };
  return [
    { t, stream: 'stdout', line: `1:signal-handler (${Math.floor(t / 1000)}) Received ${NAMES[sig]} scheduling shutdown...` },
    at(80, '#', 'User requested shutdown...'),
    at(80, '*', 'Saving the final RDB snapshot before exiting.'),
    at(83, '*', 'DB saved on disk'),
    at(83, '#', 'Redis is now ready to exit, bye bye...'),
  ];
}

/**
 * postgres 17 (postmaster.c process_pm_shutdown_request, checkpointer,
 * xlog.c), log_line_prefix '%m [%p] ' on stderr. SIGTERM is a smart
 * shutdown, SIGINT (the image's STOPSIGNAL) a fast one that first aborts
 * the sessions; SIGQUIT an immediate one, without a checkpoint. Since 15
 * log_checkpoints is on, so the shutdown checkpoint is logged; 17 added the
 * LSNs to its line. The buffer counts and LSNs are those of an idle new
 * cluster (plausible values, not derived from any state).
 */
function postgres(sig: number, t: number): LogLine[] {
  const at = (dt: number, pid: number, msg: string): LogLine => {
    return { t: t + dt, stream: 'stderr', line: `${postgresDate(t + dt)} [${pid}] LOG:  ${msg}` };
  };
  if (sig === SIGNALS.QUIT) return [at(0, 1, 'received immediate shutdown request'), at(9, 1, 'database system is shut down')];
  const fast = sig === SIGNALS.INT;
  return [
    at(0, 1, `received ${fast ? 'fast' : 'smart'} shutdown request`),
    ...(fast ? [at(2, 1, 'aborting any active transactions')] : []),
    at(4, 1, 'background worker "logical replication launcher" (PID 33) exited with exit code 1'),
    at(5, 27, 'shutting down'),
    at(7, 27, 'checkpoint starting: shutdown immediate'),
    at(19, 27, 'checkpoint complete: wrote 0 buffers (0.0%); 0 WAL file(s) added, 0 removed, 0 recycled; write=0.001 s, sync=0.001 s, total=0.012 s; sync files=0, longest=0.000 s, average=0.000 s; distance=0 kB, estimate=0 kB; lsn=0/1952F40, redo lsn=0/1952F40'),
    at(24, 1, 'database system is shut down'),
  ];
}

/**
 * httpd's error log on stderr (mpm_event, log.c): `[Mon Jan 12
 * 09:00:00.000000 2026] [mpm_event:notice] [pid 1:tid 1] AH00492:
 * caught SIGWINCH, shutting down gracefully`; SIGTERM/SIGINT are AH00491
 * "caught SIGTERM, shutting down". The tid is the main thread's, as in
 * the startup lines (log-stamps.ts HTTPD_MAIN_TID).
 */
function httpd(sig: number, t: number): LogLine[] {
  const date = httpdDate(t);
  // mpm_unixd: SIGINT and SIGTERM share one handler (sig_term), and event.c's message names SIGTERM for both.
  const msg = sig === SIGNALS.WINCH ? 'AH00492: caught SIGWINCH, shutting down gracefully' : 'AH00491: caught SIGTERM, shutting down';
  return [{ t, stream: 'stderr', line: `[${date}] [mpm_event:notice] [pid 1:tid ${HTTPD_MAIN_TID}] ${msg}` }];
}

/** The lines PID 1 logs when `sig`, which it handles by exiting, arrives at lab time `t`; none for other programs. */
export function shutdownLogLines(c: ContainerState, sig: number, t: number): LogLine[] {
  const argv = pid1Argv(c);
  const prog = (argv[0] ?? '').slice((argv[0] ?? '').lastIndexOf('/') + 1);
  if (prog === 'nginx') return nginx(sig, t);
  if (prog === 'redis-server') return redis(c, sig, t);
  if (prog === 'postgres') return postgres(sig, t);
  if (prog === 'httpd' || prog === 'httpd-foreground') return httpd(sig, t);
  return [];
}
