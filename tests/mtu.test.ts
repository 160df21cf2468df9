/**
 * The MTU in the packet path (src/emulator/net/mtu.ts): `ip link set DEV
 * mtu N`, packets fragmented to the egress MTU, frames longer than the
 * receiver's MTU dropped without a word — and the overlay black hole that
 * follows when a node's NIC is smaller than VXLAN's 1500-byte frames.
 */
import { describe, expect, it } from 'vitest';
import { createLab } from '../src/emulator/index';
import type { Lab } from '../src/emulator/api';

async function sh(lab: Lab, line: string): Promise<{ out: string; err: string; status: number }> {
  let out = '';
  let err = '';
  const status = await lab.run(line, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { out, err, status };
}

async function all(lab: Lab, lines: string[]): Promise<void> {
  for (const line of lines) {
    const r = await sh(lab, line);
    expect(r.status, `${line}: ${r.err}`).toBe(0);
  }
}

describe('ip link set DEV mtu N', () => {
  it('changes the MTU that ip link shows', async () => {
    const lab = await createLab({ seed: 1 });
    expect((await sh(lab, 'ip link set eth0 mtu 1400')).status).toBe(0);
    expect((await sh(lab, 'ip link show eth0')).out).toMatch(/^2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1400 qdisc fq_codel state UP/);
  });

  it('refuses bad values the way iproute2 and the kernel do, and leaves the MTU alone', async () => {
    const lab = await createLab({ seed: 1 });
    expect(await sh(lab, 'ip link set eth0 mtu abc')).toEqual({ out: '', err: 'Error: argument "abc" is wrong: Invalid "mtu" value\n', status: 255 });
    expect(await sh(lab, 'ip link set eth0 mtu 20')).toEqual({ out: '', err: 'Error: mtu less than device minimum.\n', status: 2 });
    expect(await sh(lab, 'ip link set eth0 mtu 70000')).toEqual({ out: '', err: 'Error: mtu greater than device maximum.\n', status: 2 });
    expect((await sh(lab, 'ip link show eth0')).out).toContain(' mtu 1500 ');
  });

  it('needs NET_ADMIN in a container', async () => {
    const lab = await createLab({ seed: 1 });
    await all(lab, ['docker run -dit --name box alpine']);
    const r = await sh(lab, 'docker exec box ip link set eth0 mtu 1400');
    // BusyBox sets the MTU with an ioctl and dies with its perror (exit 1): see tests/mtu-bounds.test.ts
    expect(r).toEqual({ out: '', err: 'ip: SIOCSIFMTU: Operation not permitted\n', status: 1 });
    expect((await sh(lab, 'docker exec box ip link show eth0')).out).toContain(' mtu 1500 ');
  });
});

describe('a smaller MTU on one end of a link', () => {
  it('loses large replies and keeps small ones; sending large is fine (fragmented)', async () => {
    const lab = await createLab({ seed: 1 });
    await all(lab, ['ip link set eth0 mtu 1400']);
    // 1300 data bytes: a 1328-byte reply fits node1's 1400.
    expect((await sh(lab, 'ping -c1 -s 1300 192.168.1.1')).out).toContain('1308 bytes from 192.168.1.1: icmp_seq=1');
    // 1400 data bytes: the request leaves in fragments, the router's 1428-byte reply does not fit.
    const big = await sh(lab, 'ping -c1 -s 1400 192.168.1.1');
    expect(big.status).toBe(1);
    expect(big.out).toContain('1 packets transmitted, 0 received, 100% packet loss');
    await all(lab, ['ip link set eth0 mtu 1500']);
    expect((await sh(lab, 'ping -c1 -s 1400 192.168.1.1')).out).toContain('1408 bytes from 192.168.1.1');
  });
});

describe('an overlay over a node whose NIC is too small for VXLAN', () => {
  async function overlayLab(): Promise<Lab> {
    const lab = await createLab({ seed: 3, hosts: 3 });
    await all(lab, [
      'docker swarm init',
      'ssh node2 docker swarm join --token $(docker swarm join-token -q worker) 192.168.1.11:2377',
      'ssh node3 docker swarm join --token $(docker swarm join-token -q worker) 192.168.1.11:2377',
      'docker network create -d overlay --attachable --subnet 10.30.0.0/24 appnet',
      'docker run -d --name api --network appnet nginx',
      'ssh node3 docker run -dit --name client --network appnet alpine',
    ]);
    return lab;
  }

  it('passes full-size packets while every NIC has MTU 1500 (overlay 1450 + 50 bytes of VXLAN)', async () => {
    const lab = await overlayLab();
    expect(lab.query.canReach({ container: 'client' }, 'api', 80, 'tcp', 100_000)).toEqual({ ok: true, reason: 'client connects to api (10.30.0.3):80 and receives 100000 bytes' });
    expect((await sh(lab, 'ssh node3 docker exec client ping -c1 -s 1422 api')).out).toContain('1430 bytes from 10.30.0.3');
  });

  it('loses what does not fit node3 once its NIC has MTU 1400: pings and handshakes pass, downloads do not', async () => {
    const lab = await overlayLab();
    await all(lab, ['ssh node3 ip link set eth0 mtu 1400']);
    expect(lab.query.canReach({ container: 'client' }, 'api', 80).ok).toBe(true);
    expect(lab.query.canReach({ container: 'client' }, 'api', 80, 'tcp', 100_000)).toEqual({
      ok: false,
      reason: 'client connects to api (10.30.0.3):80, but 100000 bytes from it do not get through: it is longer than the MTU of eth0 on node3, which drops it',
    });
    // 1300 data bytes: 1328 inside, 1378 as VXLAN — fits. 1400: 1478 does not.
    expect((await sh(lab, 'ssh node3 docker exec client ping -c1 -s 1300 api')).out).toContain('1308 bytes from 10.30.0.3');
    expect((await sh(lab, 'ssh node3 docker exec client ping -c1 -s 1400 api')).out).toContain('1 packets transmitted, 0 packets received, 100% packet loss');
    // MTU 1450 on the NIC, the overlay's own MTU, is still 50 bytes short.
    await all(lab, ['ssh node3 ip link set eth0 mtu 1450']);
    expect(lab.query.canReach({ container: 'client' }, 'api', 80, 'tcp', 100_000).ok).toBe(false);
    await all(lab, ['ssh node3 ip link set eth0 mtu 1500']);
    expect(lab.query.canReach({ container: 'client' }, 'api', 80, 'tcp', 100_000).ok).toBe(true);
  });

  it('a small download fits in small segments even over the small NIC', async () => {
    const lab = await overlayLab();
    await all(lab, ['ssh node3 ip link set eth0 mtu 1400']);
    expect(lab.query.canReach({ container: 'client' }, 'api', 80, 'tcp', 900).ok).toBe(true);
  });
});

describe('an overlay created for a smaller underlay', () => {
  it('--opt com.docker.network.driver.mtu=1400 gives its devices 1350, and full-size packets fit a 1400 NIC', async () => {
    const lab = await createLab({ seed: 3, hosts: 3 });
    await all(lab, [
      'docker swarm init',
      'ssh node3 docker swarm join --token $(docker swarm join-token -q worker) 192.168.1.11:2377',
      'ssh node3 ip link set eth0 mtu 1400',
      'docker network create -d overlay --attachable --opt com.docker.network.driver.mtu=1400 small',
      'docker run -d --name api --network small nginx',
      'ssh node3 docker run -dit --name client --network small alpine',
    ]);
    expect((await sh(lab, 'ssh node3 docker exec client ip link show eth0')).out).toContain(' mtu 1350 ');
    expect((await sh(lab, "docker network inspect -f '{{index .Options \"com.docker.network.driver.mtu\"}}' small")).out).toBe('1400\n');
    expect(lab.query.canReach({ container: 'client' }, 'api', 80, 'tcp', 100_000).ok).toBe(true);
    expect((await sh(lab, 'ssh node3 docker exec client ping -c1 -s 1322 api')).out).toContain('1330 bytes from');
  });
});

describe('ping -M do (iputils): no fragmenting', () => {
  it('refuses locally what does not fit the first hop, per probe, and passes what does', async () => {
    const lab = await createLab({ seed: 1 });
    await all(lab, ['ip link set eth0 mtu 1400']);
    const big = await sh(lab, 'ping -c2 -M do -s 1472 192.168.1.1');
    expect(big.status).toBe(1);
    expect(big.out).toContain('PING 192.168.1.1 (192.168.1.1) 1472(1500) bytes of data.\n');
    expect(big.err).toBe('ping: local error: message too long, mtu=1400\n'.repeat(2));
    expect(big.out).toContain('2 packets transmitted, 0 received, +2 errors, 100% packet loss');
    expect((await sh(lab, 'ping -c1 -M do -s 1372 192.168.1.1')).out).toContain('1380 bytes from 192.168.1.1');
  });

  it('checks its argument; BusyBox has no -M', async () => {
    const lab = await createLab({ seed: 1 });
    expect(await sh(lab, 'ping -c1 -M maybe 192.168.1.1')).toEqual({ out: '', err: 'ping: invalid -M argument: maybe\n', status: 2 });
    await all(lab, ['docker run -dit --name box alpine']);
    expect(await sh(lab, 'docker exec box ping -c1 -M do 192.168.1.1')).toMatchObject({ err: "ping: invalid option -- 'M'\n", status: 1 });
  });
});

describe('ping option values in the same word', () => {
  it('takes -c1 -W1 -s1000 as getopt does', async () => {
    const lab = await createLab({ seed: 1 });
    const r = await sh(lab, 'ping -c1 -W1 -s1000 192.168.1.1');
    expect(r.status).toBe(0);
    expect(r.out).toContain('1008 bytes from 192.168.1.1: icmp_seq=1');
  });
});
