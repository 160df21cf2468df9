/**
 * Swarm membership and overlay networks over real VXLAN, as a student types
 * them on a three-host lab: init, join over TCP 2377, node ls, attachable
 * overlays extended lazily to workers, cross-host ping through UDP 4789 on
 * the LAN, and what host firewalls break.
 */
import { describe, expect, it } from 'vitest';
import { createLab } from '../src/emulator/index';
import type { EmulatedLab } from '../src/emulator/lab';
import type { DeviceState } from '../src/emulator/net/state';
import type { Frame } from '../src/emulator/net/packet';
import type { VxlanPayload } from '../src/emulator/net/vxlan';
import { sendFromHost } from '../src/emulator/net/stack';
import { deviceByName } from '../src/emulator/net/netns';
import { swarmInfo } from '../src/emulator/docker/swarm/info';
import { sh } from './docker-helpers';

const ID = '[0-9a-z]{25}';
const TOKEN = 'SWMTKN-1-[0-9a-z]{50}-[0-9a-z]{25}';

async function ok(lab: EmulatedLab, line: string): Promise<string> {
  const r = await sh(lab, line);
  if (r.code !== 0) throw new Error(`${line} failed (${r.code}):\n${r.out}${r.err}`);
  return r.out;
}

/** node1 manager, node2 and node3 workers. */
async function swarm3(seed = 1): Promise<{ lab: EmulatedLab; token: string; init: string }> {
  const lab = createLab({ seed, hosts: 3 }) as EmulatedLab;
  const init = await ok(lab, 'docker swarm init');
  const token = /--token (\S+)/.exec(init)![1];
  await ok(lab, `ssh node2 docker swarm join --token ${token} 192.168.1.11:2377`);
  await ok(lab, `ssh node3 docker swarm join --token ${token} 192.168.1.11:2377`);
  return { lab, token, init };
}

/** An attachable overlay with alpha on node1 and beta on node2. */
async function overlayPair(extra = ''): Promise<EmulatedLab> {
  const { lab } = await swarm3();
  await ok(lab, `docker network create -d overlay --attachable ${extra} ovnet`);
  await ok(lab, 'docker run -dit --name alpha --network ovnet alpine');
  await ok(lab, 'ssh node2 docker run -dit --name beta --network ovnet alpine');
  return lab;
}

