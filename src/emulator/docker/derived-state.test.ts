/**
 * What the engine keeps beside the state to go faster — the endpoints-by-
 * container index (endpoint-index.ts), the index of containers sharing
 * another's namespace (joiner-index.ts) and the incremental sync of
 * /var/run/docker/netns (netns-dir.ts) — must always agree with a full
 * recomputation from the state: after random docker commands, connects,
 * renames, stops, removals, daemon restarts, swarm sandboxes, a line that
 * fails after docker commands ran (rolled back) and a snapshot restore.
 */
import { describe, expect, it } from 'vitest';
import type { EmulatedLab } from '../lab';
import type { FsState } from '../kernel/fs';
import { newLab, sh } from '../../../tests/helpers/engine';
import { registerTestCommand } from '../../../tests/helpers/faulty';
import { NETNS_DIR, netnsKeys } from './netns-dir';
import { endpointsOfContainer } from './endpoint-index';
import { joinersOf } from './joiner-index';

function namesIn(fs: FsState, dir: string): string[] {
  return Object.keys(fs.files)
    .filter((p) => p.startsWith(`${dir}/`))
    .map((p) => p.slice(dir.length + 1))
    .sort();
}

/** Compares the derived state with a recomputation; returns what differs (empty when all agree). */
function differences(lab: EmulatedLab): string[] {
  const ctx = lab.ctx;
  const out: string[] = [];
  for (const machine of ctx.dockerHosts()) {
    const docker = ctx.state.machines[machine].docker!;
    const want = [...netnsKeys(ctx, machine)].sort().join(' ');
    const host = namesIn(ctx.state.machines[machine].fs, NETNS_DIR).join(' ');
    if (host !== want) out.push(`${machine} ${NETNS_DIR}: [${host}], model: [${want}]`);
    for (const c of Object.values(docker.containers)) {
      if (!(c.cli?.binds ?? []).includes(`${NETNS_DIR}:/netns`)) continue;
      const seen = namesIn(ctx.state.containerFs[c.fsId], '/netns').join(' ');
      if (seen !== want) out.push(`${c.name}:/netns: [${seen}], model: [${want}]`);
    }
    for (const owner of [...Object.keys(docker.containers), 'ingress-sbox']) {
      const indexed = endpointsOfContainer(ctx, docker, owner).map((e) => e.id).join(' ');
      const scanned = Object.values(docker.endpoints).filter((e) => e.containerId === owner).map((e) => e.id).join(' ');
      if (indexed !== scanned) out.push(`${machine} endpoints of ${owner}: index [${indexed}], scan [${scanned}]`);
    }
    for (const id of Object.keys(docker.containers)) {
      const indexed = joinersOf(ctx, docker, id).map((c) => c.name).join(' ');
      const scanned = Object.values(docker.containers).filter((c) => c.host.networkMode === `container:${id}`).map((c) => c.name).join(' ');
      if (indexed !== scanned) out.push(`${machine} joiners of ${id}: index [${indexed}], scan [${scanned}]`);
    }
  }
  return out;
}

function rng(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return Math.floor((s / 2147483648) * n);
  };
}

