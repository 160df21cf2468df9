/**
 * Services and tasks in the cluster store, in swarmkit's nouns (api/specs.proto,
 * objects.proto): a service is the desired state the managers replicate; a task
 * is one slot of it bound to one node, run there as a container named
 * `<service>.<slot>.<task id>` (global services: `<service>.<node id>.<task id>`).
 */
import type { PublishMode } from '../../ports/swarm-port';

export type ServiceMode = 'replicated' | 'global';
export type EndpointMode = 'vip' | 'dnsrr';

export interface ServicePort {
  protocol: string;
  targetPort: number;
  publishedPort: number;
  publishMode: PublishMode;
}

export interface ServiceSpec {
  name: string;
  image: string;
  mode: ServiceMode;
  /** Replicated mode only. */
  replicas: number;
  /** Swarm network IDs, in the order given. */
  networks: string[];
  /** `--network name=appnet,alias=api`: more names for the service on that network (network ID → aliases). */
  aliases?: Record<string, string[]>;
  ports: ServicePort[];
  endpointMode: EndpointMode;
  /** Placement constraints as typed: `node.hostname==node2`, `node.role!=manager`. */
  constraints: string[];
  /** Replaces the image's CMD when non-empty (`docker service create IMAGE CMD...`). */
  args: string[];
  env: string[];
  /** `--hostname`, placeholders and all (`{{.Node.Hostname}}-{{.Service.Name}}`, task-template.ts). */
  hostname?: string;
  /** UpdateConfig set by --update-parallelism / --update-delay (absent: 1 task at a time, no delay). */
  update?: UpdatePolicy;
}

/** How a rolling update proceeds: so many tasks at a time (0: all), a pause between batches. */
export interface UpdatePolicy {
  parallelism: number;
  delayMs: number;
}

/** Endpoint.VirtualIPs: one per network the service is on (ingress too when it publishes there). */
export interface ServiceVip {
  networkId: string;
  /** `10.0.1.2/24`, as the API shows it. */
  addr: string;
}

export interface SwarmService {
  id: string;
  spec: ServiceSpec;
  /** The spec before the last update (`PreviousSpec`). */
  previous?: ServiceSpec;
  /** The last rolling update (an update that replaced the tasks), as UpdateStatus reports it. */
  updateStatus?: { startedAt: number; startedNanos: number; completedAt: number; completedNanos: number; rollback?: boolean };
  vips: ServiceVip[];
  /** Bumped by every update that needs new tasks (image, ports, networks, env, --force): older tasks are replaced. */
  specIndex: number;
  /** libnetwork's firewall mark for this service's IPVS entries (a global counter from 256). */
  fwmark: number;
  createdAt: number;
  createdNanos: number;
  updatedAt: number;
  updatedNanos: number;
  version: number;
}

/** `complete` and `failed`: the container exited by itself (0, or another code) while it should have run. */
export type TaskState = 'running' | 'shutdown' | 'pending' | 'rejected' | 'complete' | 'failed';

export interface SwarmTask {
  id: string;
  serviceId: string;
  /** 1-based slot of a replicated service; 0 for global tasks (they are named by node). */
  slot: number;
  nodeId: string;
  hostname: string;
  containerId?: string;
  desired: 'running' | 'shutdown';
  state: TaskState;
  /** When the task reached its current state (CURRENT STATE "Running 5 seconds ago"). */
  stateAt: number;
  createdAt: number;
  /** Why a pending task has no node ("no suitable node (…)"), as `service ps` ERROR shows it. */
  error: string;
  /** The image the task runs (a later update may change the service's). */
  image: string;
  /** The service's specIndex the task was made from. */
  specIndex: number;
  version: number;
}

export interface ServiceStore {
  services: Record<string, SwarmService>;
  tasks: Record<string, SwarmTask>;
  /** libnetwork fwMarkCtr: the next firewall mark (starts at 256). */
  nextFwmark: number;
}
