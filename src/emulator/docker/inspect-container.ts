/**
 * The `docker inspect <container>` document (GET /containers/{id}/json) of
 * Docker Engine 28 on Linux with the overlay2 storage driver, built with the
 * docker/format data model: plain objects are Go structs (keys in the
 * struct's declaration order), `Map` is a Go map (printed sorted), `null` a
 * nil pointer or nil slice. Field order follows moby 28.x
 * api/types/container (InspectResponse, State, HostConfig, Config,
 * NetworkSettings with the 28.x order of REFERENCE 1.10, EndpointSettings
 * with GwPriority). A real 28.x document was the model for the defaults
 * (MaskedPaths, ShmSize 67108864, CgroupnsMode private…).
 */
import type { LabCtx } from '../world/ctx';
import type { ContainerState } from './state';
import { rfc3339Nano } from '../core/clock';
import { findImage } from './images';
import { stableHex } from './image-store';
import { fullArgv } from './main-argv';
import { buildNetworkSettings } from './inspect-network-settings';
import { NIL_SLICE, omitEmpty } from './format/govalues';
import { imageStopSignal } from './pid1-signals';

const ZERO_TIME = '0001-01-01T00:00:00Z';

const MASKED_PATHS = [
  '/proc/asound', '/proc/acpi', '/proc/interrupts', '/proc/kcore', '/proc/keys', '/proc/latency_stats',
  '/proc/timer_list', '/proc/timer_stats', '/proc/sched_debug', '/proc/scsi', '/sys/firmware', '/sys/devices/virtual/powercap',
];
const READONLY_PATHS = ['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger'];

/** The signals the official images set with STOPSIGNAL. */

/** A fixed sub-millisecond part per container and event, so timestamps carry nanoseconds like Go's. */
function nanos(c: ContainerState, what: string): number {
  return parseInt(stableHex(`${c.id}:${what}`, 5), 16) % 1000000;
}

function time(c: ContainerState, ms: number, what: string): string {
  return ms ? rfc3339Nano(ms, nanos(c, what)) : ZERO_TIME;
}

function stateDoc(c: ContainerState): Record<string, unknown> {
  return {
    Status: c.status,
    Running: c.status === 'running' || c.status === 'paused',
    Paused: c.status === 'paused',
    Restarting: false,
    OOMKilled: false,
    Dead: false,
    Pid: c.pid,
    ExitCode: c.exitCode,
    Error: c.error ?? '',
    StartedAt: time(c, c.startedAt, 'start'),
    FinishedAt: time(c, c.finishedAt, 'finish'),
  };
}

function list(values: string[]): string[] | null {
  return values.length ? [...values] : null;
}

function portBindings(c: ContainerState): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, bindings] of Object.entries(c.host.portBindings)) {
    out.set(key, bindings.map((b) => ({ HostIp: b.hostIp, HostPort: b.hostPort })));
  }
  return out;
}

function hostConfigDoc(c: ContainerState): Record<string, unknown> {
  const cli = c.cli;
  const attachedTty = c.tty && !!cli?.attachStdout;
  return {
    Binds: c.cli?.binds?.length ? [...c.cli.binds] : null, ContainerIDFile: '', LogConfig: { Type: 'json-file', Config: new Map() },
    NetworkMode: c.host.networkMode, PortBindings: portBindings(c),
    RestartPolicy: { Name: cli?.restartPolicy || 'no', MaximumRetryCount: 0 },
    AutoRemove: c.host.autoRemove, VolumeDriver: '', VolumesFrom: null,
    ConsoleSize: attachedTty ? [24, 80] : [0, 0],
    CapAdd: list(cli?.capAdd ?? []), CapDrop: null, CgroupnsMode: 'private',
    Dns: [...c.host.dns], DnsOptions: [...c.host.dnsOptions], DnsSearch: [...c.host.dnsSearch],
    ExtraHosts: list(c.host.extraHosts), GroupAdd: null, IpcMode: 'private', Cgroup: '',
    Links: c.host.links.length ? [...c.host.links] : NIL_SLICE,
    OomScoreAdj: 0, PidMode: '', Privileged: !!cli?.privileged, PublishAllPorts: c.host.publishAll,
    ReadonlyRootfs: false, SecurityOpt: null, UTSMode: '', UsernsMode: '', ShmSize: 67108864, Runtime: 'runc',
    Isolation: '', ...resourcesDoc(),
    MaskedPaths: cli?.privileged ? null : [...MASKED_PATHS],
    ReadonlyPaths: cli?.privileged ? null : [...READONLY_PATHS],
    Init: omitEmpty(cli?.init ? true : null), // *bool, as StopTimeout
  };
}

