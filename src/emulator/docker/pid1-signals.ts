/**
 * What a container's main process does with a signal. It is PID 1 of its
 * PID namespace, and the kernel delivers to a namespace's init only the
 * signals it installed a handler for (pid_namespaces(7); SIGKILL from the
 * host always works): whatever the program does not handle is ignored, even
 * SIGTERM. So `docker stop` ends a server that handles its stop signal at
 * once (nginx, redis, postgres: exit 0), while `sleep`, `nc -l`, `ping` or a
 * shell ignore it, and Docker kills them after the grace time (exit 137).
 *
 * Each program's handlers come from its source (cited per entry); a handler
 * either ends the program with a status or leaves it running (nginx reloads
 * on SIGHUP). Programs not listed handle nothing.
 */
import type { ContainerState } from './state';
import { effectiveArgv } from './main-argv';
import { afterEntrypointScripts } from './entrypoint-scripts';
import { findImage } from './images';
import { SIGNALS, SIGTERM, SIGKILL, defaultAction, parseSignal } from '../kernel/signals';

/**
 * A handler's effect: the exit status it ends the program with, 'continues'
 * (reload, status line), or `raises`: it re-raises the signal to die of it
 * (Go's runtime), which works unless the program is PID 1 — then it ends
 * with `orExits`.
 */
export type Reaction = number | 'continues' | { raises: true; orExits: number };

type Handlers = Partial<Record<keyof typeof SIGNALS, Reaction>>;

/** What reaches PID 1: it exits with `exit`, or it goes on running (the signal was ignored or handled without exiting). */
export type SignalOutcome = { exit: number } | { continues: true; handled: boolean };

/**
 * The images' STOPSIGNAL (their Dockerfiles); the others stop with SIGTERM.
 * nginx quits gracefully on SIGQUIT, postgres does a "fast shutdown" on
 * SIGINT, httpd a graceful-stop on SIGWINCH.
 */
const IMAGE_STOP_SIGNALS: Readonly<Record<string, string>> = { nginx: 'SIGQUIT', postgres: 'SIGINT', httpd: 'SIGWINCH' };

/** The image's STOPSIGNAL as inspect shows it (`Config.StopSignal`), or '' when it has none. */
export function imageStopSignal(c: ContainerState): string {
  const image = findImage(c.image);
  return image ? (IMAGE_STOP_SIGNALS[image.repository] ?? '') : '';
}

/** The signal `docker stop` sends without -s: --stop-signal, else the image's STOPSIGNAL, else SIGTERM (container.StopSignal()). */
export function stopSignalOf(c: ContainerState): number {
  return parseSignal(c.cli?.stopSignal || imageStopSignal(c) || 'SIGTERM') ?? SIGTERM;
}

/** How long `docker stop` waits without -t: --stop-timeout, else 10 s (container.DefaultStopTimeout). */
export function stopTimeoutOf(c: ContainerState): number {
  return c.cli?.stopTimeout ?? 10;
}

/**
 * nginx (src/os/unix/ngx_process.c signals[]): TERM/INT fast shutdown, QUIT
 * graceful shutdown, HUP reconfigure, USR1 reopen logs, USR2 new binary,
 * WINCH stop workers (the master stays).
 */
const NGINX: Handlers = { TERM: 0, INT: 0, QUIT: 0, HUP: 'continues', USR1: 'continues', USR2: 'continues', WINCH: 'continues' };
/** httpd (server/mpm_unixd.c): TERM/INT stop, WINCH graceful-stop, HUP restart, USR1 graceful restart. */
const HTTPD: Handlers = { TERM: 0, INT: 0, WINCH: 0, HUP: 'continues', USR1: 'continues' };
/** redis (server.c setupSignalHandlers): SIGTERM and SIGINT save if configured and exit 0 ("bye bye"). */
const REDIS: Handlers = { TERM: 0, INT: 0 };
/** postgres (postmaster.c pmdie): TERM smart, INT fast, QUIT immediate shutdown; HUP reloads. */
const POSTGRES: Handlers = { TERM: 0, INT: 0, QUIT: 0, HUP: 'continues' };
/** tcpdump (tcpdump.c): INT, TERM and HUP run cleanup(), which prints the counters and exits 0. */
const TCPDUMP: Handlers = { INT: 0, TERM: 0, HUP: 0 };
/**
 * A Go program without signal.Notify (traefik/whoami): the runtime catches
 * HUP/INT/TERM (and QUIT, to dump goroutines) and re-raises them with the
 * default action; as PID 1 that is ignored, so dieFromSignal falls back to
 * exit(2) (runtime/signal_unix.go). USR1/USR2 are caught and dropped.
 */
const GO_DIES: Reaction = { raises: true, orExits: 2 };
const GO_RUNTIME: Handlers = { HUP: GO_DIES, INT: GO_DIES, TERM: GO_DIES, QUIT: GO_DIES, USR1: 'continues', USR2: 'continues' };
/** iperf3 (iperf_api.c iperf_catch_sigend): INT/TERM/HUP print "interrupt - the server has terminated" and exit 1. */
const IPERF3: Handlers = { INT: 1, TERM: 1, HUP: 1 };
/** iperf 2 (main.cpp: Sig_Interupt for TERM and INT): the server loop ends and main returns 0. */
const IPERF2: Handlers = { INT: 0, TERM: 0 };
/**
 * ping: iputils and BusyBox print the statistics on SIGINT and exit (0 with
 * replies; taken as 0 here, the usual case for a container left pinging);
 * iputils prints a status line on SIGQUIT. Neither handles SIGTERM.
 */
