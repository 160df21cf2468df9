/**
 * What a container's main process writes as it starts: the lines `docker
 * logs` shows first, and again after each restart at the new time. The
 * servers whose startup is logged with their own dates (nginx, redis,
 * postgres, httpd, training/postgres' 9.3) are written here from the
 * starting container — the lab clock, its address on its first network,
 * its hostname, whether it ran before; other images print their fixed
 * banner (images.ts startupLogs).
 *
 * Each line's lab time is the date the server prints (ms), so `docker logs
 * -t` shows Docker's stamp in that same millisecond, a fraction after it as
 * Docker reads the line once written. Pids other than 1 are plausible
 * values, as in shutdown-logs.ts, not tracked processes.
 */
import type { ContainerState } from './state';
import { findImage } from './images';
import { pid1Argv } from './pid1-signals';
import { redisPort } from './redis-services';
import { HOST_SYSTEM } from '../commands/docker/system/versions';
import { HTTPD_MAIN_TID, httpdDate, nginxDate, postgresDate, redisDate, redisLogsYear, type LogLine } from './log-stamps';

/** What the start knows that the lines depend on. */
export interface StartFacts {
  /** Lab time the main process starts (ContainerState.startedAt). */
  t: number;
  /** The container's IPv4 address on its first network; none with --network none/host. */
  ip?: string;
}

const out = (t: number, line: string): LogLine => ({ t, stream: 'stdout', line });
const err = (t: number, line: string): LogLine => ({ t, stream: 'stderr', line });

function envOf(c: ContainerState, key: string): string {
  const hit = [...(findImage(c.image)?.env ?? []), ...c.env].reverse().find((e) => e.startsWith(`${key}=`));
  return hit ? hit.slice(key.length + 1) : '';
}

/** A container started before (docker start/restart of a stopped one) has a finish time. */
const restarted = (c: ContainerState) => c.finishedAt > 0;

/**
 * nginx 1.27 (docker-nginx's docker-entrypoint.sh and its .d scripts on
 * stdout, then ngx_log_error_core's notices on stderr). On a restart
 * 10-listen-on-ipv6-by-default.sh finds its edit already made. The
 * `built by` line (with nginx's trailing space) is the bookworm package's
 * compiler, plausible rather than checked; the worker pid is shutdown-logs'
 * one worker 29 (the image's `worker_processes auto` would start one per CPU).
 */
function nginx(c: ContainerState, t: number): LogLine[] {
  const script = '10-listen-on-ipv6-by-default.sh';
  const entry = c.entrypoint.some((a) => /(^|\/)docker-entrypoint\.sh$/.test(a))
    ? [
        '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
        '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
        `/docker-entrypoint.sh: Launching /docker-entrypoint.d/${script}`,
        ...(restarted(c)
          ? [`${script}: info: IPv6 listen already enabled`]
          : [`${script}: info: Getting the checksum of /etc/nginx/conf.d/default.conf`, `${script}: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf`]),
        '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
        '/docker-entrypoint.sh: Configuration complete; ready for start up',
      ]
    : [];
  const at = t + 20; // after the entrypoint's scripts
  const notice = (msg: string) => err(at, `${nginxDate(at)} [notice] 1#1: ${msg}`);
  return [
    ...entry.map((line) => out(t, line)),
    notice('using the "epoll" event method'),
    notice(`nginx/${envOf(c, 'NGINX_VERSION')}`),
    notice('built by gcc 12.2.0 (Debian 12.2.0-14) '),
    notice(`OS: Linux ${HOST_SYSTEM.kernel}`),
    notice('getrlimit(RLIMIT_NOFILE): 1048576:1048576'),
    notice('start worker processes'),
    notice('start worker process 29'),
  ];
}

/**
 * redis 7/8 (server.c main, serverLogRaw `pid:role date level msg`, on
 * stdout): the C(hild-less, before role) lines, then the master's. With no
 * argument redis-server warns that it runs the default config, with any it
 * says `Configuration loaded`. Since 7.2 the first line is the warning a
 * host with vm.overcommit_memory=0 (Debian's default, the lab's host) gets,
 * as recalled from real 7.2 logs rather than checked against a transcript.
 * Left out: the 8.x image's module lines (RediSearch, RedisJSON... a block
 * each), whose text is not known well enough here.
 * Redis 3.0 (redis.c) had no `Redis is starting` block: the warning (and
 * no line instead of it when given arguments), the
 * ASCII-art logo (left out: a 17-line picture), `Server started, Redis
 * version`, then the ready line naming the port.
 */
