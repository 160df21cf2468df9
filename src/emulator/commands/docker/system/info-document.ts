/**
 * What `docker info` knows, once: the facts of the daemon of this host, and
 * the Go value `docker info --format` runs its template on — docker/cli's
 * dockerInfo (cli/command/system/info.go: `*system.Info` embedded, then
 * ServerErrors, ClientInfo, ClientErrors) with moby api/types/system.Info's
 * fields in declaration order (28.x). The pretty printer (info.ts) reads the
 * same facts, so the two cannot disagree.
 */
import type { CommandContext } from '../../types';
import type { DockerState } from '../../../docker/state';
import { NIL_SLICE, goEmbed, goStringer, jsonTag, omitEmpty, withGoType } from '../../../docker/format/govalues';
import { stableHex } from '../../../docker/image-store';
import { goRfc3339Nano } from '../../../docker/inspect-network';
import { daemonOf, labCtx, machineOf } from '../engine-access';
import { swarmSection } from './info-swarm';
import { CLI_PLUGINS, CONTAINERD, DOCKER_INIT, ENGINE, HOST_SYSTEM, RUNC } from './versions';

export interface InfoFacts {
  containers: number;
  running: number;
  paused: number;
  stopped: number;
  images: number;
  name: string;
  /** Since Engine 23 the daemon ID is a UUID, kept in /var/lib/docker/engine-id. */
  id: string;
  pools: { base: string; size: number }[];
  systemTime: string;
  /** The Swarm section's lines and its `--format` value (info-swarm.ts). */
  swarm: { lines: string[]; document: Record<string, unknown> };
}

