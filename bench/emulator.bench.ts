/**
 * `npm run bench`: prints the emulator's speed and size figures (not a test).
 * Targets (issue 2): lab ready < 20 ms; typical command < 2 ms median;
 * a 1,000-container lab on 20 networks built in < 2 s, commands on it
 * < 20 ms; its snapshot < 1 MB. Issue 4: a 10-node swarm with a 500-replica
 * service converges < 1 s, commands on it < 50 ms.
 */
import { performance } from 'node:perf_hooks';
import { createLab, type Lab } from '../src/emulator/index';
import { parse } from '../src/emulator/shell/parser';

function stats(samples: number[]): { median: number; p99: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], p99: s[Math.min(s.length - 1, Math.floor(s.length * 0.99))] };
}

const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
const sink = { stdout: () => {}, stderr: () => {} };

async function timed(lab: Lab, line: string): Promise<number> {
  const t0 = performance.now();
  await lab.run(line, sink);
  return performance.now() - t0;
}

async function labCreation(): Promise<void> {
  const samples: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    createLab({ seed: i });
    samples.push(performance.now() - t0);
  }
  const { median, p99 } = stats(samples);
  console.log(`lab creation                 median ${fmt(median)}   p99 ${fmt(p99)}   (target < 20 ms)`);
}

async function typicalCommands(): Promise<void> {
  const lab = createLab({ seed: 1 });
  await lab.run('docker network create appnet', sink);
  await lab.run('docker run -d --name web --network appnet nginx', sink);
  await lab.run('docker run -dit --name client --network appnet alpine', sink);
  const lines = ['docker ps', 'docker network ls', 'docker network inspect appnet', 'docker inspect web', 'ip a', 'docker exec client ping -c 1 web', 'docker port web', 'iptables -t nat -S'];
  for (const line of lines) {
    const samples: number[] = [];
    for (let i = 0; i < 50; i++) samples.push(await timed(lab, line));
    const { median, p99 } = stats(samples);
    console.log(`${line.padEnd(28)} median ${fmt(median)}   p99 ${fmt(p99)}   (target < 2 ms median)`);
  }
}

async function bigLab(): Promise<void> {
  const lab = createLab({ seed: 99 });
  const t0 = performance.now();
  for (let n = 0; n < 20; n++) await lab.run(`docker network create net${n}`, sink);
  for (let i = 0; i < 1000; i++) await lab.run(`docker run -dit --name c${i} --network net${i % 20} alpine`, sink);
  const build = performance.now() - t0;
  console.log(`1,000 containers / 20 nets    built in ${fmt(build)}   (target < 2 s)`);
  const inspect: number[] = [];
  for (let i = 0; i < 10; i++) inspect.push(await timed(lab, `docker network inspect net${i}`));
  console.log(`  docker network inspect      median ${fmt(stats(inspect).median)}   (target < 20 ms)`);
  const ps: number[] = [];
  for (let i = 0; i < 5; i++) ps.push(await timed(lab, 'docker ps'));
  console.log(`  docker ps (1,000 rows)      median ${fmt(stats(ps).median)}   (target < 20 ms)`);
  const more: Record<string, number[]> = {};
  const time = async (line: string, label = line) => (more[label] ??= []).push(await timed(lab, line));
  for (let i = 0; i < 5; i++) {
    await time(`docker run -dit --name extra${i} --network net3 alpine`, 'docker run (one more)');
    await time(`docker network connect net4 extra${i}`, 'docker network connect');
    await time(`docker rm -f extra${i}`, 'docker rm -f');
    for (const line of ['docker network ls', 'docker inspect c500', 'docker restart -t 1 c10', 'docker exec c1 ping -c 1 c21', 'ls /var/run/docker/netns', 'ip a']) await time(line);
    // The host's listings, each a thousand veths long (ip -d link prints 1 MB).
    for (const line of ['ip route', 'ip link', 'ip -d link', 'brctl show', 'bridge link', 'iptables -S', 'iptables -t nat -L -n']) await time(line);
  }
  for (const [line, samples] of Object.entries(more)) console.log(`  ${line.padEnd(27)} median ${fmt(stats(samples).median)}   (target < 20 ms)`);
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) % 1000;
  const t1 = performance.now();
  let reachable = 0;
  for (let i = 0; i < 100; i++) {
    const a = next();
    const b = next();
    if (lab.query.canReach({ container: `c${a}` }, `c${b}`).ok) reachable++;
  }
  const reach = performance.now() - t1;
  console.log(`  reachability, 100 pairs     ${fmt(reach)} total, ${fmt(reach / 100)} each (${reachable} reachable: same network only)`);
  const [writes, restores] = [[] as number[], [] as number[]];
  let json = '';
  for (let i = 0; i < 3; i++) {
    const t2 = performance.now();
    json = JSON.stringify(lab.snapshot());
    writes.push(performance.now() - t2);
    const copy = createLab({ seed: 1 });
    const t3 = performance.now();
    copy.restore(JSON.parse(json));
    restores.push(performance.now() - t3);
  }
  console.log(`  snapshot                    ${(json.length / 1e6).toFixed(2)} MB, written (to JSON) in median ${fmt(stats(writes).median)}   (target < 1 MB)`);
  console.log(`  restore (from JSON)         median ${fmt(stats(restores).median)}`);
}