const OVERCOMMIT =
  "WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.";

function redis(c: ContainerState, t: number): LogLine[] {
  const argv = pid1Argv(c);
  const version = envOf(c, 'REDIS_VERSION');
  const withYear = redisLogsYear(c);
  const line = (dt: number, role: 'C' | 'M', level: '*' | '#', msg: string) => out(t + dt, `1:${role} ${redisDate(t + dt, withYear)} ${level} ${msg}`);
  const config =
    argv.length <= 1
      ? line(0, 'C', '#', `Warning: no config file specified, using the default config. In order to specify a config file use ${argv[0] ?? 'redis-server'} /path/to/redis.conf`)
      : line(0, 'C', '*', 'Configuration loaded');
  if (!withYear) {
    return [...(argv.length <= 1 ? [config] : []), line(1, 'M', '#', `Server started, Redis version ${version}`), line(1, 'M', '*', `The server is now ready to accept connections on port ${redisPort(argv.slice(1))}`)];
  }
  return [
    line(0, 'C', '#', OVERCOMMIT),
    line(0, 'C', '*', 'oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo'),
    line(0, 'C', '*', `Redis version=${version}, bits=64, commit=00000000, modified=0, pid=1, just started`),
    config,
    line(1, 'M', '*', 'monotonic clock: POSIX clock_gettime'),
    line(1, 'M', '*', `Running mode=standalone, port=${redisPort(argv.slice(1))}.`),
    line(2, 'M', '*', 'Server initialized'),
    line(2, 'M', '*', 'Ready to accept connections tcp'),
  ];
}

/**
 * postgres 17 (postmaster.c, startup.c/xlog.c; log_line_prefix '%m [%p] '
 * on stderr). Shown as the start of an initialised cluster, which every
 * start is but the first: the entrypoint's first run prints initdb's and its
 * temporary server's output (some 60 lines, and it refuses to run without
 * POSTGRES_PASSWORD) before these, which the lab leaves out — it has no
 * initdb to show and the server's own lines are what a reader looks for.
 * On a restart the entrypoint says it skips initialisation. The cluster was
 * shut down when the container last stopped, or on a first start by the
 * init moments before; after a kill or an immediate shutdown it recovers
 * first. The version string is the bookworm package's and the recovery's
 * LSNs and figures follow on from shutdown-logs.ts' checkpoint (0/1952F40):
 * plausible, not checked against a transcript. The startup process' pid 29
 * follows the checkpointer (27) and bgwriter.
 */
/**
 * How the container's previous postgres run ended, read from its own log:
 * cleanly if `database system is shut down` follows its last ready line
 * (a smart or fast shutdown's checkpoint), not after a SIGKILL or an
 * immediate shutdown (SIGQUIT), which skip the checkpoint. None before the
 * first start.
 */
function lastRun(c: ContainerState): { readyAt: number; clean: boolean; shutDownAt?: number } | undefined {
  const ready = c.logs.findLastIndex((e) => e.line.endsWith('LOG:  database system is ready to accept connections'));
  if (ready < 0) return undefined;
  const after = c.logs.slice(ready + 1);
  const down = after.find((e) => e.line.endsWith('LOG:  database system is shut down'));
  const immediate = after.some((e) => e.line.endsWith('LOG:  received immediate shutdown request'));
  return { readyAt: c.logs[ready].t, clean: !!down && !immediate, shutDownAt: down?.t };
}

