/**
 * `nsenter` (util-linux 2.40): runs a program in another process's
 * namespaces.
 *   nsenter -t <pid> -n ip a     the host's `ip` in the container's network namespace
 *   nsenter -t <pid> -n -m sh    ... and in its filesystem (its own programs)
 *   nsenter --net=/var/run/docker/netns/<key> ip a   a sandbox or overlay namespace by file
 * The PID is the one `docker inspect -f '{{.State.Pid}}' web` prints (the
 * container's main process as the host sees it); PID 1 and the host's daemons
 * live in the host's namespaces. Inside a container nsenter needs
 * CAP_SYS_ADMIN (`--privileged`), and sees only its own PID namespace, where
 * PID 1 is its own main process. Without a program (or with just a shell)
 * the terminal enters a shell in that network namespace until `exit`.
 * Messages are util-linux's (`cannot open %s`, `failed to parse pid`,
 * `neither filename nor target pid supplied for %s`, `reassociate to
 * namespace '%s' failed`, errexec's `failed to execute %s`).
 */
import type { CommandContext, CommandSpec, ProcessScope } from '../types';
import type { LabCtx } from '../../world/ctx';
import type { ContainerState } from '../../docker/state';
import { labCtx, labOf, sessionOf } from '../docker/engine-access';
import { lookupCommand } from '../registry';
import { containerScope } from '../../session/run-in-container';

interface Opts {
  target?: string;
  net?: string | true;
  mount?: string | true;
  argv: string[];
  error?: string;
}

const IGNORED = new Set(['-u', '--uts', '-i', '--ipc', '-p', '--pid', '-U', '--user', '-C', '--cgroup', '-T', '--time', '-F', '--no-fork', '-r', '--root', '-w', '--wd']);

function parse(args: string[]): Opts {
  const o: Opts = { argv: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') return { ...o, argv: args.slice(i + 1) };
    if (!a.startsWith('-')) return { ...o, argv: args.slice(i) };
    if (a === '-t' || a === '--target') o.target = args[++i];
    else if (a.startsWith('-t') && a.length > 2) o.target = a.slice(2);
    else if (a.startsWith('--target=')) o.target = a.slice(9);
    else if (a === '-n' || a === '--net') o.net = true;
    else if (a.startsWith('--net=') || a.startsWith('-n/')) o.net = a.startsWith('-n') ? a.slice(2) : a.slice(6);
    else if (a === '-m' || a === '--mount') o.mount = true;
    else if (a.startsWith('--mount=')) o.mount = a.slice(8);
    else if (a === '-a' || a === '--all') o.net = o.mount = true;
    else if (/^-[nmuipUa]+$/.test(a)) {
      if (a.includes('n') || a.includes('a')) o.net = true;
      if (a.includes('m') || a.includes('a')) o.mount = true;
    } else if (!IGNORED.has(a)) return { ...o, error: `unrecognized option '${a}'` };
    if ((a === '-t' || a === '--target') && o.target === undefined) return { ...o, error: `option requires an argument -- 't'` };
  }
  return o;
}

type Target = { kind: 'host' } | { kind: 'container'; c: ContainerState } | { kind: 'ns'; nsId: string } | { kind: 'missing'; path: string };

function containers(lab: LabCtx, machine: string): ContainerState[] {
  return Object.values(lab.state.machines[machine]?.docker?.containers ?? {});
}

/** A PID as this process sees it: the host's PID space, or a container's own (where 1 is its main process). */
function byPid(lab: LabCtx, ctx: CommandContext, pid: number): Target {
  const self = ctx.scope.containerId ? containers(lab, ctx.scope.host).find((c) => c.id === ctx.scope.containerId) : undefined;
  if (self) return pid === 1 ? { kind: 'container', c: self } : { kind: 'missing', path: `/proc/${pid}/ns/net` };
  const c = containers(lab, ctx.scope.host).find((x) => x.status === 'running' && x.pid === pid);
  if (c) return { kind: 'container', c };
  const root = lab.rootNs(ctx.scope.host);
  if (pid === 1 || root.sockets.some((s) => s.pid === pid)) return { kind: 'host' };
  return { kind: 'missing', path: `/proc/${pid}/ns/net` };
}

/** `/var/run/docker/netns/<key>` (or /run/docker/netns): a container sandbox, an overlay namespace, lb_<net>, ingress_sbox. */
function byFile(lab: LabCtx, machine: string, path: string): Target {
  const m = /^(?:\/var)?\/run\/docker\/netns\/([^/]+)$/.exec(path);
  const key = m?.[1];
  if (key) {
    const c = containers(lab, machine).find((x) => x.sandboxId?.slice(0, 12) === key && x.netnsId);
    if (c?.netnsId) return { kind: 'ns', nsId: c.netnsId };
    const swarm = lab.state.machines[machine]?.docker?.swarm;
    const overlay = Object.values(swarm?.sandboxes ?? {}).find((s) => s.dockerNsName === key);
    if (overlay) return { kind: 'ns', nsId: overlay.nsId };
    // The network's load-balancer sandbox, where the service VIPs' IPVS tables live (ipvsadm -Ln).
    const lb = Object.values(swarm?.sandboxes ?? {}).find((s) => s.lbNsId && `lb_${s.networkId.slice(0, 9)}` === key);
    if (lb?.lbNsId) return { kind: 'ns', nsId: lb.lbNsId };
    if (key === 'ingress_sbox' && swarm?.ingressSboxNsId) return { kind: 'ns', nsId: swarm.ingressSboxNsId };
  }
  if (path === '/proc/1/ns/net') return { kind: 'host' };
  return { kind: 'missing', path };
}

