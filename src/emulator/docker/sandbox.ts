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

export function createSandbox(ctx: LabCtx, machine: string, c: ContainerState): void {
  const mode = c.host.networkMode;
  c.sandboxId = ctx.rng.hex(64);
  if (mode === 'host') {
    c.netnsId = ctx.rootNs(machine).id;
    return;
  }
  if (mode.startsWith('container:')) {
    const other = ctx.docker(machine).containers[mode.slice('container:'.length)];
    c.netnsId = other?.netnsId;
    c.sandboxId = other?.sandboxId ?? c.sandboxId;
    return;
  }
  const ns = createNamespace(ctx.state.net, machine, undefined);
  c.netnsId = ns.id;
}

export function destroySandbox(ctx: LabCtx, machine: string, c: ContainerState): void {
  const mode = c.host.networkMode;
  const owned = mode !== 'host' && !mode.startsWith('container:');
  if (owned && c.netnsId) {
    const ns = ctx.state.net.namespaces[c.netnsId];
    if (ns) deleteNamespace(ctx.state.net, ns);
  }
  delete c.netnsId;
  delete c.sandboxId;
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
  if (mode.startsWith('container:')) return; // shares the other container's files
  const docker = ctx.docker(machine);
  const nets = containerNetworks(docker, c);
  const internal = nets.some((n) => !n.predefined);
  const ownIps = Object.values(c.networks)
    .map((n) => n.ip)
    .filter((ip): ip is string => !!ip);
  fs.write('/etc/hostname', c.hostname + '\n');
  fs.write('/etc/hosts', buildHosts({ hostname: c.hostname, domainname: c.domainname, extraHosts: c.host.extraHosts.map((h) => resolveHostGateway(ctx, machine, h)), linkLines: linkHostsLines(ctx, machine, c), ownIps }));
  fs.write('/etc/resolv.conf', buildResolvConf({ hostFile: hostResolv, internal, ...dnsSettings(docker.config, c) }));
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
