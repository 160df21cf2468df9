/**
 * A node as the API returns it (moby api/types/swarm Node, field order of
 * the Go structs) and as `docker node inspect --pretty` prints it (docker/cli
 * cli/command/node/formatter.go nodeInspectPrettyTemplate, whose tabs are
 * printed raw — the pretty format does not go through the tabwriter).
 *
 * Hardware facts are the lab's own (NOT FOUND: nothing else in the lab
 * reports CPUs or memory yet): 2 CPUs and 3.82 GiB per host.
 */
import type { LabCtx } from '../../world/ctx';
import type { ClusterState, SwarmNode } from './state';
import { goRfc3339Nano, goTimeString } from '../inspect-network';
import { goStringer, omitEmpty, withGoType } from '../format/govalues';
import { stableHex } from '../image-store';
import { nodeReady, reachability } from './nodes';
import { MANAGER_PORT } from './membership';

export const ENGINE_VERSION = '28.2.2';
export const NODE_NANO_CPUS = 2_000_000_000;
export const NODE_MEMORY_BYTES = 4_102_053_888;

/** The daemon's plugins (docker info's Plugins section, REFERENCE 1.11), sorted by type then name. */
const PLUGINS: [string, string[]][] = [
  ['Log', ['awslogs', 'fluentd', 'gcplogs', 'gelf', 'journald', 'json-file', 'local', 'splunk', 'syslog']],
  ['Network', ['bridge', 'host', 'ipvlan', 'macvlan', 'null', 'overlay']],
  ['Volume', ['local']],
];

/** base64 of the DER subject `CN=swarm-ca` — every swarm root CA has it. */
const SWARM_CA_SUBJECT = 'MBMxETAPBgNVBAMTCHN3YXJtLWNh';

function pseudoBase64(seed: string, n: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const hex = stableHex(seed, n * 2);
  let out = '';
  for (let i = 0; i < n; i++) out += alphabet[parseInt(hex.slice(i * 2, i * 2 + 2), 16) % 64];
  return out;
}

/** The cluster's root CA certificate, PEM (a stand-in with the real shape: an ECDSA P-256 cert). */
export function trustRoot(cluster: ClusterState): string {
  const body = 'MIIBazCCARCgAwIBAgIU' + pseudoBase64(`ca:${cluster.id}`, 496);
  const lines = body.match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

export function issuerPublicKey(cluster: ClusterState): string {
  return 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE' + pseudoBase64(`key:${cluster.id}`, 86) + '==';
}

function time(ms: number, nanos: number): unknown {
  return goStringer(goTimeString(ms, nanos), goRfc3339Nano(ms, nanos), 'time.Time');
}

export function nodeDocument(ctx: LabCtx, cluster: ClusterState, node: SwarmNode): Record<string, unknown> {
  const manager = node.role === 'manager'
    ? withGoType({
      Leader: omitEmpty(node.leader),
      Reachability: omitEmpty(reachability(ctx, cluster, node)),
      Addr: omitEmpty(`${node.addr}:${MANAGER_PORT}`),
    }, 'swarm.ManagerStatus')
    : undefined;
  return withGoType({
    ID: node.id,
    Version: { Index: node.version },
    CreatedAt: time(node.createdAt, node.createdNanos),
    UpdatedAt: time(node.updatedAt, node.updatedNanos),
    Spec: { Labels: new Map(Object.entries(node.labels)), Role: node.role, Availability: node.availability },
    Description: {
      Hostname: node.hostname,
      Platform: { Architecture: 'x86_64', OS: 'linux' },
      Resources: { NanoCPUs: NODE_NANO_CPUS, MemoryBytes: NODE_MEMORY_BYTES },
      Engine: { EngineVersion: ENGINE_VERSION, Plugins: PLUGINS.flatMap(([Type, names]) => names.map((Name) => ({ Type, Name }))) },
      TLSInfo: { TrustRoot: trustRoot(cluster), CertIssuerSubject: SWARM_CA_SUBJECT, CertIssuerPublicKey: issuerPublicKey(cluster) },
    },
    Status: { State: nodeReady(ctx, cluster, node) ? 'ready' : 'down', Addr: node.addr },
    ...(manager ? { ManagerStatus: manager } : {}),
  }, 'swarm.Node');
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** `docker node inspect --pretty` for one node, with its final newline. */
export function nodePretty(ctx: LabCtx, cluster: ClusterState, node: SwarmNode): string {
  const out = [`ID:\t\t\t${node.id}`];
  if (Object.keys(node.labels).length) {
    out.push('Labels:', ...Object.keys(node.labels).sort().map((k) => ` - ${k}${node.labels[k] ? `=${node.labels[k]}` : ''}`));
  }
  out.push(`Hostname:              \t${node.hostname}`, `Joined at:             \t${goTimeString(node.createdAt, node.createdNanos)}`);
  out.push('Status:', ` State:\t\t\t${nodeReady(ctx, cluster, node) ? 'Ready' : 'Down'}`, ` Availability:         \t${cap(node.availability)}`, ` Address:\t\t${node.addr}`);
  if (node.role === 'manager') {
    out.push('Manager Status:', ` Address:\t\t${node.addr}:${MANAGER_PORT}`, ` Raft Status:\t\t${cap(reachability(ctx, cluster, node))}`, ` Leader:\t\t${node.leader ? 'Yes' : 'No'}`);
  }
  out.push('Platform:', ' Operating System:\tlinux', ' Architecture:\t\tx86_64');
  out.push('Resources:', ` CPUs:\t\t\t${NODE_NANO_CPUS / 1e9}`, ' Memory:\t\t3.82GiB');
  out.push('Plugins:', ...PLUGINS.map(([type, names]) => ` ${type}:\t\t${names.join(', ')}`));
  out.push(`Engine Version:\t\t${ENGINE_VERSION}`);
  out.push('TLS Info:', ' TrustRoot:', trustRoot(cluster), ` Issuer Subject:\t${SWARM_CA_SUBJECT}`, ` Issuer Public Key:\t${issuerPublicKey(cluster)}`);
  return out.join('\n') + '\n';
}
