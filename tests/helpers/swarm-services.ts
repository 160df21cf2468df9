/** Shared by the swarm service transcript tests (tests/swarm-services*.test.ts). */
import { createLab } from '../../src/emulator/index';
import type { EmulatedLab } from '../../src/emulator/lab';
import { sh } from '../docker-helpers';

export const ID = '[0-9a-z]{25}';
export const BAR = '\\[==================================================>\\]';

export async function ok(lab: EmulatedLab, line: string): Promise<string> {
  const r = await sh(lab, line);
  if (r.code !== 0) throw new Error(`${line} failed (${r.code}):\n${r.out}${r.err}`);
  return r.out;
}

/** node1 manager, node2 and node3 workers, an attachable overlay `appnet`. */
export async function swarm3(seed = 1): Promise<EmulatedLab> {
  const lab = createLab({ seed, hosts: 3 }) as EmulatedLab;
  const token = /--token (\S+)/.exec(await ok(lab, 'docker swarm init'))![1];
  await ok(lab, `ssh node2 docker swarm join --token ${token} 192.168.1.11:2377`);
  await ok(lab, `ssh node3 docker swarm join --token ${token} 192.168.1.11:2377`);
  await ok(lab, 'docker network create -d overlay --attachable appnet');
  return lab;
}

/** whoami ×3 on appnet published on 8080, and a netshoot client on node1. */
export async function webLab(seed = 1, extra = ''): Promise<EmulatedLab> {
  const lab = await swarm3(seed);
  await ok(lab, `docker service create -d --name web --replicas 3 --network appnet -p 8080:80 ${extra} traefik/whoami`);
  await ok(lab, 'docker run -d --name client --network appnet nicolaka/netshoot sleep 1d');
  return lab;
}

export function psRows(out: string): string[][] {
  return out.trimEnd().split('\n').slice(1).map((l) => l.split(/ {2,}/));
}

export function hostnameOf(body: string): string {
  return /^Hostname: (\S+)/.exec(body)![1];
}
