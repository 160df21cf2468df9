/**
 * Docker's "Networking with overlay networks" tutorial (docs:
 * engine/network/tutorials/overlay.md) typed into a three-host lab as a
 * student would, node1 as `manager`/`host1`, node2 and node3 as the
 * workers: the default overlay network and services, a user-defined
 * overlay, and standalone containers on an attachable overlay.
 */
import { describe, expect, it } from 'vitest';
import { createLab, DETACH_SEQUENCE } from '../src/emulator/index';
import type { EmulatedLab } from '../src/emulator/lab';
import { ok, sh } from './docker-helpers';


const ID = '[0-9a-z]{25}';

/** `docker swarm init` on node1; the token read from its output, as the tutorial says to note it. */
async function initSwarm(lab: EmulatedLab, init = 'docker swarm init'): Promise<string> {
  const out = await ok(lab, init);
  expect(out).toMatch(new RegExp(`^Swarm initialized: current node \\(${ID}\\) is now a manager\\.\\n`));
  return /--token (SWMTKN-1-\S+) 192\.168\.1\.11:2377/.exec(out)![1];
}

describe('tutorial: use the default overlay network', () => {
  it('joins two workers, shows ingress and docker_gwbridge, runs my-nginx on nginx-net, moves it to nginx-net-2, cleans up', async () => {
    const lab = createLab({ seed: 21, hosts: 3 }) as EmulatedLab;
    const token = await initSwarm(lab, 'docker swarm init --advertise-addr=192.168.1.11');
    expect(await ok(lab, `ssh node2 docker swarm join --token ${token} --advertise-addr 192.168.1.12 192.168.1.11:2377`)).toBe('This node joined a swarm as a worker.\n');
    expect(await ok(lab, `ssh node3 docker swarm join --token ${token} --advertise-addr 192.168.1.13 192.168.1.11:2377`)).toBe('This node joined a swarm as a worker.\n');

    const nodes = (await ok(lab, 'docker node ls')).trimEnd().split('\n');
    expect(nodes[0]).toBe('ID                            HOSTNAME   STATUS    AVAILABILITY   MANAGER STATUS   ENGINE VERSION');
    expect(nodes.slice(1).map((l) => l.replace(/^\S+/, 'ID'))).toEqual([
      'ID *   node1      Ready     Active         Leader           28.2.2',
      'ID     node2      Ready     Active                          28.2.2',
      'ID     node3      Ready     Active                          28.2.2',
    ]);
    expect((await ok(lab, 'docker node ls --filter role=manager')).trimEnd().split('\n')).toHaveLength(2);
    expect((await ok(lab, 'docker node ls --filter role=worker')).trimEnd().split('\n').slice(1).map((l) => l.split(/\s+/)[1])).toEqual(['node2', 'node3']);

    for (const host of ['node1', 'node2', 'node3']) {
      const names = (await ok(lab, `ssh ${host} docker network ls --format '{{.Name}}/{{.Driver}}/{{.Scope}}'`)).trim().split('\n');
      expect(names).toEqual(['bridge/bridge/local', 'docker_gwbridge/bridge/local', 'host/host/local', 'ingress/overlay/swarm', 'none/null/local']);
    }

    expect(await ok(lab, 'docker network create -d overlay nginx-net')).toMatch(new RegExp(`^${ID}\\n$`));
    const created = await ok(lab, 'docker service create --name my-nginx --publish target=80,published=80 --replicas=5 --network nginx-net nginx');
    expect(created).toMatch(/overall progress: 5 out of 5 tasks \n[\s\S]*verify: Service \w+ converged \n$/);
    expect(await ok(lab, 'docker service ls')).toMatch(/my-nginx   replicated   5\/5        nginx:latest   \*:80->80\/tcp\n$/);

    // nginx-net reached the workers because they run its tasks: Containers and Peers on each.
    for (const host of ['node2', 'node3']) {
      const doc = JSON.parse(await ok(lab, `ssh ${host} docker network inspect nginx-net`))[0];
      expect(Object.values(doc.Containers as Record<string, { Name: string }>).some((c) => c.Name.startsWith('my-nginx.'))).toBe(true);
      expect((doc.Peers as { IP: string }[]).map((p) => p.IP).sort()).toEqual(['192.168.1.11', '192.168.1.12', '192.168.1.13']);
    }
    const service = JSON.parse(await ok(lab, 'docker service inspect my-nginx'))[0];
    expect(service.Endpoint.Ports).toEqual([{ Protocol: 'tcp', TargetPort: 80, PublishedPort: 80, PublishMode: 'ingress' }]);
    expect(service.Endpoint.VirtualIPs).toHaveLength(2); // ingress and nginx-net

    // The routing mesh: port 80 answers on every node.
    for (const ip of ['192.168.1.11', '192.168.1.12', '192.168.1.13']) {
      expect(await ok(lab, `ssh laptop curl -s http://${ip}`)).toContain('<title>Welcome to nginx!</title>');
    }

    await ok(lab, 'docker network create -d overlay nginx-net-2');
    expect(await ok(lab, 'docker service update --network-add nginx-net-2 --network-rm nginx-net my-nginx')).toMatch(/^my-nginx\n[\s\S]*verify: Service my-nginx converged \n$/);
    expect(await ok(lab, 'docker service ls')).toContain('5/5');
    expect(await ok(lab, "docker network inspect -f '{{len .Containers}}' nginx-net")).toBe('0\n');
    expect(Number(await ok(lab, "docker network inspect -f '{{len .Containers}}' nginx-net-2"))).toBeGreaterThan(0);

    expect(await ok(lab, 'docker service rm my-nginx')).toBe('my-nginx\n');
    expect(await ok(lab, 'docker network rm nginx-net nginx-net-2')).toBe('nginx-net\nnginx-net-2\n');
    expect(await ok(lab, "docker network ls --filter driver=overlay --format '{{.Name}}'")).toBe('ingress\n');
  });
});