/** The daemon's facts for `docker info` on this host. */
export function infoFacts(ctx: CommandContext): InfoFacts {
  const docker: DockerState = daemonOf(ctx);
  const all = Object.values(docker.containers);
  const running = all.filter((c) => c.status === 'running').length;
  const paused = all.filter((c) => c.status === 'paused').length;
  const hex = stableHex(`engine-id:${machineOf(ctx)}`, 32);
  const now = labCtx(ctx).clock.now();
  return {
    containers: all.length,
    running,
    paused,
    stopped: all.length - running - paused,
    images: new Set(Object.values(docker.images)).size,
    name: machineOf(ctx),
    id: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`,
    pools: docker.config.defaultAddressPools ?? [],
    systemTime: goRfc3339Nano(now, parseInt(stableHex(`time:${now}`, 5), 16) % 1000000),
    swarm: swarmSection(labCtx(ctx), machineOf(ctx)),
  };
}

export const STORAGE_STATUS: [string, string][] = [
  ['Backing Filesystem', 'extfs'],
  ['Supports d_type', 'true'],
  ['Using metacopy', 'false'],
  ['Native Overlay Diff', 'true'],
  ['userxattr', 'false'],
];
export const PLUGINS = {
  Volume: ['local'],
  Network: ['bridge', 'host', 'ipvlan', 'macvlan', 'null', 'overlay'],
  Log: ['awslogs', 'fluentd', 'gcplogs', 'gelf', 'journald', 'json-file', 'local', 'splunk', 'syslog'],
};
/** registry.ServiceConfig's loopback CIDRs, in the order 28.x lists them. */
export const INSECURE_CIDRS = ['::1/128', '127.0.0.0/8'];
export const SECURITY_OPTIONS = ['name=apparmor', 'name=seccomp,profile=builtin', 'name=cgroupns'];
export const CDI_SPEC_DIRS = ['/etc/cdi', '/var/run/cdi'];

function runtimes(): Map<string, unknown> {
  const runc = () => ({ Path: jsonTag('runc', 'path') });
  return new Map<string, unknown>([['io.containerd.runc.v2', runc()], ['runc', runc()]]);
}

function registryConfig(): Record<string, unknown> {
  const docker = { Name: 'docker.io', Mirrors: [], Secure: true, Official: true };
  return {
    InsecureRegistryCIDRs: INSECURE_CIDRS.map((c) => goStringer(c, c, '*registry.NetIPNet')),
    IndexConfigs: new Map([['docker.io', docker]]),
    Mirrors: NIL_SLICE,
  };
}

/** system.Info, 28.x field order. */
function serverInfo(f: InfoFacts): Record<string, unknown> {
  return {
    ID: f.id, Containers: f.containers, ContainersRunning: f.running, ContainersPaused: f.paused, ContainersStopped: f.stopped,
    Images: f.images, Driver: 'overlay2', DriverStatus: STORAGE_STATUS.map((p) => [...p]),
    Plugins: { Volume: PLUGINS.Volume, Network: PLUGINS.Network, Authorization: NIL_SLICE, Log: PLUGINS.Log },
    MemoryLimit: true, SwapLimit: true, CPUCfsPeriod: jsonTag(true, 'CpuCfsPeriod'), CPUCfsQuota: jsonTag(true, 'CpuCfsQuota'),
    CPUShares: true, CPUSet: true, PidsLimit: true, IPv4Forwarding: true, Debug: false, NFd: 29, OomKillDisable: false,
    NGoroutines: 44, SystemTime: f.systemTime, LoggingDriver: 'json-file', CgroupDriver: 'systemd', CgroupVersion: '2',
    NEventsListener: 0, KernelVersion: HOST_SYSTEM.kernel, OperatingSystem: HOST_SYSTEM.os, OSVersion: HOST_SYSTEM.osVersion,
    OSType: 'linux', Architecture: HOST_SYSTEM.architecture, IndexServerAddress: 'https://index.docker.io/v1/',
    RegistryConfig: registryConfig(), NCPU: HOST_SYSTEM.cpus, MemTotal: HOST_SYSTEM.memTotal, GenericResources: NIL_SLICE,
    DockerRootDir: '/var/lib/docker', HTTPProxy: jsonTag('', 'HttpProxy'), HTTPSProxy: jsonTag('', 'HttpsProxy'), NoProxy: '',
    Name: f.name, Labels: [], ExperimentalBuild: false, ServerVersion: ENGINE.version, Runtimes: runtimes(), DefaultRuntime: 'runc',
    Swarm: f.swarm.document,
    LiveRestoreEnabled: false, Isolation: '', InitBinary: 'docker-init',
    ContainerdCommit: { ID: CONTAINERD.commit }, RuncCommit: { ID: RUNC.commit }, InitCommit: { ID: DOCKER_INIT.commit },
    SecurityOptions: SECURITY_OPTIONS,
    DefaultAddressPools: omitEmpty(f.pools.map((p) => ({ Base: p.base, Size: p.size }))),
    FirewallBackend: omitEmpty({ Driver: 'iptables' }),
    CDISpecDirs: CDI_SPEC_DIRS,
    Containerd: omitEmpty({ Address: '/run/containerd/containerd.sock', Namespaces: { Containers: 'moby', Plugins: 'plugins.moby' } }),
    Warnings: NIL_SLICE,
  };
}

function clientInfo(): Record<string, unknown> {
  return {
    Debug: false,
    clientVersion: goEmbed({
      Platform: { Name: ENGINE.platform }, Version: ENGINE.version, APIVersion: jsonTag(ENGINE.apiVersion, 'ApiVersion'),
      DefaultAPIVersion: ENGINE.apiVersion, GitCommit: ENGINE.clientCommit, GoVersion: ENGINE.goVersion, Os: ENGINE.os,
      Arch: ENGINE.arch, BuildTime: ENGINE.clientBuilt, Context: 'default',
    }),
    Plugins: CLI_PLUGINS.map((p) => ({
      SchemaVersion: '0.1.0', Vendor: 'Docker Inc.', Version: p.version, ShortDescription: p.description, Name: p.name, Path: p.path,
    })),
    Warnings: NIL_SLICE,
  };
}

/** The value `docker info --format` sees. */
export function infoDocument(f: InfoFacts): Record<string, unknown> {
  return withGoType({
    Info: goEmbed(withGoType(serverInfo(f), 'system.Info')),
    ServerErrors: omitEmpty(NIL_SLICE),
    UserName: jsonTag('', '-'),
    ClientInfo: withGoType(clientInfo(), 'system.clientInfo'),
    ClientErrors: omitEmpty(NIL_SLICE),
  }, 'system.dockerInfo');
}