const PING: Handlers = { INT: 0, QUIT: 'continues' };
/** procps top (top.c sig_endpgm): HUP, INT, QUIT, TERM, USR1, USR2 end it cleanly, exit 0. */
const TOP_PROCPS: Handlers = { HUP: 0, INT: 0, QUIT: 0, TERM: 0, USR1: 0, USR2: 0 };
/**
 * BusyBox top (top.c sig_catcher for BB_FATAL_SIGS): restores the terminal
 * and kills itself with the signal; as PID 1 that raise is ignored and
 * kill_myself_with_sig ends with _exit(128 | sig) [derived from the source].
 */
const TOP_BUSYBOX: Handlers = { HUP: 129, INT: 130, QUIT: 131, TERM: 143, USR1: 138, USR2: 140, ALRM: 142 };
/**
 * `su postgres -c …` (training/postgres): shadow's su forwards TERM, INT and
 * QUIT to the command and exits with its status; postgres shuts down, 0.
 * NOT FOUND as a transcript; the plausible outcome of su's signal relay.
 */
const SU_POSTGRES: Handlers = { TERM: 0, INT: 0, QUIT: 0 };

/** The program that is PID 1: the command after any exec-ing entrypoint script. */
export function pid1Argv(c: ContainerState): string[] {
  return afterEntrypointScripts(effectiveArgv(c));
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Python installs one handler, SIGINT → KeyboardInterrupt (Modules/signalmodule.c). */
function pythonHandlers(args: string[]): Handlers {
  if (args.length === 0) return { INT: 'continues' }; // the REPL prints KeyboardInterrupt and prompts again
  // http.server's test() and werkzeug's serve_forever catch KeyboardInterrupt and exit 0.
  if ((args[0] === '-m' && args[1] === 'http.server') || args[0] === 'app.py') return { INT: 0 };
  // Elsewhere it is uncaught: Python re-raises SIGINT to die of it, which PID 1 ignores, so exit_sigint() returns 130.
  return { INT: 130 };
}

/** The handlers of the program a container runs as PID 1. */
export function pid1Handlers(c: ContainerState): Handlers {
  const argv = pid1Argv(c);
  const prog = baseName(argv[0] ?? '');
  if (/^python(\d(\.\d+)?)?$/.test(prog)) return pythonHandlers(argv.slice(1));
  if (prog === 'top') return findImage(c.image)?.userland === 'busybox' ? TOP_BUSYBOX : TOP_PROCPS;
  if (prog === 'su' && argv.join(' ').includes('postgres')) return SU_POSTGRES;
  return PROGRAM_HANDLERS[prog] ?? {};
}

const PROGRAM_HANDLERS: Readonly<Record<string, Handlers>> = {
  nginx: NGINX,
  httpd: HTTPD,
  'httpd-foreground': HTTPD, // the httpd image's script ends in `exec httpd -DFOREGROUND "$@"`
  'redis-server': REDIS,
  postgres: POSTGRES,
  tcpdump: TCPDUMP,
  whoami: GO_RUNTIME,
  iperf3: IPERF3,
  iperf: IPERF2,
  ping: PING,
  ping6: PING,
};

function reactionTo(c: ContainerState, sig: number): Reaction | undefined {
  const handlers = pid1Handlers(c);
  const name = (Object.keys(SIGNALS) as (keyof typeof SIGNALS)[]).find((k) => SIGNALS[k] === sig && handlers[k] !== undefined);
  return name ? handlers[name] : undefined;
}

/** The program has a handler for `sig` (it runs code of its own: ping prints its statistics, tcpdump its counters). */
export function handlesSignal(c: ContainerState, sig: number): boolean {
  return reactionTo(c, sig) !== undefined;
}

/** An interactive shell (-i/-t) ignores SIGTERM, SIGINT and SIGQUIT itself (SIG_IGN), PID 1 or not. */
function interactiveShellIgnores(c: ContainerState, sig: number): boolean {
  const prog = baseName(pid1Argv(c)[0] ?? '');
  return ['sh', 'ash', 'bash', 'zsh', 'dash'].includes(prog) && pid1Argv(c).length === 1 && (c.tty || c.openStdin) && [SIGNALS.TERM, SIGNALS.INT, SIGNALS.QUIT].includes(sig);
}

/**
 * With --init, docker-init (tini) is PID 1: it forwards the signal to the
 * command, which is not PID 1 and so gets the default action of a signal it
 * does not handle; tini exits with the command's status, 128 + n when the
 * signal killed it (tini.c reap_zombies).
 */
function signalUnderInit(c: ContainerState, sig: number, reaction: Reaction | undefined): SignalOutcome {
  if (reaction === 'continues' || interactiveShellIgnores(c, sig)) return { continues: true, handled: true };
  if (typeof reaction === 'number') return { exit: reaction };
  if (reaction !== undefined || defaultAction(sig) === 'terminates') return { exit: 128 + sig };
  return { continues: true, handled: false };
}

/** What `sig` does to the container's main process (PID 1, or the command under --init). */
export function signalPid1(c: ContainerState, sig: number): SignalOutcome {
  if (sig === SIGKILL) return { exit: 128 + SIGKILL };
  const reaction = reactionTo(c, sig);
  if (c.cli?.init) return signalUnderInit(c, sig, reaction);
  if (reaction === undefined) return { continues: true, handled: false };
  if (reaction === 'continues') return { continues: true, handled: true };
  return { exit: typeof reaction === 'number' ? reaction : reaction.orExits };
}
