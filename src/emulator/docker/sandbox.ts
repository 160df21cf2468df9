/**
 * Sandboxes: a container's network namespace (libnetwork Sandbox) and the
 * resolution files Docker keeps in it. `--network host` shares the host's
 * namespace, `container:<x>` shares x's, `none` gets a namespace with only lo.
 */
import type { LabCtx } from '../world/ctx';
import type { ContainerState, DaemonConfig } from './state';
import { createNamespace, deleteNamespace } from '../net/netns';
import { VirtualFs } from '../kernel/fs';
import { buildHosts, buildResolvConf } from './container-files';
import { containerNetworks } from './lookup';
import { linkHostsLines } from './links';
import { resolveHostGateway } from './host-gateway';
import { joinersOf } from './joiner-index';
import { sandboxChanged } from './netns-dir';

export function createSandbox(ctx: LabCtx, machine: string, c: ContainerState): void {
  const mode = c.host.networkMode;
  c.sandboxId = ctx.rng.hex(64);
  if (mode === 'host') {
    c.netnsId = ctx.rootNs(machine).id;
    sandboxChanged(ctx.docker(machine), c); // /var/run/docker/netns follows (docker/netns-dir.ts)
    return;
  }
  if (mode.startsWith('container:')) {
    const other = ctx.docker(machine).containers[mode.slice('container:'.length)];
    c.netnsId = other?.netnsId;
    c.sandboxId = other?.sandboxId ?? c.sandboxId;
    sandboxChanged(ctx.docker(machine), c);
    return;
  }
  const ns = createNamespace(ctx.state.net, machine, undefined);
  c.netnsId = ns.id;
  sandboxChanged(ctx.docker(machine), c);
}

export function destroySandbox(ctx: LabCtx, machine: string, c: ContainerState): void {
  const mode = c.host.networkMode;
  const owned = mode !== 'host' && !mode.startsWith('container:');
  if (owned && c.netnsId) {
    const ns = ctx.state.net.namespaces[c.netnsId];
    if (ns) deleteNamespace(ctx.state.net, ns);
  }
  sandboxChanged(ctx.docker(machine), c);
  delete c.netnsId;
  delete c.sandboxId;
  delete c.nextIfIndex;
}

/**
 * The name the sandbox gives its next interface. libnetwork's
 * osl.Namespace.AddInterface names it `fmt.Sprintf("%s%d", dstPrefix,
 * n.nextIfIndex[dstPrefix])` and then increments the counter; RemoveInterface
 * never lowers it. So connect net1 (eth0), net2 (eth1), disconnect net1,
 * connect net3 gives eth2, not a second eth1; a restart builds a new sandbox
 * and counts from eth0 again.
 */
export function peekIfname(c: ContainerState): string {
  return `eth${c.nextIfIndex ?? 0}`;
}

/** Takes the name peekIfname() gave: the interface is in the sandbox now (AddInterface succeeded). */
export function takeIfname(c: ContainerState): string {
  const name = peekIfname(c);
  c.nextIfIndex = (c.nextIfIndex ?? 0) + 1;
  return name;
}

export function containerFs(ctx: LabCtx, c: ContainerState): VirtualFs {
  return new VirtualFs(ctx.state.containerFs[c.fsId]);
}

/** Rewrites /etc/hosts, /etc/resolv.conf and /etc/hostname from the container's current endpoints. */
export function refreshContainerFiles(ctx: LabCtx, machine: string, c: ContainerState): void {
  const fs = containerFs(ctx, c);
  const hostFs = new VirtualFs(ctx.state.machines[machine].fs);
  const hostResolv = readOr(hostFs, '/etc/resolv.conf');
  const mode = c.host.networkMode;
  if (mode === 'host') {
    fs.write('/etc/hosts', readOr(hostFs, '/etc/hosts'));
    fs.write('/etc/hostname', readOr(hostFs, '/etc/hostname'));
    fs.write('/etc/resolv.conf', hostResolv);
    return;
  }
  if (mode.startsWith('container:')) {
    copySharedFiles(ctx, machine, c);
    return;
  }
  const docker = ctx.docker(machine);
  const nets = containerNetworks(docker, c);
  const internal = nets.some((n) => !n.predefined);
  const ownIps = Object.values(c.networks)
    .map((n) => n.ip)
    .filter((ip): ip is string => !!ip);
  fs.write('/etc/hostname', c.hostname + '\n');
  fs.write('/etc/hosts', buildHosts({ hostname: c.hostname, domainname: c.domainname, extraHosts: c.host.extraHosts.map((h) => resolveHostGateway(ctx, machine, h)), linkLines: linkHostsLines(ctx, machine, c), ownIps }));
  fs.write('/etc/resolv.conf', buildResolvConf({ hostFile: hostResolv, internal, ...dnsSettings(docker.config, c) }));
  for (const joined of joinersOf(ctx, docker, c.id)) {
    copySharedFiles(ctx, machine, joined);
  }
}

const SHARED_FILES = ['/etc/hostname', '/etc/hosts', '/etc/resolv.conf'];

/**
 * `--network container:x` uses x's files: moby's initializeNetworkingPaths
 * points HostnamePath, HostsPath and ResolvConfPath at x's (they are
 * bind-mounted, so x's later rewrites show through; here they are copied
 * again whenever x's are rewritten).
 */
function copySharedFiles(ctx: LabCtx, machine: string, c: ContainerState): void {
  const other = ctx.docker(machine).containers[c.host.networkMode.slice('container:'.length)];
  if (!other) return;
  const from = containerFs(ctx, other);
  const to = containerFs(ctx, c);
  for (const path of SHARED_FILES) to.write(path, readOr(from, path));
}

/** The container's --dns* flags win; without them the daemon's daemon.json settings apply (as dockerd does). */
function dnsSettings(config: DaemonConfig, c: ContainerState): { dns: string[]; dnsSearch: string[]; dnsOptions: string[] } {
  return {
    dns: c.host.dns.length ? c.host.dns : config.dns,
    dnsSearch: c.host.dnsSearch.length ? c.host.dnsSearch : config.dnsSearch ?? [],
    dnsOptions: c.host.dnsOptions.length ? c.host.dnsOptions : config.dnsOptions ?? [],
  };
}

function readOr(fs: VirtualFs, path: string): string {
  const v = fs.read(path);
  return v === 'ENOENT' || v === 'EISDIR' || v === 'ENOTDIR' ? '' : v;
}