describe('tutorial: use a user-defined overlay network', () => {
  it('publishes my-nginx on 8080 from my-overlay, lists its task in Containers, removes both', async () => {
    const lab = createLab({ seed: 22, hosts: 1 }) as EmulatedLab;
    await initSwarm(lab);
    await ok(lab, 'docker network create -d overlay my-overlay');
    await ok(lab, 'docker service create --name my-nginx --network my-overlay --replicas 1 --publish published=8080,target=80 nginx:latest');
    const containers = JSON.parse(await ok(lab, "docker network inspect -f '{{json .Containers}}' my-overlay")) as Record<string, { Name: string }>;
    expect(Object.values(containers).map((c) => c.Name).filter((n) => n.startsWith('my-nginx.1.'))).toHaveLength(1);
    expect(await ok(lab, 'curl -s http://localhost:8080')).toContain('<title>Welcome to nginx!</title>');
    expect(await ok(lab, 'docker service rm my-nginx')).toBe('my-nginx\n');
    expect(await ok(lab, 'docker network rm my-overlay')).toBe('my-overlay\n');
  });
});

describe('tutorial: use an overlay network for standalone containers', () => {
  it('alpine1 on host1 pings alpine2 on host2 by name; test-net reaches host2 with the same ID; clean-up on each host', async () => {
    const lab = createLab({ seed: 23, hosts: 2 }) as EmulatedLab;
    const token = await initSwarm(lab);
    await ok(lab, 'ssh node2');
    expect(await ok(lab, `docker swarm join --token ${token} 192.168.1.11:2377`)).toBe('This node joined a swarm as a worker.\n');
    await ok(lab, 'exit');

    const netId = (await ok(lab, 'docker network create --driver=overlay --attachable test-net')).trim();
    expect(netId).toMatch(new RegExp(`^${ID}$`));
    expect((await sh(lab, 'docker run -it --name alpine1 --network test-net alpine')).code).toBe(0);
    expect(lab.prompt()).toBe('/ # ');
    // The tutorial keeps a terminal per host; one terminal detaches from alpine1 (Ctrl-P Ctrl-Q) and uses ssh.
    expect((await sh(lab, DETACH_SEQUENCE)).out).toBe('read escape sequence\n');
    expect(await ok(lab, 'ssh node2 docker network ls')).not.toContain('test-net');
    expect(await ok(lab, 'ssh node2 docker run -dit --name alpine2 --network test-net alpine')).toMatch(/^[0-9a-f]{64}\n$/);
    expect(await ok(lab, 'ssh node2 docker network ls')).toMatch(new RegExp(`^${netId.slice(0, 12)}   test-net          overlay   swarm$`, 'm'));
    await ok(lab, 'docker attach alpine1');
    expect(lab.prompt()).toBe('/ # ');
    const ping = await ok(lab, 'ping -c 2 alpine2');
    expect(ping).toMatch(/^PING alpine2 \(10\.0\.1\.\d+\): 56 data bytes\n64 bytes from 10\.0\.1\.\d+: seq=0 ttl=64 time=/);
    expect(ping).toContain('2 packets transmitted, 2 packets received, 0% packet loss');
    await ok(lab, 'exit'); // closes alpine1's session, which stops it
    expect(lab.prompt()).toBe('root@node1:~# ');
    expect(await ok(lab, "docker ps -a --filter name=alpine1 --format '{{.Status}}'")).toMatch(/^Exited \(0\)/);

    // Another alpine on host2, interactive: it finds alpine1 only while alpine1 runs.
    await ok(lab, 'docker start alpine1');
    await ok(lab, 'ssh node2');
    expect((await sh(lab, 'docker run -it --rm --name alpine3 --network test-net alpine')).code).toBe(0);
    expect(await ok(lab, 'ping -c 2 alpine1')).toContain('2 packets transmitted, 2 packets received, 0% packet loss');
    await ok(lab, 'exit');
    expect(lab.prompt()).toBe('root@node2:~# ');
    expect(await ok(lab, "docker ps -a --format '{{.Names}}'")).toBe('alpine2\n'); // --rm removed alpine3

    // Clean up on each host: alpine2 and test-net on host2; alpine1 and test-net on host1.
    expect(await ok(lab, 'docker container stop alpine2')).toBe('alpine2\n');
    expect(await ok(lab, 'docker container rm alpine2')).toBe('alpine2\n');
    expect(await ok(lab, 'docker network ls')).not.toContain('test-net'); // it leaves host2 with its last container
    await ok(lab, 'exit');
    expect(await ok(lab, 'docker container rm -f alpine1')).toBe('alpine1\n');
    expect(await ok(lab, 'docker network rm test-net')).toBe('test-net\n');
  });
});
