/**
 * The multi-host lessons' exercises hold against plausible wrong fixes, not
 * only their own solutions: the swarm traffic lesson asks for *exactly* the
 * right ports (opening the policy, forgetting UDP 7946, 4789 or ESP, or the
 * encrypted option fails a check), and the publishing and service discovery
 * lessons tell their modes apart (routing mesh vs host, vip vs dnsrr).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLab } from '../src/emulator/index';
import { extractFrontmatter, loadYaml } from '../src/courseware/frontmatter';
import { formatProof, proveExercise } from '../src/courseware/prove';
import { validateLabSetup } from '../src/courseware/schema';
import type { Exercise, LabSetup } from '../src/courseware/types';
import { exercises as traffic } from '../content/lessons/swarm-traffic/exercises';
import { exercises as publishing } from '../content/lessons/publishing/exercises';
import { exercises as discovery } from '../content/lessons/service-discovery/exercises';
import { exercises as overlay } from '../content/lessons/overlay/exercises';

async function labOf(slug: string): Promise<LabSetup> {
  const mdx = readFileSync(new URL(`../content/lessons/${slug}/index.mdx`, import.meta.url), 'utf8');
  const data = (await loadYaml(extractFrontmatter(mdx)!)) as { labs: { main: unknown } };
  const v = validateLabSetup(data.labs.main, slug);
  if (!v.ok) throw new Error(v.message);
  return v.value;
}

async function holds(slug: string, exercise: Exercise, wrongFixes: string[][], earlier: Exercise[] = []): Promise<void> {
  const proof = await proveExercise({ makeLab: createLab, setup: await labOf(slug), earlier, exercise, wrongFixes });
  expect(proof.ok, formatProof(`${slug}: ${exercise.id}`, proof)).toBe(true);
}

const JOIN = 'docker swarm join --token $(docker swarm join-token -q worker) 192.168.1.11:2377';
const onAll = (rule: string) => [rule, `ssh node2 ${rule}`, `ssh node3 ${rule}`];
const containers = traffic.dataplane.solution.filter((l) => l.includes('docker '));

describe('swarm traffic: exactly the right ports', () => {
  it('joining: opening the whole policy, or 2377 on a worker, does not count', { timeout: 120_000 }, async () => {
    await holds('swarm-traffic', traffic.join, [
      ['iptables -P INPUT ACCEPT', `ssh node2 ${JOIN}`, `ssh node3 ${JOIN}`],
      ['ssh node2 iptables -A INPUT -p tcp --dport 2377 -j ACCEPT', 'ssh node3 iptables -A INPUT -p tcp --dport 2377 -j ACCEPT', `ssh node2 ${JOIN}`, `ssh node3 ${JOIN}`],
    ]);
  });
  it('the data plane: UDP 7946 and UDP 4789 are both needed, and the policy stays DROP', { timeout: 120_000 }, async () => {
    await holds('swarm-traffic', traffic.dataplane, [
      [...onAll('iptables -A INPUT -p tcp --dport 7946 -j ACCEPT'), ...onAll('iptables -A INPUT -p udp --dport 4789 -j ACCEPT'), ...containers],
      [...onAll('iptables -A INPUT -p tcp --dport 7946 -j ACCEPT'), ...onAll('iptables -A INPUT -p udp --dport 7946 -j ACCEPT'), ...containers],
      [...onAll('iptables -P INPUT ACCEPT'), ...containers],
    ], [traffic.join]);
  });
  it('encryption: a plain overlay, or ESP left closed, does not count', { timeout: 120_000 }, async () => {
    const run = ['ssh node3 docker run -d --name safe --network vault redis', 'ssh node2 docker run -dit --name teller --network vault alpine'];
    await holds('swarm-traffic', traffic.encrypted, [
      ['docker network create -d overlay --attachable vault', 'ssh node2 iptables -A INPUT -p esp -j ACCEPT', 'ssh node3 iptables -A INPUT -p esp -j ACCEPT', ...run],
      ['docker network create -d overlay --attachable --opt encrypted vault', ...run],
    ], [traffic.join, traffic.dataplane]);
  });
});

describe('publishing, discovery and encryption: the modes are told apart', () => {
  it('a port pinned to node2 must not go through the routing mesh', { timeout: 60_000 }, async () => {
    await holds('publishing', publishing.pinned, [
      ['docker service create -d --name license --constraint node.hostname==node2 -p 7000:80 traefik/whoami'],
    ]);
  });
  it('a shop published in host mode does not answer on node1; one with a task on node1 misses the point', { timeout: 60_000 }, async () => {
    await holds('publishing', publishing.mesh, [
      ['docker service create -d --name shop --replicas 2 --constraint node.role==worker --publish mode=host,published=8000,target=80 traefik/whoami'],
      ['docker service create -d --name shop --replicas 2 -p 8000:80 traefik/whoami'], // a task lands on node1
    ]);
  });
  it('an unencrypted overlay does not pass for an encrypted one', { timeout: 60_000 }, async () => {
    await holds('overlay', overlay.encrypted, [
      ['docker network create -d overlay --attachable pay-net', 'ssh node3 docker run -d --name ledger --network pay-net redis', 'ssh node2 docker run -dit --name till --network pay-net alpine'],
    ], [overlay.crossHost, overlay.thirdNode, overlay.internal]);
  });
  it('a VIP service is not DNS round robin', { timeout: 60_000 }, async () => {
    await holds('service-discovery', discovery.dnsrr, [
      ['docker service create -d --name search --replicas 2 --network appnet traefik/whoami'],
    ]);
  });
});
