/**
 * Swarm identifiers and join tokens, from the lab's seeded rng.
 *
 * - IDs (nodes, networks, tasks, the cluster): 25 characters of [0-9a-z]
 *   (swarmkit identity.NewID: 17 random bytes in base 36, the first digit
 *   dropped — in effect 25 uniform base-36 digits).
 * - Join tokens (swarmkit ca.GenerateJoinToken):
 *   `SWMTKN-1-<CA digest in base 36, 50 digits>-<128-bit secret in base 36, 25 digits>`,
 *   zero-padded; worker and manager tokens share the digest.
 */
import type { Rng } from '../../core/rng';
import type { ClusterState } from './state';

export function swarmId(rng: Rng): string {
  return rng.base36(25);
}

/** A random number of `bits` bits, in base 36, zero-padded to `digits`. */
function base36Number(rng: Rng, bits: number, digits: number): string {
  return BigInt('0x' + rng.hex(bits / 4)).toString(36).padStart(digits, '0');
}

/** The SHA-256 digest of the root CA certificate, as tokens carry it. */
export function caDigest(rng: Rng): string {
  return base36Number(rng, 256, 50);
}

export function tokenSecret(rng: Rng): string {
  return base36Number(rng, 128, 25);
}

export function joinToken(cluster: ClusterState, role: 'worker' | 'manager'): string {
  return `SWMTKN-1-${cluster.caDigest}-${role === 'manager' ? cluster.managerSecret : cluster.workerSecret}`;
}

/** ca.ParseJoinToken: version 1, a 50-digit digest and a 25-digit secret (or the daemon says "invalid join token"). */
export function wellFormedToken(token: string): boolean {
  return /^SWMTKN-1-[0-9a-z]{50}-[0-9a-z]{25}$/.test(token);
}

/** The role a token grants in this cluster, or undefined for a token it did not issue. */
export function roleForToken(cluster: ClusterState, token: string): 'worker' | 'manager' | undefined {
  if (token === joinToken(cluster, 'manager')) return 'manager';
  if (token === joinToken(cluster, 'worker')) return 'worker';
  return undefined;
}
