/**
 * What the multi-host lessons' checks and explanations rely on: the swarm
 * queries exercise checks read (lab.query.swarmNodes/services); a timed-out
 * join finishing once the manager's 2377 opens; gossip catching up after a
 * firewall change (memberlist's periodic push/pull); the kernel's VXLAN
 * socket in ss/netstat; and drop explanations that name the host for a
 * --network host container.
 */
import { describe, expect, it } from 'vitest';
import { createLab } from '../src/emulator/index';
import type { EmulatedLab } from '../src/emulator/lab';
import { ok, sh } from './docker-helpers';


const JOIN = 'docker swarm join --token $(docker swarm join-token -q worker) 192.168.1.11:2377';

describe('lab.query.swarmNodes and services', () => {
  it('list the nodes and the services with their running tasks', async () => {
    const lab = createLab({ seed: 4, hosts: 3 }) as EmulatedLab;
    expect(lab.query.swarmNodes()).toEqual([]);
    await ok(lab, 'docker swarm init');
    await ok(lab, `ssh node2 ${JOIN}`);
    await ok(lab, 'docker network create -d overlay appnet');
    await ok(lab, 'docker service create -d --name web --replicas 2 --network appnet -p 8080:80 traefik/whoami');
    await ok(lab, 'docker service create -d --name edge --mode global --publish published=9090,target=80,mode=host nginx');
    const nodes = lab.query.swarmNodes().map((n) => [n.hostname, n.role, n.status, n.leader]);
    expect(nodes).toEqual([['node1', 'manager', 'ready', true], ['node2', 'worker', 'ready', false]]);
    const [edge, web] = [...lab.query.services()].sort((a, b) => a.name.localeCompare(b.name));
    expect(web).toMatchObject({ name: 'web', mode: 'replicated', replicas: 2, running: 2, endpointMode: 'vip', networks: ['appnet'], ports: [{ published: 8080, target: 80, protocol: 'tcp', mode: 'ingress' }] });
    expect([...web.hosts].sort()).toEqual(['node1', 'node2']);
    expect(edge).toMatchObject({ mode: 'global', replicas: undefined, running: 2, desired: 2, ports: [{ published: 9090, mode: 'host' }] });
    await ok(lab, 'ssh node2 docker swarm leave');
    expect(lab.query.swarmNodes().find((n) => n.hostname === 'node2')?.status).toBe('down');
  });
});

describe('a pending join after a firewall change', () => {
  it('completes in the background once the manager opens 2377, without touching the joining node', async () => {
    const lab = createLab({ seed: 3, hosts: 2 }) as EmulatedLab;
    await ok(lab, 'docker swarm init');
    await ok(lab, 'iptables -A INPUT -p tcp --dport 2377 -j DROP');
    expect((await sh(lab, `ssh node2 ${JOIN}`)).code).toBe(1);
    expect(lab.query.swarmNodes().map((n) => [n.hostname, n.status])).toEqual([['node1', 'ready'], ['node2', 'pending']]);
    await ok(lab, 'iptables -D INPUT -p tcp --dport 2377 -j DROP');
    expect(lab.query.swarmNodes().map((n) => [n.hostname, n.status])).toEqual([['node1', 'ready'], ['node2', 'ready']]);
    expect(await ok(lab, 'docker node ls')).toMatch(/node2 +Ready +Active/);
  });
});

describe('gossip after a firewall change', () => {
  it('peers are learnt once 7946 opens, and forgotten when it closes again', async () => {
    const lab = createLab({ seed: 2, hosts: 2 }) as EmulatedLab;
    await ok(lab, 'docker swarm init');
    await ok(lab, `ssh node2 ${JOIN}`);
    await ok(lab, 'docker network create -d overlay --attachable ovnet');
    await ok(lab, 'iptables -A INPUT -p tcp --dport 7946 -j DROP');
    await ok(lab, 'ssh node2 iptables -A INPUT -p tcp --dport 7946 -j DROP');
    await ok(lab, 'docker run -dit --name alpha --network ovnet alpine');
    await ok(lab, 'ssh node2 docker run -dit --name beta --network ovnet alpine');
    expect(lab.query.resolve({ container: 'alpha' }, 'beta')).toBeUndefined();
    await ok(lab, 'iptables -D INPUT -p tcp --dport 7946 -j DROP');
    expect(lab.query.resolve({ container: 'alpha' }, 'beta')).toMatch(/^10\.0\.1\.\d+$/);
    expect(lab.query.canReach({ container: 'alpha' }, 'beta').ok).toBe(true);
    await ok(lab, 'iptables -A INPUT -p tcp --dport 7946 -j DROP');
    expect(lab.query.resolve({ container: 'alpha' }, 'beta')).toBeUndefined();
  });
});

describe('the VXLAN socket on the host', () => {
  it('ss and netstat list the kernel socket of the VTEPs (UDP 4789, or --data-path-port) with no process', async () => {
    const lab = createLab({ seed: 5, hosts: 1 }) as EmulatedLab;
    expect(await ok(lab, 'ss -lun')).not.toContain(':4789');
    await ok(lab, 'docker swarm init --data-path-port 7789');
    const ss = await ok(lab, 'ss -ulnp');
    expect(ss).toMatch(/^UNCONN 0      0            0\.0\.0\.0:7789      0\.0\.0\.0:\* *$/m);
    expect(await ok(lab, 'netstat -ulnp')).toMatch(/^udp        0      0 0\.0\.0\.0:7789            0\.0\.0\.0:\*                           - *$/m);
    await ok(lab, 'docker swarm leave --force');
    expect(await ok(lab, 'ss -lun')).not.toContain(':7789');
  });
});

describe('why a packet was dropped, for a host-network container', () => {
  it('names the host, whose firewall it is, not the container that shares its namespace', async () => {
    const lab = createLab({ seed: 3, hosts: 2 }) as EmulatedLab;
    await ok(lab, 'ssh node2 docker run -d --name admin --network host nginx');
    await ok(lab, 'ssh node2 iptables -P INPUT DROP');
    expect(lab.query.canReach({ laptop: true }, '192.168.1.12', 80).reason).toBe(
      'a connection from the laptop to 192.168.1.12:80 does not get through: a firewall rule on node2 drops it (filter INPUT policy DROP)',
    );
  });
});