describe('swarm membership', () => {
  it('swarm init prints the node ID and the worker join command; join-token repeats it', async () => {
    const { lab, init, token } = await swarm3();
    expect(init).toMatch(new RegExp(
      `^Swarm initialized: current node \\((${ID})\\) is now a manager\\.\\n\\nTo add a worker to this swarm, run the following command:\\n\\n    docker swarm join --token ${TOKEN} 192\\.168\\.1\\.11:2377\\n\\nTo add a manager to this swarm, run 'docker swarm join-token manager' and follow the instructions\\.\\n\\n$`,
    ));
    expect(await ok(lab, 'docker swarm join-token -q worker')).toBe(`${token}\n`);
    const manager = await ok(lab, 'docker swarm join-token manager');
    expect(manager).toMatch(new RegExp(`^To add a manager to this swarm, run the following command:\\n\\n    docker swarm join --token ${TOKEN} 192\\.168\\.1\\.11:2377\\n\\n$`));
    expect(manager).not.toContain(token);
    expect((await sh(lab, 'docker swarm init')).err).toBe('Error response from daemon: This node is already part of a swarm. Use "docker swarm leave" to leave this swarm and join another one.\n');
  });

  it('workers join over TCP 2377; node ls lists them on the manager only', async () => {
    const lab = createLab({ seed: 1, hosts: 3 }) as EmulatedLab;
    const token = /--token (\S+)/.exec(await ok(lab, 'docker swarm init'))![1];
    expect(await ok(lab, `ssh node2 docker swarm join --token ${token} 192.168.1.11:2377`)).toBe('This node joined a swarm as a worker.\n');
    await ok(lab, `ssh node3 docker swarm join --token ${token} 192.168.1.11:2377`);
    const ls = await ok(lab, 'docker node ls');
    const lines = ls.trimEnd().split('\n');
    expect(lines[0]).toBe('ID                            HOSTNAME   STATUS    AVAILABILITY   MANAGER STATUS   ENGINE VERSION');
    expect(lines[1]).toMatch(new RegExp(`^${ID} \\*   node1      Ready     Active         Leader           28\\.2\\.2$`));
    expect(lines[2]).toMatch(new RegExp(`^${ID}     node2      Ready     Active                          28\\.2\\.2$`));
    expect(lines[3]).toMatch(/node3 +Ready +Active +28\.2\.2$/);
    const worker = await sh(lab, 'ssh node2 docker node ls');
    expect(worker.code).toBe(1);
    expect(worker.err).toBe("Error response from daemon: This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state. Please run this command on a manager node or promote the current node to a manager.\n");
    expect(swarmInfo(lab.ctx, 'node1')).toMatchObject({ LocalNodeState: 'active', ControlAvailable: true, Nodes: 3, Managers: 1, NodeAddr: '192.168.1.11' });
    expect(swarmInfo(lab.ctx, 'node2')).toMatchObject({ LocalNodeState: 'active', ControlAvailable: false, RemoteManagers: [{ Addr: '192.168.1.11:2377' }] });
  });

  it('a host firewall dropping 2377 makes join time out with Docker\'s error; it completes in the background once open', async () => {
    const lab = createLab({ seed: 1, hosts: 2 }) as EmulatedLab;
    const token = /--token (\S+)/.exec(await ok(lab, 'docker swarm init'))![1];
    await ok(lab, 'iptables -A INPUT -p tcp --dport 2377 -j DROP');
    const before = lab.ctx.clock.now();
    const r = await sh(lab, `ssh node2 docker swarm join --token ${token} 192.168.1.11:2377`);
    expect(r.code).toBe(1);
    expect(r.err).toBe('Error response from daemon: Timeout was reached before node joined. The attempt to join the swarm will continue in the background. Use the "docker info" command to see the current swarm status of your node.\n');
    expect(lab.ctx.clock.now() - before).toBeGreaterThanOrEqual(20_000);
    expect(swarmInfo(lab.ctx, 'node2').LocalNodeState).toBe('pending');
    expect((await ok(lab, 'docker node ls')).split('\n').filter((l) => l.includes('node2'))).toEqual([]);
    await ok(lab, 'iptables -D INPUT -p tcp --dport 2377 -j DROP');
    const again = await sh(lab, `ssh node2 docker swarm join --token ${token} 192.168.1.11:2377`);
    expect(again.err).toMatch(/already part of a swarm/);
    expect(await ok(lab, 'docker node ls')).toMatch(/node2 +Ready +Active/);
  });

  it('join errors: nothing listening, a malformed token, a wrong token', async () => {
    const lab = createLab({ seed: 1, hosts: 3 }) as EmulatedLab;
    const token = /--token (\S+)/.exec(await ok(lab, 'docker swarm init'))![1];
    expect((await sh(lab, `ssh node3 docker swarm join --token ${token} 192.168.1.12:2377`)).err).toBe(
      'Error response from daemon: rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial tcp 192.168.1.12:2377: connect: connection refused"\n',
    );
    expect((await sh(lab, 'ssh node3 docker swarm join --token SWMTKN-1-nope 192.168.1.11:2377')).err).toBe('Error response from daemon: invalid join token\n');
    const wrong = token.slice(0, -1) + (token.endsWith('0') ? '1' : '0');
    expect((await sh(lab, `ssh node3 docker swarm join --token ${wrong} 192.168.1.11:2377`)).err).toBe(
      'Error response from daemon: rpc error: code = InvalidArgument desc = A valid join token is necessary to join this cluster\n',
    );
  });

  it('leave, promote and demote', async () => {
    const { lab } = await swarm3();
    expect((await sh(lab, 'docker swarm leave')).err).toBe(
      'Error response from daemon: You are attempting to leave the swarm on a node that is participating as a manager. Removing the last manager erases all current state of the swarm. Use `--force` to ignore this message. \n',
    );
    expect(await ok(lab, 'docker node promote node2')).toBe('Node node2 promoted to a manager in the swarm.\n');
    expect(await ok(lab, 'ssh node2 docker node ls')).toMatch(/node1 +Ready +Active +Leader[\s\S]*\* +node2 +Ready +Active +Reachable/);
    expect(await ok(lab, 'docker node demote node2')).toBe('Manager node2 demoted in the swarm.\n');
    expect(await ok(lab, 'docker node update --availability drain node3')).toBe('node3\n');
    expect(await ok(lab, 'ssh node3 docker swarm leave')).toBe('Node left the swarm.\n');
    expect(await ok(lab, 'docker node ls')).toMatch(/node3 +Down +Drain/);
    expect(await ok(lab, 'docker node inspect -f "{{.Status.State}} {{.Spec.Role}}" node3')).toBe('down worker\n');
  });
});

