/**
 * `docker create`: validates the request as the daemon does and records the
 * container. Nothing runs yet; networks are joined at start.
 */
import type { LabCtx } from '../world/ctx';
import type { ContainerState, PortBindingState } from './state';
import { daemonError, type DaemonError } from './errors';
import { findContainer, findNetwork } from './lookup';
import { randomId, randomName } from './ids';
import { findImage, type ImageSpec } from './images';
import { linkRecord, parseLinkSpec } from './links';
import { emptyFs } from '../kernel/fs';
import { imageFiles } from './image-files';
import { ensureSwarmNetworkRecord } from './swarm/networks';
import { containerEvent } from './events';
import { containerCreated } from './netns-dir';
import { joinerCreated } from './joiner-index';
import { entriesWhere, peek } from '../core/raw-view';

export interface ContainerCreateOptions {
  image: string;
  name?: string;
  /** Replaces the image's CMD when non-empty. */
  cmd: string[];
  entrypoint?: string[];
  env: string[];
  hostname?: string;
  domainname?: string;
  networkMode: string;
  aliases: string[];
  ipv4?: string;
  dns: string[];
  dnsSearch: string[];
  dnsOptions: string[];
  extraHosts: string[];
  links: string[];
  exposed: string[];
  portBindings: Record<string, PortBindingState[]>;
  publishAll: boolean;
  tty: boolean;
  openStdin: boolean;
  autoRemove: boolean;
}

export interface CreateResult {
  container: ContainerState;
  warnings: string[];
}