function postgres(c: ContainerState, t: number): LogLine[] {
  const major = envOf(c, 'PG_MAJOR') || '17';
  const version = `${major}.5`;
  const line = (dt: number, pid: number, msg: string) => err(t + dt, `${postgresDate(t + dt)} [${pid}] LOG:  ${msg}`);
  const entry = c.entrypoint.some((a) => /(^|\/)docker-entrypoint\.sh$/.test(a)) && restarted(c)
    ? ['', 'PostgreSQL Database directory appears to contain a database; Skipping initialization', ''].map((l) => out(t, l))
    : [];
  const before = lastRun(c);
  // The startup process (29) replays the WAL after a kill, and the checkpointer (27) writes an end-of-recovery checkpoint.
  const recovery = before?.clean === false
    ? [
        line(9, 29, `database system was interrupted; last known up at ${postgresDate(before.readyAt, false)}`),
        line(9, 29, 'database system was not properly shut down; automatic recovery in progress'),
        line(10, 29, 'redo starts at 0/1952FB8'),
        line(10, 29, 'invalid record length at 0/1952FF0: expected at least 24, got 0'),
        line(10, 29, 'redo done at 0/1952FB8 system usage: CPU: user: 0.00 s, system: 0.00 s, elapsed: 0.00 s'),
        line(11, 27, 'checkpoint starting: end-of-recovery immediate wait'),
        line(12, 27, 'checkpoint complete: wrote 3 buffers (0.0%); 0 WAL file(s) added, 0 removed, 0 recycled; write=0.002 s, sync=0.001 s, total=0.006 s; sync files=2, longest=0.001 s, average=0.001 s; distance=0 kB, estimate=0 kB; lsn=0/1952FF0, redo lsn=0/1952FF0'),
      ]
    : [line(9, 29, `database system was shut down at ${postgresDate(before?.shutDownAt ?? t - 1000, false)}`)];
  return [
    ...entry,
    line(2, 1, `starting PostgreSQL ${version} (Debian ${version}-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`),
    line(3, 1, 'listening on IPv4 address "0.0.0.0", port 5432'),
    line(3, 1, 'listening on IPv6 address "::", port 5432'),
    line(5, 1, 'listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"'),
    ...recovery,
    line(13, 1, 'database system is ready to accept connections'),
  ];
}

/**
 * training/postgres: PostgreSQL 9.3 from Ubuntu's packages, run through
 * `su postgres -c`; Debian's postgresql.conf of the time set
 * log_line_prefix '%t ' (seconds, no pid) and 9.3 still announced its
 * autovacuum launcher. Its cluster was last shut down when the image was
 * built, or when the container last stopped. As recalled, not checked
 * against a transcript of this image.
 */
function postgres93(c: ContainerState, t: number): LogLine[] {
  const shutDownAt = restarted(c) ? c.finishedAt : t - (findImage(c.image)?.ageDays ?? 0) * 86_400_000;
  const line = (dt: number, msg: string) => err(t + dt, `${postgresDate(t + dt, false)} LOG:  ${msg}`);
  return [
    line(9, `database system was shut down at ${postgresDate(shutDownAt, false)}`),
    line(13, 'database system is ready to accept connections'),
    line(14, 'autovacuum launcher started'),
  ];
}

/**
 * httpd 2.4 (server/util.c ap_get_local_host, then mpm_event and core
 * notices on stderr). The hostname is not a fully qualified name, so httpd
 * names the server by the address it resolves to — in /etc/hosts, the
 * container's — once while reading the config and once more in the child
 * that re-reads it. A hostname with a dot counts as qualified: no warning.
 * Without an address (--network none) the fallback is 127.0.0.1.
 */
function httpd(c: ContainerState, facts: StartFacts): LogLine[] {
  const { t } = facts;
  const warn = `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${facts.ip ?? '127.0.0.1'}. Set the 'ServerName' directive globally to suppress this message`;
  const warnings = c.hostname.includes('.') ? [] : [err(t, warn), err(t + 2, warn)];
  const at = t + 4;
  const notice = (module: string, msg: string) => err(at, `[${httpdDate(at)}] [${module}:notice] [pid 1:tid ${HTTPD_MAIN_TID}] ${msg}`);
  return [
    ...warnings,
    notice('mpm_event', `AH00489: Apache/${envOf(c, 'HTTPD_VERSION')} (Unix) configured -- resuming normal operations`),
    notice('core', "AH00094: Command line: 'httpd -D FOREGROUND'"),
  ];
}

/** The lines the container's main process writes as it starts at `facts.t`. */
export function startupLogLines(c: ContainerState, facts: StartFacts): LogLine[] {
  const argv = pid1Argv(c);
  const prog = (argv[0] ?? '').slice((argv[0] ?? '').lastIndexOf('/') + 1);
  if (prog === 'nginx') return nginx(c, facts.t);
  if (prog === 'redis-server') return redis(c, facts.t);
  if (prog === 'postgres') return postgres(c, facts.t);
  if (prog === 'su' && /(^|\/)postgres /.test(argv.at(-1) ?? '')) return postgres93(c, facts.t);
  if (prog === 'httpd' || prog === 'httpd-foreground') return httpd(c, facts);
  return (findImage(c.image)?.startupLogs ?? []).map((line) => out(facts.t, line));
}