function randomLine(pick: (n: number) => number): string {
  const c = () => `c${pick(6)}`;
  const n = () => `n${pick(3)}`;
  const any = () => [c(), `j${pick(2)}`, `b${pick(2)}`][pick(3)];
  const lines = [
    () => `docker network create ${n()}`,
    () => `docker network rm ${n()}`,
    () => `docker run -dit --name ${c()} --network ${n()} alpine`,
    () => `docker run -dit --name ${c()} --network ${n()} alpine`,
    () => `docker run -dit --name ${c()} --network ${n()} alpine`,
    () => `docker run -dit --name ${c()} alpine`,
    () => `docker run -dit --name ${c()} --network host alpine`,
    () => `docker run -dit --name j${pick(2)} --network container:${c()} alpine`,
    () => `docker run -dit --name j${pick(2)} --network container:${c()} alpine`,
    () => `docker run -d --name b${pick(2)} -v ${NETNS_DIR}:/netns nicolaka/netshoot sleep 1d`,
    () => `docker create --name ${c()} --network ${n()} alpine`,
    () => `docker network connect ${n()} ${c()}`,
    () => `docker network connect ${n()} ${c()}`,
    () => `docker network disconnect ${n()} ${c()}`,
    () => `docker rename ${c()} ${c()}`,
    () => `docker stop -t 1 ${any()}`,
    () => `docker start ${any()}`,
    () => `docker restart -t 1 ${any()}`,
    () => `docker kill ${any()}`,
    () => `docker rm -f ${any()}`,
    () => `docker rm -f ${any()}`,
    () => 'systemctl restart docker',
    () => 'docker swarm init',
    () => 'docker network create -d overlay --attachable ov',
    () => `docker run -dit --name ${c()} --network ov alpine`,
    () => 'docker service create -d --name s1 --replicas 2 -p 8080:80 nginx',
    () => 'docker service rm s1',
    () => 'docker swarm leave --force',
    // A line that changes containers, sandboxes and endpoints, then fails: all of it is rolled back.
    () => `docker run -dit --name x${pick(2)} --network ${n()} alpine; docker network connect ${n()} ${c()}; docker rm -f ${c()}; explode`,
  ];
  return lines[pick(lines.length)]();
}

describe('derived engine state after random commands', () => {
  registerTestCommand();
  // Seed 4: three hosts in a swarm, a third of the lines run on node2 (its own daemon, its own derived state).
  for (const [seed, hosts] of [[1, 1], [2, 1], [3, 1], [4, 3]]) {
    it(`agrees with a full recomputation after every line (seed ${seed}, ${hosts} host${hosts > 1 ? 's' : ''})`, async () => {
      const lab = newLab(seed, hosts);
      const setup = ['docker network create n0', 'docker network create n1', 'docker network create n2', 'docker pull alpine', 'docker pull nicolaka/netshoot'];
      if (hosts > 1) setup.push('docker swarm init', 'ssh node2 docker swarm join --token $(docker swarm join-token -q worker) 192.168.1.11:2377', ...setup.map((l) => `ssh node2 ${l}`));
      for (const line of setup) await sh(lab, line);
      const onNode2 = rng(seed * 31);
      const pick = rng(seed);
      const trail: string[] = [];
      for (let i = 0; i < 160; i++) {
        if (i % 40 === 39) {
          lab.restore(JSON.parse(JSON.stringify(lab.snapshot())));
          trail.push('(restore)');
        } else {
          const line = hosts > 1 && onNode2(3) === 0 ? `ssh node2 ${randomLine(pick)}` : randomLine(pick);
          trail.push(line);
          await sh(lab, line);
        }
        const diff = differences(lab);
        if (diff.length) expect({ trail: trail.slice(-8), diff }).toEqual({ trail: trail.slice(-8), diff: [] });
      }
    }, 60_000);
  }

  it('a binding container lists the namespaces made before and after it; a rolled-back line leaves no trace', async () => {
    const lab = newLab(4);
    await sh(lab, 'docker network create n0');
    await sh(lab, 'docker run -dit --name first --network n0 alpine');
    await sh(lab, `docker run -d --name b0 -v ${NETNS_DIR}:/netns nicolaka/netshoot sleep 1d`);
    await sh(lab, 'docker run -dit --name second --network n0 alpine');
    const listed = (await sh(lab, 'docker exec b0 ls /netns')).out.trim().split(/\s+/).sort();
    const keys = (await sh(lab, "docker inspect -f '{{.NetworkSettings.SandboxKey}}' first second b0")).out.trim().split('\n').map((k) => k.split('/').pop());
    expect(listed).toEqual([...keys].sort());
    const before = (await sh(lab, `ls ${NETNS_DIR}`)).out;
    await sh(lab, 'docker run -dit --name third --network n0 alpine && docker stop -t 1 first && explode');
    expect((await sh(lab, `ls ${NETNS_DIR}`)).out).toBe(before);
    expect(differences(lab)).toEqual([]);
  });
});