/** HostConfig's embedded Resources struct: nothing limited. */
function resourcesDoc(): Record<string, unknown> {
  return {
    CpuShares: 0, Memory: 0, NanoCpus: 0, CgroupParent: '', BlkioWeight: 0,
    BlkioWeightDevice: [], BlkioDeviceReadBps: [], BlkioDeviceWriteBps: [], BlkioDeviceReadIOps: [], BlkioDeviceWriteIOps: [],
    CpuPeriod: 0, CpuQuota: 0, CpuRealtimePeriod: 0, CpuRealtimeRuntime: 0, CpusetCpus: '', CpusetMems: '',
    Devices: [], DeviceCgroupRules: null, DeviceRequests: null, MemoryReservation: 0, MemorySwap: 0,
    MemorySwappiness: null, OomKillDisable: null, PidsLimit: null, Ulimits: [],
    CpuCount: 0, CpuPercent: 0, IOMaximumIOps: 0, IOMaximumBandwidth: 0,
  };
}

function graphDriverDoc(c: ContainerState): Record<string, unknown> {
  const dir = stableHex(`overlay:${c.id}`, 64);
  const image = findImage(c.image);
  const lower = stableHex(`layer-dir:${image?.repository ?? c.image}`, 64);
  const base = '/var/lib/docker/overlay2';
  return {
    Data: new Map([
      ['ID', c.id],
      ['LowerDir', `${base}/${dir}-init/diff:${base}/${lower}/diff`],
      ['MergedDir', `${base}/${dir}/merged`],
      ['UpperDir', `${base}/${dir}/diff`],
      ['WorkDir', `${base}/${dir}/work`],
    ]),
    Name: 'overlay2',
  };
}

function configDoc(c: ContainerState): Record<string, unknown> {
  const image = findImage(c.image);
  const cli = c.cli;
  return {
    Hostname: c.hostname, Domainname: c.domainname, User: cli?.user ?? '',
    AttachStdin: !!cli?.attachStdin, AttachStdout: !!cli?.attachStdout, AttachStderr: !!cli?.attachStderr,
    ExposedPorts: omitEmpty(new Map([...c.exposed].map((p) => [p, {}]))),
    Tty: c.tty, OpenStdin: c.openStdin, StdinOnce: !!cli?.stdinOnce,
    Env: [...c.env], Cmd: list(c.cmd), Image: c.image, Volumes: null,
    WorkingDir: cli?.workingDir || image?.workdir || '', Entrypoint: list(c.entrypoint), OnBuild: null,
    Labels: new Map(Object.entries(cli?.labels ?? {})),
    StopSignal: omitEmpty(cli?.stopSignal ?? imageStopSignal(c)),
    StopTimeout: omitEmpty(cli?.stopTimeout ?? null), // *int: <nil> in templates, left out of the JSON when unset
  };
}

/** The whole document for one container (one element of the CLI's JSON array). */
export function containerInspect(ctx: LabCtx, machine: string, c: ContainerState): Record<string, unknown> {
  const argv = fullArgv(c);
  const dir = `/var/lib/docker/containers/${c.id}`;
  return {
    Id: c.id,
    Created: rfc3339Nano(c.created, c.createdNanos),
    Path: argv[0] ?? '',
    Args: argv.slice(1),
    State: stateDoc(c),
    Image: `sha256:${c.imageId}`,
    ResolvConfPath: `${dir}/resolv.conf`,
    HostnamePath: `${dir}/hostname`,
    HostsPath: `${dir}/hosts`,
    LogPath: `${dir}/${c.id}-json.log`,
    Name: `/${c.name}`,
    RestartCount: c.restartCount,
    Driver: 'overlay2',
    Platform: 'linux',
    MountLabel: '',
    ProcessLabel: '',
    AppArmorProfile: 'docker-default',
    ExecIDs: null,
    HostConfig: hostConfigDoc(c),
    GraphDriver: graphDriverDoc(c),
    Mounts: [],
    Config: configDoc(c),
    NetworkSettings: buildNetworkSettings(ctx, machine, c),
  };
}