function scopeFor(lab: LabCtx, ctx: CommandContext, t: Exclude<Target, { kind: 'missing' }>, mount: boolean): ProcessScope {
  if (t.kind === 'host') return { ...ctx.scope, netnsId: lab.rootNs(ctx.scope.host).id };
  if (t.kind === 'ns') return { ...ctx.scope, netnsId: t.nsId };
  const own = containerScope(labOf(ctx), ctx.scope.host, t.c, '/');
  return mount ? own : { ...ctx.scope, netnsId: own.netnsId };
}

/**
 * Inside a container the file must be there: Docker's netns directory only
 * when the container was started with it bound in (`-v
 * /var/run/docker/netns:<dir>`, docker/netns-dir.ts), wherever it was bound.
 */
function byFileIn(lab: LabCtx, ctx: CommandContext, path: string): Target {
  if (!ctx.scope.containerId || path.startsWith('/proc/')) return byFile(lab, ctx.scope.host, path);
  if (!ctx.scope.fs.exists(path)) return { kind: 'missing', path };
  return byFile(lab, ctx.scope.host, `/var/run/docker/netns/${path.slice(path.lastIndexOf('/') + 1)}`);
}

function resolveTarget(lab: LabCtx, ctx: CommandContext, o: Opts): Target | string {
  if (typeof o.net === 'string') return byFileIn(lab, ctx, o.net);
  if (o.target === undefined) return o.net ? 'neither filename nor target pid supplied for ns/net' : 'neither filename nor target pid supplied for ns/mnt';
  if (!/^\d+$/.test(o.target)) return `failed to parse pid: '${o.target}'`;
  return byPid(lab, ctx, Number(o.target));
}

async function run(ctx: CommandContext): Promise<number> {
  const o = parse(ctx.argv.slice(1));
  if (o.error) {
    ctx.stderr(`nsenter: ${o.error}\nTry 'nsenter --help' for more information.\n`);
    return 1;
  }
  const lab = labCtx(ctx);
  const target = o.net || o.mount || o.target !== undefined ? resolveTarget(lab, ctx, o) : undefined;
  if (typeof target === 'string') {
    ctx.stderr(`nsenter: ${target}\n`);
    return 1;
  }
  if (target?.kind === 'missing') {
    ctx.stderr(`nsenter: cannot open ${target.path}: No such file or directory\n`);
    return 1;
  }
  if (target && ctx.scope.containerId && !privileged(lab, ctx)) {
    ctx.stderr(`nsenter: reassociate to namespace '${o.net ? 'ns/net' : 'ns/mnt'}' failed: Operation not permitted\n`);
    return 1;
  }
  const scope = target && (o.net || o.mount) ? scopeFor(lab, ctx, target, !!o.mount) : ctx.scope;
  if (!o.argv.length || (o.argv.length === 1 && SHELLS.has(o.argv[0].slice(o.argv[0].lastIndexOf('/') + 1)))) return enterShell(ctx, o, scope);
  const spec = lookupCommand(o.argv[0], scope);
  if (!spec) {
    ctx.stderr(`nsenter: failed to execute ${o.argv[0]}: No such file or directory\n`);
    return 127;
  }
  return spec.run({ ...ctx, argv: o.argv, scope });
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'zsh']);

/**
 * No program: nsenter execs $SHELL, which is interactive at the terminal:
 * the session gets a shell in the entered network namespace (`exit` leaves
 * it). With -m the filesystem changes too, which a session shell cannot
 * follow: only -n shells are modelled, and only at the terminal's own shell.
 */
function enterShell(ctx: CommandContext, o: Opts, scope: ProcessScope): number {
  const session = sessionOf(ctx);
  const top = session.top();
  const atTerminal = top.machine === ctx.scope.host && top.containerId === ctx.scope.containerId;
  if (!atTerminal || o.mount) {
    ctx.stderr('nsenter: an interactive shell here is not modelled; give a program, e.g. nsenter -t <pid> -n ip a\n');
    return 1;
  }
  const shell = o.argv[0] ?? ctx.env.SHELL ?? '/bin/sh';
  session.enterNetns(scope.netnsId, shell);
  return 0;
}

function privileged(lab: LabCtx, ctx: CommandContext): boolean {
  const c = lab.state.machines[ctx.scope.host]?.docker?.containers[ctx.scope.containerId ?? ''];
  return !!c?.cli?.privileged;
}

export const nsenter: CommandSpec = {
  name: 'nsenter',
  usage: 'nsenter [options] [<program> [<argument>...]]',
  summary: 'Run a program with namespaces of other processes.',
  help:
    '\nUsage:\n nsenter [options] [<program> [<argument>...]]\n\nRun a program with namespaces of other processes.\n\nOptions:\n' +
    ' -a, --all              enter all namespaces\n -t, --target <pid>     target process to get namespaces from\n' +
    ' -m, --mount[=<file>]   enter mount namespace\n -u, --uts[=<file>]     enter UTS namespace (hostname etc)\n' +
    ' -i, --ipc[=<file>]     enter System V IPC namespace\n -n, --net[=<file>]     enter network namespace\n' +
    ' -p, --pid[=<file>]     enter pid namespace\n -U, --user[=<file>]    enter user namespace\n' +
    '\n -h, --help             display this help\n -V, --version          display version\n\nFor more details see nsenter(1).\n',
  run,
};
