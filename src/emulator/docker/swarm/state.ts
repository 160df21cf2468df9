/**
 * Swarm state, in swarmkit's nouns, as plain JSON in the lab state.
 *
 * The cluster store (what the managers replicate with Raft) lives once in
 * `LabState.swarm.clusters`: the nodes, the swarm-scoped networks with their
 * IPAM (the managers allocate every overlay address, serially), and the
 * network attachments — which endpoint of which network sits on which node
 * with which IP and MAC. The attachments table is also what the nodes gossip
 * to each other over 7946 (libnetwork's NetworkDB): each node copies from it
 * only the peers it can reach, into its overlay sandboxes (static ARP and
 * VXLAN FDB entries, DNS records).
 *
 * Each Docker host keeps its own side in `DockerState.swarm`: its membership
 * (node ID, role, the manager it joined) and its overlay sandboxes.
 */

import type { ServiceStore } from './services/types';

export type NodeRole = 'manager' | 'worker';
export type NodeAvailability = 'active' | 'pause' | 'drain';

export interface SwarmNode {
  /** 25 characters of [0-9a-z] (swarmkit identity.NewID). */
  id: string;
  /** The machine (Description.Hostname). */
  hostname: string;
  /** Status.Addr: the address the node advertises (data path too). */
  addr: string;
  role: NodeRole;
  availability: NodeAvailability;
  leader: boolean;
  /** The node left the swarm (`docker swarm leave`): it stays listed as Down until `docker node rm`. */
  left: boolean;
  labels: Record<string, string>;
  createdAt: number;
  createdNanos: number;
  updatedAt: number;
  updatedNanos: number;
  /** Version.Index of the node object (raft index of its last update). */
  version: number;
}

/** A swarm-scoped network in the cluster store (the template every node instantiates). */
export interface ClusterNetwork {
  id: string;
  name: string;
  vni: number;
  subnet: string;
  gateway: string;
  ipRange?: string;
  auxAddresses?: Record<string, string>;
  userSubnet: boolean;
  internal: boolean;
  attachable: boolean;
  ingress: boolean;
  /** Driver options as given (`encrypted`, …); vxlanid_list is added when instantiated. */
  options: Record<string, string>;
  labels: Record<string, string>;
  ipamOptions: Record<string, string> | null;
  created: number;
  createdNanos: number;
  /** Addresses handed out: ip → attachment ID ('gateway'/'aux' for reserved ones). */
  allocated: Record<string, string>;
  /** The swarm allocator is serial: it goes on after the last address it gave (REFERENCE 3.3). */
  lastAllocated?: string;
}

export type AttachmentKind = 'container' | 'lb' | 'ingress-sbox';

/** One endpoint of a swarm network on one node: a row of the network DB. */
export interface Attachment {
  /** For containers, the network-attachment task's ID (25 chars); else a generated one. */
  id: string;
  kind: AttachmentKind;
  networkId: string;
  nodeId: string;
  /** The machine the endpoint lives on. */
  hostname: string;
  ip: string;
  mac: string;
  /** Container name (DNS), `<net>-endpoint` for a load balancer, `ingress-endpoint`. */
  name: string;
  aliases: string[];
  containerId?: string;
  endpointId: string;
}

export interface ClusterState {
  id: string;
  createdAt: number;
  createdNanos: number;
  /** Base-36 digest of the root CA certificate, 50 characters (the middle of a join token). */
  caDigest: string;
  workerSecret: string;
  managerSecret: string;
  /** UDP port of the VXLAN data path (`--data-path-port`, default 4789). */
  dataPathPort: number;
  /** Global default address pools (`--default-addr-pool`, default 10.0.0.0/8) and their subnet size. */
  addrPools: string[];
  subnetSize: number;
  nodes: Record<string, SwarmNode>;
  networks: Record<string, ClusterNetwork>;
  attachments: Record<string, Attachment>;
  /** Services and their tasks (docker/swarm/services), created with the first service. */
  services?: ServiceStore;
  /** Raft index, bumped by every store update (objects' Version.Index). */
  raftIndex: number;
}

export interface SwarmLabState {
  clusters: Record<string, ClusterState>;
}

/** An overlay network's plumbing on one host. */
export interface OverlaySandbox {
  networkId: string;
  /** The overlay namespace (Docker's /var/run/docker/netns/1-<id[:10]>) with br0 and vxlan0. */
  nsId: string;
  /** Docker's name for it under /var/run/docker/netns. */
  dockerNsName: string;
  /** The load-balancer sandbox (lb_<id[:9]>), a real namespace with one leg on the overlay. */
  lbNsId?: string;
  lbAttachmentId?: string;
  /** vethN names used in the overlay namespace, by attachment ID. */
  legs: Record<string, string>;
  /** Network-DB rows this node has learnt by gossip and programmed (attachment IDs). */
  known: string[];
}

export interface NodeSwarmState {
  clusterId: string;
  nodeId: string;
  /** `pending` while a join that timed out keeps trying in the background. */
  localState: 'active' | 'pending';
  /** The address this node advertises (and sends VXLAN from). */
  addr: string;
  /** The manager address given to `swarm join` (RemoteManagers for workers). */
  joinAddr?: string;
  /** The token of a pending join. */
  pendingToken?: string;
  /** Why the last join attempt failed (docker info's Error). */
  error: string;
  /** NetworkDB node name (12 hex), as `network inspect` Peers show it. */
  gossipName: string;
  sandboxes: Record<string, OverlaySandbox>;
  /** The ingress sandbox (ingress_sbox) namespace while the node is in a swarm. */
  ingressSboxNsId?: string;
}