export function createContainer(ctx: LabCtx, machine: string, o: ContainerCreateOptions): CreateResult | DaemonError {
  const docker = ctx.docker(machine);
  const image = findImage(o.image);
  if (!image) return daemonError(`No such image: ${o.image}`);
  if (o.name !== undefined) {
    if (!/^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(o.name)) {
      return daemonError(`Invalid container name (${o.name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
    }
    const wanted = o.name.replace(/^\//, '');
    const clash = entriesWhere(docker.containers, (c) => c.name === wanted)[0];
    if (clash) {
      return daemonError(`Conflict. The container name "/${clash.name}" is already in use by container "${clash.id}". You have to remove (or rename) that container to be able to reuse that name.`);
    }
  }
  const mode = resolveNetworkMode(ctx, machine, o);
  if (typeof mode !== 'string') return mode;
  const warnings: string[] = [];
  const conflict = modeConflicts(mode, o, warnings);
  if (conflict) return conflict;
  const name = o.name?.replace(/^\//, '') ?? randomName(ctx.rng, (n) => Object.values(peek(docker.containers)).some((c) => c.name === n));
  const links = resolveLinks(ctx, machine, o.links, name, mode);
  if (!Array.isArray(links)) return links;
  const container = newContainer(ctx, machine, o, image, name, mode, links);
  docker.containers[container.id] = container;
  containerCreated(docker, container.id); // it may bind /var/run/docker/netns (docker/netns-dir.ts)
  joinerCreated(docker, container);
  containerEvent(ctx, machine, container, 'create');
  return { container, warnings };
}

function resolveNetworkMode(ctx: LabCtx, machine: string, o: ContainerCreateOptions): string | DaemonError {
  const docker = ctx.docker(machine);
  const mode = o.networkMode || 'bridge';
  if (mode.startsWith('container:')) {
    const other = findContainer(docker, mode.slice('container:'.length));
    if ('daemonError' in other) return other;
    return `container:${other.id}`;
  }
  if (mode === 'host' || mode === 'none' || mode === 'bridge' || mode === 'default') return mode === 'default' ? 'bridge' : mode;
  // A swarm network this worker has not instantiated yet is found through the cluster (docker/swarm).
  ensureSwarmNetworkRecord(ctx, machine, mode);
  const net = findNetwork(docker, mode);
  if ('daemonError' in net) return net;
  return net.name;
}

function modeConflicts(mode: string, o: ContainerCreateOptions, warnings: string[]): DaemonError | undefined {
  const published = Object.keys(o.portBindings).length > 0 || o.publishAll;
  if (mode.startsWith('container:')) {
    if (published) return daemonError('conflicting options: port publishing and the container type network mode');
    if (o.dns.length) return daemonError('conflicting options: dns and the network mode');
    if (o.hostname) return daemonError('conflicting options: hostname and the network mode');
  }
  if (mode === 'host') {
    if (o.links.length) return daemonError("conflicting options: host type networking can't be used with links. This would result in undefined behavior");
    if (published) warnings.push('Published ports are discarded when using host network mode');
  }
  if (mode === 'bridge' || mode === 'host' || mode === 'none' || mode.startsWith('container:')) {
    if (o.ipv4) return daemonError('user-specified IP address is supported on user-defined networks only');
    if (o.aliases.length) return daemonError('network-scoped aliases are only supported for user-defined networks');
  }
  return undefined;
}

function resolveLinks(ctx: LabCtx, machine: string, specs: string[], parent: string, mode: string): string[] | DaemonError {
  const docker = ctx.docker(machine);
  const out: string[] = [];
  for (const spec of specs) {
    const { name, alias } = parseLinkSpec(spec);
    const child = findContainer(docker, name);
    if ('daemonError' in child) return daemonError(`could not get container for ${name}: ${child.daemonError}`);
    if (child.status !== 'running') return daemonError(`Cannot link to a non running container: /${child.name} AS /${parent}/${alias}`);
    if (mode === 'bridge' && !child.networks['bridge']) return daemonError(`Cannot link to /${child.name}, as it does not belong to the default network`);
    out.push(linkRecord(child.name, parent, alias));
  }
  return out;
}

function newContainer(ctx: LabCtx, machine: string, o: ContainerCreateOptions, image: ImageSpec, name: string, mode: string, links: string[]): ContainerState {
  const id = randomId(ctx.rng);
  const fsId = `fs-${id.slice(0, 12)}`;
  ctx.state.containerFs[fsId] = { ...emptyFs(), files: imageFiles(image) };
  const hostname = mode === 'host' ? ctx.state.machines[machine].name : (joinedHostname(ctx, machine, mode) ?? o.hostname ?? id.slice(0, 12));
  const networks: ContainerState['networks'] = {};
  if (mode !== 'host' && mode !== 'none' && !mode.startsWith('container:')) {
    const net = findNetwork(ctx.docker(machine), mode);
    if (!('daemonError' in net)) networks[net.name] = { aliases: o.aliases, ipv4: o.ipv4, networkId: net.id };
  } else if (mode === 'host' || mode === 'none') {
    const net = findNetwork(ctx.docker(machine), mode);
    if (!('daemonError' in net)) networks[net.name] = { aliases: [], networkId: net.id };
  }
  ctx.clock.advance(25);
  const exposed = [...new Set([...image.exposed, ...o.exposed, ...Object.keys(o.portBindings)])];
  return {
    id, name, image: o.image, imageId: image.id, created: ctx.clock.now(), createdNanos: ctx.rng.int(0, 999999),
    cmd: o.cmd.length ? o.cmd : image.cmd, entrypoint: o.entrypoint ?? image.entrypoint,
    env: mergeEnv(image.env, o.env), hostname, domainname: o.domainname ?? '', exposed,
    tty: o.tty, openStdin: o.openStdin, status: 'created', exitCode: 0, startedAt: 0, finishedAt: 0, pid: 0, restartCount: 0,
    host: {
      networkMode: mode, portBindings: mode === 'host' ? {} : o.portBindings, publishAll: mode === 'host' ? false : o.publishAll, links,
      dns: o.dns, dnsSearch: o.dnsSearch, dnsOptions: o.dnsOptions, extraHosts: o.extraHosts, autoRemove: o.autoRemove,
    },
    networks, ports: {}, fsId, logs: [],
  };
}

/** `--network container:x` takes x's hostname (moby initializeNetworking: `container.Config.Hostname = nc.Config.Hostname`). */
function joinedHostname(ctx: LabCtx, machine: string, mode: string): string | undefined {
  if (!mode.startsWith('container:')) return undefined;
  return ctx.docker(machine).containers[mode.slice('container:'.length)]?.hostname;
}

/** The user's -e overrides the image's value for the same name, keeping the image's order. */
function mergeEnv(imageEnv: string[], userEnv: string[]): string[] {
  const out = [...imageEnv];
  for (const kv of userEnv) {
    const key = kv.split('=')[0];
    const i = out.findIndex((e) => e.split('=')[0] === key);
    if (i >= 0) out[i] = kv;
    else out.push(kv);
  }
  return out;
}
