/**
 * The packet path through the model: reachability comes from routes, ARP,
 * bridges and netfilter — never from "same network means reachable".
 */
import { describe, expect, it } from 'vitest';
import { network, newLab, run, sh } from './helpers/engine';

describe('default bridge', () => {
  it('gives containers 172.17.0.2 and .3; they reach each other by IP but not by name', () => {
    const lab = newLab();
    const a = run(lab, { name: 'alpine1' });
    const b = run(lab, { name: 'alpine2' });
    expect(a.networks.bridge.ip).toBe('172.17.0.2');
    expect(b.networks.bridge.ip).toBe('172.17.0.3');
    expect(lab.query.canReach({ container: 'alpine1' }, '172.17.0.3').ok).toBe(true);
    const byName = lab.query.canReach({ container: 'alpine1' }, 'alpine2');
    expect(byName.ok).toBe(false);
    expect(byName.reason).toMatch(/does not resolve/);
  });

  it('reaches the internet through MASQUERADE and the LAN router', () => {
    const lab = newLab();
    run(lab, { name: 'c1' });
    expect(lab.query.canReach({ container: 'c1' }, 'google.com').ok).toBe(true);
    expect(lab.query.canReach({ container: 'c1' }, '192.168.1.1').ok).toBe(true);
  });
});

describe('user-defined bridges', () => {
  it('resolve names through 127.0.0.11 and isolate networks from each other', () => {
    const lab = newLab();
    network(lab, { name: 'alpine-net' });
    run(lab, { name: 'alpine1', networkMode: 'alpine-net' });
    run(lab, { name: 'alpine2', networkMode: 'alpine-net' });
    run(lab, { name: 'alpine3' });
    expect(lab.query.container('alpine1')!.endpoints[0].ip).toBe('172.18.0.2');
    expect(lab.query.canReach({ container: 'alpine1' }, 'alpine2').ok).toBe(true);
    expect(lab.query.resolve({ container: 'alpine1' }, 'alpine2')).toBe('172.18.0.3');
    const isolated = lab.query.canReach({ container: 'alpine3' }, '172.18.0.2');
    expect(isolated.ok).toBe(false);
    expect(isolated.reason).toMatch(/firewall rule on node1 drops it/);
  });

  it('an --internal network has no way out', () => {
    const lab = newLab();
    network(lab, { name: 'secret', internal: true });
    run(lab, { name: 'vault', networkMode: 'secret' });
    expect(lab.query.canReach({ container: 'vault' }, '8.8.8.8').ok).toBe(false);
  });
});

describe('published ports', () => {
  it('make nginx reachable from the laptop and the host, and nowhere without -p', () => {
    const lab = newLab();
    run(lab, { name: 'web', image: 'nginx', cmd: [], portBindings: { '80/tcp': [{ hostIp: '', hostPort: '8080' }] } });
    run(lab, { name: 'hidden', image: 'nginx', cmd: [] });
    expect(lab.query.canReach({ laptop: true }, '192.168.1.11', 8080).ok).toBe(true);
    expect(lab.query.canReach({ host: 'node1' }, '127.0.0.1', 8080).ok).toBe(true);
    expect(lab.query.canReach({ laptop: true }, '192.168.1.11', 80).ok).toBe(false);
    expect(lab.query.canReach({ host: 'node1' }, '172.17.0.3', 80).ok).toBe(true);
  });

  it('a DOCKER-USER DROP rule blocks the published port', async () => {
    const lab = newLab();
    run(lab, { name: 'web', image: 'nginx', cmd: [], portBindings: { '80/tcp': [{ hostIp: '', hostPort: '8080' }] } });
    const r = await sh(lab, 'iptables -I DOCKER-USER -s 192.168.1.50 -j DROP');
    expect(r.status).toBe(0);
    const probe = lab.query.canReach({ laptop: true }, '192.168.1.11', 8080);
    expect(probe.ok).toBe(false);
    expect(probe.reason).toMatch(/DOCKER-USER/);
  });
});

describe('host and none', () => {
  it('none has only lo; host shares the host namespace', async () => {
    const lab = newLab();
    run(lab, { name: 'loner', networkMode: 'none' });
    const c = run(lab, { name: 'hosty', networkMode: 'host', image: 'nginx', cmd: [] });
    expect(lab.query.canReach({ container: 'loner' }, '8.8.8.8').ok).toBe(false);
    expect(c.netnsId).toBe(lab.ctx.rootNs('node1').id);
    expect(lab.query.canReach({ laptop: true }, '192.168.1.11', 80).ok).toBe(true);
  });
});

describe('the host shell', () => {
  it('pings the internet with iputils output', async () => {
    const lab = newLab();
    const r = await sh(lab, 'ping -c 2 google.com');
    expect(r.out).toMatch(/^PING google.com \(142\.250\.185\.78\) 56\(84\) bytes of data\.\n64 bytes from/);
    expect(r.out).toContain('2 packets transmitted, 2 received, 0% packet loss');
    expect(r.status).toBe(0);
  });

  it('stops a ping without -c after the time limit', async () => {
    const lab = newLab();
    const r = await sh(lab, 'ping 192.168.1.50');
    expect(r.out).toContain('--- 192.168.1.50 ping statistics ---\n4 packets transmitted, 4 received');
  });

  it('is deterministic for a seed', async () => {
    const a = await sh(newLab(5), 'ip a');
    const b = await sh(newLab(5), 'ip a');
    const c = await sh(newLab(6), 'ip a');
    expect(a.out).toBe(b.out);
    expect(a.out).not.toBe(c.out);
  });
});
