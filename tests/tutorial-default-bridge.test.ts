/**
 * Docker's "Networking with standalone containers" tutorial, default bridge
 * part (docs: engine/network/tutorials/standalone.md), typed into the lab.
 * The network commands of the tutorial are covered by their own tests.
 */
import { describe, expect, it } from 'vitest';
import { createLab, DETACH_SEQUENCE } from '../src/emulator/index';
import { setup, sh } from './docker-helpers';

describe('tutorial: the default bridge network', () => {
  it('runs alpine1 and alpine2, pings by IP but not by name, detaches and cleans up', async () => {
    const lab = createLab({ seed: 1 });
    await setup(lab, 'docker run -dit --name alpine1 alpine ash', 'docker run -dit --name alpine2 alpine ash', 'sleep 3');
    const ls = (await sh(lab, 'docker container ls')).out.split('\n');
    expect(ls[0]).toBe('CONTAINER ID   IMAGE     COMMAND   CREATED         STATUS         PORTS     NAMES');
    expect(ls[1]).toMatch(/^[0-9a-f]{12}   alpine    "ash"     3 seconds ago   Up 3 seconds             alpine2$/);
    expect(ls[2]).toMatch(/^[0-9a-f]{12}   alpine    "ash"     3 seconds ago   Up 3 seconds             alpine1$/);

    await setup(lab, 'docker attach alpine1');
    expect(lab.prompt()).toBe('/ # ');
    expect((await sh(lab, 'ip addr show')).out).toContain('inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0');
    const byIp = await sh(lab, 'ping -c 2 172.17.0.3');
    expect(byIp.code).toBe(0);
    expect(byIp.out).toContain('2 packets transmitted, 2 packets received, 0% packet loss');
    expect(await sh(lab, 'ping -c 2 alpine2')).toEqual({ out: '', err: "ping: bad address 'alpine2'\n", code: 1 });

    expect((await sh(lab, DETACH_SEQUENCE)).out).toBe('read escape sequence\n');
    expect(lab.prompt()).toBe('root@node1:~# ');
    expect((await sh(lab, "docker ps --format '{{.Names}}'")).out).toBe('alpine2\nalpine1\n');

    expect((await sh(lab, 'docker container stop alpine1 alpine2')).out).toBe('alpine1\nalpine2\n');
    expect((await sh(lab, 'docker container rm alpine1 alpine2')).out).toBe('alpine1\nalpine2\n');
    expect((await sh(lab, 'docker ps -aq')).out).toBe('');
  });
});