describe('overlay networks', () => {
  it('are created on a manager only, from 10.0.1.0/24 and VNI 4097, and reach a worker lazily', async () => {
    const { lab } = await swarm3();
    expect((await sh(lab, 'ssh node2 docker network create -d overlay nope')).err).toBe(
      'Error response from daemon: Cannot create a multi-host network from a worker node. Please create the network from a manager node.\n',
    );
    const id = (await ok(lab, 'docker network create -d overlay --attachable ovnet')).trim();
    expect(id).toMatch(new RegExp(`^${ID}$`));
    const ovnet = lab.ctx.docker('node1').networks[id];
    expect(ovnet).toMatchObject({ scope: 'swarm', driver: 'overlay', attachable: true, ipam: { config: [{ subnet: '10.0.1.0/24', gateway: '10.0.1.1' }] } });
    expect(ovnet.options['com.docker.network.driver.overlay.vxlanid_list']).toBe('4097');
    const ingress = Object.values(lab.ctx.docker('node2').networks).find((n) => n.name === 'ingress')!;
    expect(ingress).toMatchObject({ ingress: true, ipam: { config: [{ subnet: '10.0.0.0/24' }] }, options: { 'com.docker.network.driver.overlay.vxlanid_list': '4096' } });
    const gw = Object.values(lab.ctx.docker('node2').networks).find((n) => n.name === 'docker_gwbridge')!;
    expect(gw).toMatchObject({ driver: 'bridge', ipam: { config: [{ subnet: '172.18.0.0/16' }] }, options: { 'com.docker.network.bridge.enable_icc': 'false' } });
    expect(await ok(lab, 'ssh node2 docker network ls')).not.toContain('ovnet');
    await ok(lab, 'ssh node2 docker run -dit --name beta --network ovnet alpine');
    expect(await ok(lab, 'ssh node2 docker network ls')).toMatch(new RegExp(`${id.slice(0, 12)}   ovnet +overlay   swarm`));
    await ok(lab, 'ssh node2 docker rm -f beta');
    expect(await ok(lab, 'ssh node2 docker network ls')).not.toContain('ovnet');
    expect(await ok(lab, 'docker network ls')).toContain('ovnet');
  });

  it('refuse standalone containers unless --attachable', async () => {
    const { lab } = await swarm3();
    await ok(lab, 'docker network create -d overlay svc');
    const r = await sh(lab, 'docker run -d --name web --network svc nginx');
    expect(r.code).toBe(125);
    expect(r.err).toContain('docker: Error response from daemon: failed to set up container networking: Could not attach to network svc: rpc error: code = PermissionDenied desc = network svc not manually attachable\n');
  });

  it('carry cross-host pings through VXLAN; names resolve across hosts', async () => {
    const lab = await overlayPair();
    const ping = await ok(lab, 'docker exec alpha ping -c 2 beta');
    expect(ping).toMatch(/^PING beta \(10\.0\.1\.5\): 56 data bytes\n64 bytes from 10\.0\.1\.5: seq=0 ttl=64/);
    expect(ping).toContain('2 packets transmitted, 2 packets received, 0% packet loss');
    expect(lab.query.canReach({ container: 'alpha' }, 'beta')).toEqual({ ok: true, reason: 'alpha reaches beta (10.0.1.5)' });
    expect(lab.query.resolve({ container: 'beta' }, 'alpha')).toBe('10.0.1.3');
    const alpha = lab.query.container('alpha')!;
    expect(alpha.endpoints.find((e) => e.network === 'ovnet')).toMatchObject({ ip: '10.0.1.3', mac: '02:42:0a:00:01:03' });
    const route = await ok(lab, 'docker exec alpha ip route');
    expect(route).toMatch(/^default via 172\.18\.0\.1 dev eth1/);
    expect(lab.query.canReach({ container: 'alpha' }, '8.8.8.8').ok).toBe(true);
  });

  it('put real UDP 4789 packets on the LAN between the hosts\' eth0', async () => {
    const lab = await overlayPair();
    const ctx = lab.ctx.forProbe();
    const seen: { dev: DeviceState; frame: Frame }[] = [];
    const journey = { ...ctx.journey(), tap: (dev: DeviceState, frame: Frame, dir: 'in' | 'out' | 'promisc') => dir === 'out' && seen.push({ dev, frame }) };
    const alphaNs = ctx.ns(lab.ctx.docker('node1').containers[lab.query.container('alpha')!.id].netnsId!);
    const out = sendFromHost(ctx.state.net, journey, alphaNs, { src: '', dst: '10.0.1.5', proto: 'icmp', ttl: 64, sport: 0, dport: 0, icmpType: 'echo-request', icmpId: 7, icmpSeq: 1, length: 64 });
    expect(out.arrived).toBe(true);
    const eth0 = deviceByName(ctx.state.net, ctx.rootNs('node1'), 'eth0')!;
    const wire = seen.find((s) => s.dev.id === eth0.id && s.frame.packet?.proto === 'udp')!.frame.packet!;
    expect(wire).toMatchObject({ src: '192.168.1.11', dst: '192.168.1.12', proto: 'udp', dport: 4789 });
    const inner = (wire.data as VxlanPayload).vxlan;
    expect(inner.vni).toBe(4097);
    expect(inner.frame.packet).toMatchObject({ src: '10.0.1.3', dst: '10.0.1.5', proto: 'icmp' });
  });

  it('a blocked 4789 breaks the data plane but not the control plane', async () => {
    const lab = await overlayPair();
    await ok(lab, 'ssh node2 iptables -I INPUT -p udp --dport 4789 -j DROP');
    expect(await ok(lab, 'docker node ls')).toMatch(/node2 +Ready/);
    const r = lab.query.canReach({ container: 'alpha' }, 'beta');
    expect(r.ok).toBe(false);
    expect(r.reason).toMatch(/a firewall rule on node2 drops it \(filter INPUT rule 1\)/);
    expect((await sh(lab, 'docker exec alpha ping -c 1 -W 1 beta')).out).toContain('1 packets transmitted, 0 packets received, 100% packet loss');
  });

  it('a blocked 2377 after joining shows the node Down; the overlay still carries traffic', async () => {
    const lab = await overlayPair();
    await ok(lab, 'iptables -I INPUT -p tcp --dport 2377 -j DROP');
    expect(await ok(lab, 'docker node ls')).toMatch(/node2 +Down +Active/);
    expect(lab.query.canReach({ container: 'alpha' }, 'beta').ok).toBe(true);
  });

  it('encrypted overlays travel as ESP: dropping ESP (or the decrypted 4789) breaks them', async () => {
    const lab = await overlayPair('--opt encrypted');
    expect(lab.query.canReach({ container: 'alpha' }, 'beta').ok).toBe(true);
    await ok(lab, 'ssh node2 iptables -A INPUT -p esp -j DROP');
    expect(lab.query.canReach({ container: 'alpha' }, 'beta').reason).toMatch(/firewall rule on node2 drops it/);
    await ok(lab, 'ssh node2 iptables -F INPUT');
    await ok(lab, 'ssh node2 iptables -A INPUT -p udp --dport 4789 -j DROP');
    expect(lab.query.canReach({ container: 'alpha' }, 'beta').ok).toBe(false);
  });

  it('when gossip (7946) is blocked both ways, peers are never learnt', async () => {
    const { lab } = await swarm3();
    await ok(lab, 'docker network create -d overlay --attachable ovnet');
    await ok(lab, 'iptables -A INPUT -p tcp --dport 7946 -j DROP');
    await ok(lab, 'ssh node2 iptables -A INPUT -p tcp --dport 7946 -j DROP');
    await ok(lab, 'docker run -dit --name alpha --network ovnet alpine');
    await ok(lab, 'ssh node2 docker run -dit --name beta --network ovnet alpine');
    expect(lab.query.resolve({ container: 'alpha' }, 'beta')).toBeUndefined();
    expect(lab.query.canReach({ container: 'alpha' }, '10.0.1.5').ok).toBe(false);
  });

  it('leaving the swarm disconnects containers from attachable overlays', async () => {
    const lab = await overlayPair();
    expect(await ok(lab, 'ssh node2 docker swarm leave')).toBe('Node left the swarm.\n');
    expect(lab.query.container('beta')!.endpoints).toEqual([]);
    expect(await ok(lab, 'ssh node2 docker network ls')).not.toMatch(/ovnet|ingress/);
    expect(lab.query.canReach({ container: 'alpha' }, '10.0.1.5').ok).toBe(false);
  });
});

describe('state', () => {
  it('survives a snapshot round trip', async () => {
    const lab = await overlayPair();
    const snap = lab.snapshot();
    const copy = createLab({ seed: 9, hosts: 3 }) as EmulatedLab;
    copy.restore(JSON.parse(JSON.stringify(snap)));
    expect(JSON.stringify(copy.snapshot())).toBe(JSON.stringify(snap));
    expect(await ok(copy, 'docker node ls')).toBe(await ok(lab, 'docker node ls'));
    expect(copy.query.canReach({ container: 'alpha' }, 'beta').ok).toBe(true);
    expect(await ok(copy, 'ssh node2 docker exec beta ping -c 1 alpha')).toBe(await ok(lab, 'ssh node2 docker exec beta ping -c 1 alpha'));
  });

  it('is deterministic: same seed, same commands, same transcript', async () => {
    const transcript = async () => {
      const lab = await overlayPair();
      return [await ok(lab, 'docker node ls'), await ok(lab, 'docker exec alpha ping -c 2 beta'), await ok(lab, 'docker swarm join-token worker')].join('');
    };
    expect(await transcript()).toBe(await transcript());
  });
});
