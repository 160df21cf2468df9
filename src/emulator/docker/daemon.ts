/**
 * The Docker daemon of one host: its start (default networks bridge, host and
 * none; docker0 with 172.17.0.1/16 or the `bip` of daemon.json; Docker's
 * iptables chains), and its restart after /etc/docker/daemon.json changed.
 */
import type { LabCtx } from '../world/ctx';
import type { DaemonConfig, DockerState, NetworkState } from './state';
import { randomId } from './ids';
import { createBridgeNetwork, deleteBridgeNetwork } from './drivers/bridge';
import { fwInitDaemon } from './fw';
import { firstHost, type PoolSpec } from './ipam';
import { parseCidr, formatCidr, formatIp } from '../net/ipv4';
import { VirtualFs } from '../kernel/fs';
import { exitContainer } from './container-lifecycle';
import { parseDaemonJson } from './daemon-json';
import { swarmDaemonStarted, swarmDaemonStopping, swarmNodeChanged } from './swarm/daemon-hooks';
import { withAgentStopped } from './swarm/services/task-exit';
import { logDaemonFailedStart, logDaemonStart, logDaemonStopped, logDaemonStopping } from './daemon-log';
import { ENGINE } from '../commands/docker/system/versions';

export function defaultDaemonConfig(): DaemonConfig {
  return { dns: [], userlandProxy: true, icc: true };
}

export function emptyDocker(): DockerState {
  return {
    running: true,
    networks: {},
    endpoints: {},
    containers: {},
    images: {},
    config: defaultDaemonConfig(),
    portsInUse: {},
    lastEphemeralPort: 32767,
    nextPid: 1201,
    journal: [],
  };
}

function predefined(ctx: LabCtx, name: string, driver: NetworkState['driver'], config: NetworkState['ipam']['config'], options: Record<string, string>): NetworkState {
  return {
    id: randomId(ctx.rng), name, driver, scope: 'local', created: ctx.clock.now(), createdNanos: ctx.rng.int(0, 999999),
    internal: false, attachable: false, ingress: false,
    ipam: { driver: 'default', options: null, config }, userSubnet: false, options, labels: {}, allocated: {}, predefined: true,
  };
}

/** docker0's subnet: `bip` is the bridge's own address with its prefix (e.g. 10.10.0.1/24). */
function defaultBridgeSubnet(config: DaemonConfig): { subnet: string; gateway: string } {
  if (config.bip) {
    const c = parseCidr(config.bip)!;
    return { subnet: formatCidr(c), gateway: config.bip.split('/')[0] };
  }
  const pool: PoolSpec | undefined = config.defaultAddressPools?.[0];
  if (pool) {
    const c = parseCidr(pool.base)!;
    const subnet = `${formatIp(c.base)}/${pool.size}`;
    return { subnet, gateway: firstHost(subnet) };
  }
  return { subnet: '172.17.0.0/16', gateway: '172.17.0.1' };
}

export function startDaemon(ctx: LabCtx, machine: string): void {
  const docker = ctx.docker(machine);
  fwInitDaemon(ctx, machine);
  const hasDefaults = Object.values(docker.networks).some((n) => n.predefined);
  if (!hasDefaults) {
    const { subnet, gateway } = defaultBridgeSubnet(docker.config);
    const bridge = predefined(ctx, 'bridge', 'bridge', [{ subnet, gateway }], {
      'com.docker.network.bridge.default_bridge': 'true',
      'com.docker.network.bridge.enable_icc': String(docker.config.icc),
      'com.docker.network.bridge.enable_ip_masquerade': 'true',
      'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0',
      'com.docker.network.bridge.name': 'docker0',
      'com.docker.network.driver.mtu': '1500',
    });
    bridge.bridgeName = 'docker0';
    bridge.allocated[gateway] = 'gateway';
    for (const n of [bridge, predefined(ctx, 'host', 'host', null, {}), predefined(ctx, 'none', 'null', null, {})]) docker.networks[n.id] = n;
  }
  for (const net of Object.values(docker.networks)) if (net.driver === 'bridge') createBridgeNetwork(ctx, machine, net);
  swarmDaemonStarted(ctx, machine); // a swarm member's sockets and ingress sandbox come back (docker/swarm)
  docker.running = true;
  // dockerd keeps its event buffer in memory: a restarted daemon replays nothing from before.
  docker.events = [];
  swarmNodeChanged(ctx, machine); // the node is Ready again: services converge (docker/swarm)
  logDaemonStart(ctx, machine, { version: ENGINE.version, commit: ENGINE.serverCommit });
}

export function stopDaemon(ctx: LabCtx, machine: string): void {
  const docker = ctx.docker(machine);
  logDaemonStopping(ctx, machine);
  // The swarm agent stops first: the task containers ending now are not failed tasks (docker/swarm).
  withAgentStopped(ctx, machine, () => {
    for (const c of Object.values(docker.containers)) if (c.status === 'running') exitContainer(ctx, machine, c, 0);
  });
  swarmDaemonStopping(ctx, machine); // before docker_gwbridge goes: the ingress sandbox has a leg on it
  for (const net of Object.values(docker.networks)) if (net.driver === 'bridge') deleteBridgeNetwork(ctx, machine, net);
  docker.running = false;
  swarmNodeChanged(ctx, machine); // the node is Down: its tasks are replaced elsewhere (docker/swarm)
  logDaemonStopped(ctx, machine);
}

/**
 * `systemctl restart docker`: stop, re-read daemon.json, start. A bad file
 * leaves the daemon stopped and returns the error dockerd logs.
 */
export function restartDaemon(ctx: LabCtx, machine: string): string | undefined {
  const docker = ctx.docker(machine);
  if (docker.running) stopDaemon(ctx, machine);
  ctx.clock.advance(1800);
  const fs = new VirtualFs(ctx.state.machines[machine].fs);
  const text = fs.read('/etc/docker/daemon.json');
  const parsed = typeof text === 'string' && text !== 'ENOENT' && text !== 'EISDIR' && text !== 'ENOTDIR' ? parseDaemonJson(text) : { config: {} };
  if ('error' in parsed) {
    logDaemonFailedStart(ctx, machine, parsed.error);
    return parsed.error;
  }
  const before = JSON.stringify([docker.config.bip, docker.config.defaultAddressPools]);
  docker.config = { ...defaultDaemonConfig(), ...parsed.config };
  if (JSON.stringify([docker.config.bip, docker.config.defaultAddressPools]) !== before) resetDefaultBridge(docker);
  startDaemon(ctx, machine);
  return undefined;
}

/** A new bip moves docker0: the default bridge network is re-created with the new subnet. */
function resetDefaultBridge(docker: DockerState): void {
  const bridge = Object.values(docker.networks).find((n) => n.predefined && n.name === 'bridge');
  if (!bridge) return;
  const { subnet, gateway } = defaultBridgeSubnet(docker.config);
  bridge.ipam.config = [{ subnet, gateway }];
  bridge.allocated = { [gateway]: 'gateway' };
}
