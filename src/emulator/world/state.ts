/**
 * The whole lab as one JSON-serialisable value: the network model, every
 * machine (Docker hosts, the LAN laptop, the gateway, the internet), the
 * containers' filesystems, the terminal session, the clock and the random
 * source. A snapshot is this value; nothing else holds state.
 */
import type { RngState } from '../core/rng';
import type { FsState } from '../kernel/fs';
import type { NetState } from '../net/state';
import type { DockerState } from '../docker/state';
import type { SessionState } from '../session/state';
import type { SwarmLabState } from '../docker/swarm/state';

export type MachineKind = 'docker-host' | 'laptop' | 'router' | 'internet';

export interface MachineState {
  name: string;
  kind: MachineKind;
  rootNs: string;
  fs: FsState;
  lanIp?: string;
  docker?: DockerState;
}

export interface LabState {
  version: number;
  seed: number;
  rng: RngState;
  clock: number;
  net: NetState;
  machines: Record<string, MachineState>;
  /** Container filesystems by fsId. */
  containerFs: Record<string, FsState>;
  session: SessionState;
  /** Swarm clusters (docker/swarm): absent until the first `docker swarm init`. */
  swarm?: SwarmLabState;
}

export const LAB_STATE_VERSION = 1;
