/**
 * Docker's state on one host, in libnetwork's nouns: the controller's
 * networks, each network's endpoints, one sandbox per container (its network
 * namespace), and the containers themselves. Plain JSON, referenced by ID.
 */
import type { NodeSwarmState } from './swarm/state';

export interface IpamConfig {
  subnet: string;
  gateway?: string;
  ipRange?: string;
  auxAddresses?: Record<string, string>;
}

export interface NetworkState {
  id: string;
  name: string;
  driver: 'bridge' | 'host' | 'null' | 'overlay' | 'macvlan' | 'ipvlan';
  scope: 'local' | 'swarm';
  created: number;
  createdNanos: number;
  internal: boolean;
  attachable: boolean;
  ingress: boolean;
  ipam: { driver: string; options: Record<string, string> | null; config: IpamConfig[] | null };
  /** True when the user gave --subnet (Docker keeps it; pools given by IPAM are released on rm). */
  userSubnet: boolean;
  options: Record<string, string>;
  labels: Record<string, string>;
  /** Bridge driver: the Linux bridge device name (docker0, br-<12 hex>). */
  bridgeName?: string;
  /**
   * macvlan/ipvlan: the driver created the `-o parent` link itself (an 802.1Q
   * sub-interface such as eth0.10, or the dm-/di- dummy when no parent was
   * given), so removing the network's last user deletes it (CreatedSlaveLink).
   */
  createdParentLink?: boolean;
  /** Addresses handed out in this network: ip → endpoint ID ('gateway'/'aux' for reserved ones). */
  allocated: Record<string, string>;
  /** Pre-defined networks (bridge, host, none) cannot be removed. */
  predefined: boolean;
}

export interface EndpointState {
  id: string;
  networkId: string;
  containerId: string;
  /** Container name without the slash; the endpoint's name in libnetwork. */
  name: string;
  ip: string;
  prefix: number;
  mac: string;
  gateway: string;
  aliases: string[];
  /** --ip given by the user (IPAMConfig). */
  requestedIp?: string;
  /** Host-side veth name (vethXXXXXXX) for bridge endpoints. */
  hostVeth?: string;
  /** Link name inside the sandbox (eth0, eth1, ...). */
  ifname: string;
  /**
   * libnetwork's anonymous endpoints, which belong to no network of the
   * container's settings and are not in the embedded DNS: a container's leg
   * on docker_gwbridge (`gateway_<sandbox id[:12]>`) and the ingress
   * sandbox's (`gateway_ingress-sbox`). Set by docker/swarm.
   */
  anonymous?: 'gateway' | 'ingress-sbox';
}

export interface PortBindingState {
  hostIp: string;
  hostPort: string;
}

export type ContainerStatus = 'created' | 'running' | 'exited' | 'paused';

export interface ContainerState {
  id: string;
  name: string; // without leading slash
  image: string; // as given (e.g. nginx, nginx:latest)
  imageId: string;
  created: number;
  createdNanos: number;
  cmd: string[];
  entrypoint: string[];
  env: string[]; // KEY=value, as Config.Env
  hostname: string;
  domainname: string;
  exposed: string[]; // "80/tcp"
  tty: boolean;
  openStdin: boolean;
  status: ContainerStatus;
  exitCode: number;
  startedAt: number;
  finishedAt: number;
  pid: number;
  restartCount: number;
  host: {
    networkMode: string; // bridge | host | none | container:<id> | <network name>
    portBindings: Record<string, PortBindingState[]>;
    publishAll: boolean;
    links: string[]; // "/db:/web/db"
    dns: string[];
    dnsSearch: string[];
    dnsOptions: string[];
    extraHosts: string[];
    autoRemove: boolean;
  };
  /** Networks requested at create time: name → { aliases, ip }. Endpoints exist only while running. */
  networks: Record<string, { aliases: string[]; ipv4?: string; networkId: string; endpointId?: string; ip?: string; mac?: string; prefix?: number; gateway?: string }>;
  /** Ports actually bound while running (host ports chosen). */
  ports: Record<string, PortBindingState[]>;
  /** The sandbox (network namespace) ID while running. */
  sandboxId?: string;
  netnsId?: string;
  /**
   * The sandbox's next `eth` index (libnetwork osl Namespace.nextIfIndex["eth"]):
   * it only grows while the sandbox lives, so a disconnect never frees a name.
   * Absent means 0; gone with the sandbox.
   */
  nextIfIndex?: number;
  /** Container filesystem: only files that differ from the image matter to us. */
  fsId: string;
  /** Lines the main process wrote, with virtual timestamps (docker logs). */
  logs: { t: number; stream: 'stdout' | 'stderr'; line: string }[];
  /** The error of the last failed start (inspect State.Error). */
  error?: string;
  /** Settings the CLI passed that only `docker inspect` and exec/run show (set by docker run/create). */
  cli?: ContainerCliSettings;
}

/** Config/HostConfig fields the engine itself does not use. */
export interface ContainerCliSettings {
  attachStdin: boolean;
  attachStdout: boolean;
  attachStderr: boolean;
  stdinOnce: boolean;
  /** -w; '' means the image's. */
  workingDir: string;
  user: string;
  labels: Record<string, string>;
  restartPolicy: string;
  capAdd: string[];
  privileged: boolean;
  /** --entrypoint was given (Docker then ignores the image's CMD). */
  entrypointSet: boolean;
  /**
   * -v/--volume as typed (HostConfig.Binds). Volumes are not modelled; the
   * one bind the lab honours is Docker's netns directory (docker/netns-dir.ts).
   */
  binds?: string[];
  /** --stop-signal as typed (Config.StopSignal); absent: the image's STOPSIGNAL, else SIGTERM. */
  stopSignal?: string;
  /** --stop-timeout in seconds (Config.StopTimeout); absent: 10. */
  stopTimeout?: number;
  /** --init: docker-init (tini) is PID 1 and forwards signals to the command (docker/pid1-signals.ts). */
  init?: boolean;
}

export interface DaemonConfig {
  dns: string[];
  /** daemon.json "dns-search" and "dns-opts": defaults for containers started without their own. */
  dnsSearch?: string[];
  dnsOptions?: string[];
  bip?: string;
  defaultAddressPools?: { base: string; size: number }[];
  userlandProxy: boolean;
  icc: boolean;
}

export interface DockerState {
  running: boolean;
  networks: Record<string, NetworkState>;
  endpoints: Record<string, EndpointState>;
  containers: Record<string, ContainerState>;
  /** Images pulled on this host: reference → image ID. */
  images: Record<string, string>;
  config: DaemonConfig;
  /** Host ports allocated per "ip/proto": port → container ID. */
  portsInUse: Record<string, Record<number, string>>;
  /** The last host port handed out for -P (Docker continues from it). */
  lastEphemeralPort: number;
  nextPid: number;
  /** Daemon log lines for journalctl. */
  journal: { t: number; line: string }[];
  /** `docker events`' buffer (docker/events.ts); absent in labs saved before it existed. */
  events?: import('./events').EngineEvent[];
  /** This host's swarm membership and overlay sandboxes (docker/swarm); absent when not in a swarm. */
  swarm?: NodeSwarmState;
}