/**
 * A 10-node swarm with a 500-replica service published through the routing
 * mesh. The swarm is initialised with /22 pools: as in Docker, the default
 * /24 ingress and overlay subnets hold about 250 tasks, and the rest would be
 * rejected ("could not find an available IP").
 */
async function swarmService(): Promise<void> {
  const lab = createLab({ seed: 5, hosts: 10 });
  let init = '';
  await lab.run('docker swarm init --default-addr-pool 10.0.0.0/8 --default-addr-pool-mask-length 22', { stdout: (s) => (init += s), stderr: () => {} });
  const token = /--token (\S+)/.exec(init)?.[1] ?? '';
  const t0 = performance.now();
  for (let i = 2; i <= 10; i++) await lab.run(`ssh node${i} docker swarm join --token ${token} 192.168.1.11:2377`, sink);
  console.log(`10-node swarm                 9 joins in ${fmt(performance.now() - t0)}`);
  await lab.run('docker network create -d overlay appnet', sink);
  const converge = await timed(lab, 'docker service create -d --name web --replicas 500 --network appnet -p 8080:80 traefik/whoami');
  let replicas = '';
  await lab.run('docker service ls --format {{.Replicas}}', { stdout: (s) => (replicas += s), stderr: () => {} });
  console.log(`  service create, 500 tasks   converged in ${fmt(converge)} (${replicas.trim()} running)   (target < 1 s)`);
  for (const line of ['docker service ps web', 'docker service ls', 'docker service inspect web']) {
    const samples: number[] = [];
    for (let i = 0; i < 5; i++) samples.push(await timed(lab, line));
    console.log(`  ${line.padEnd(27)} median ${fmt(stats(samples).median)}   (target < 50 ms)`);
  }
  const mesh: number[] = [];
  for (let i = 0; i < 5; i++) mesh.push(await timed(lab, `ssh laptop curl -s 192.168.1.${12 + i}:8080`));
  console.log(`  curl via the routing mesh   median ${fmt(stats(mesh).median)}   (target < 50 ms)`);
  const t1 = performance.now();
  const json = JSON.stringify(lab.snapshot());
  console.log(`  snapshot                    ${(json.length / 1024).toFixed(0)} KiB in ${fmt(performance.now() - t1)}`);
}

function shellParse(): void {
  const line = `docker run -d --name web --network mynet -p 8080:80 -e "A=$HOME" nginx:alpine && curl -s localhost:8080 | grep -i "welcome" | wc -l > /tmp/out 2>&1`;
  for (let i = 0; i < 200; i++) parse(line); // warm up the JIT
  const runs = 2000;
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) parse(line);
  console.log(`shell parse, a typical line  ${fmt((performance.now() - t0) / runs)} each`);
}

shellParse();
await labCreation();
await typicalCommands();
await bigLab();
await swarmService();
