/**
 * One network document for `docker network inspect` and `docker inspect`,
 * the swarm extras on overlay networks, and what `docker network prune`
 * never removes (predefined networks, the routing-mesh ingress network).
 */
import { describe, expect, it } from 'vitest';
import { createLab } from '../src/emulator/index';
import type { EmulatedLab } from '../src/emulator/lab';
import { sh } from './helpers/engine';

describe('docker inspect NET is docker network inspect NET', () => {
  it('prints the same document for a predefined and a user network', async () => {
    const lab = createLab({ seed: 3 }) as EmulatedLab;
    await sh(lab, 'docker network create appnet');
    await sh(lab, 'docker run -dit --name web --network appnet alpine');
    for (const name of ['bridge', 'appnet']) {
      const a = await sh(lab, `docker network inspect ${name}`);
      const b = await sh(lab, `docker inspect ${name}`);
      expect(b.status).toBe(0);
      expect(b.out).toBe(a.out);
    }
  });
});

describe('swarm networks', () => {
  it('network prune leaves ingress (and the predefined networks) alone', async () => {
    const lab = createLab({ seed: 4 }) as EmulatedLab;
    expect((await sh(lab, 'docker swarm init')).status).toBe(0);
    await sh(lab, 'docker network create spare');
    const r = await sh(lab, 'docker network prune -f');
    expect(r.out).toBe('Deleted Networks:\nspare\n\n');
    const ls = (await sh(lab, 'docker network ls --format {{.Name}}')).out.split('\n');
    expect(ls).toEqual(expect.arrayContaining(['bridge', 'host', 'none', 'ingress']));
  });

  it('network inspect of an overlay in use here shows its load balancer endpoint and Peers', async () => {
    const lab = createLab({ seed: 5 }) as EmulatedLab;
    await sh(lab, 'docker swarm init');
    await sh(lab, 'docker network create -d overlay --attachable ovnet');
    expect((await sh(lab, 'docker run -dit --name alpha --network ovnet alpine')).status).toBe(0);
    const doc = JSON.parse((await sh(lab, 'docker network inspect ovnet')).out)[0];
    expect(Object.keys(doc).slice(-2)).toEqual(['Labels', 'Peers']);
    expect(doc.Peers).toEqual([{ Name: expect.stringMatching(/^[0-9a-f]{12}$/), IP: '192.168.1.11' }]);
    expect(doc.Containers['lb-ovnet']).toMatchObject({ Name: 'ovnet-endpoint', IPv6Address: '' });
    expect(Object.values(doc.Containers).map((c) => (c as { Name: string }).Name)).toContain('alpha');
    expect((await sh(lab, 'docker inspect ovnet')).out).toBe((await sh(lab, 'docker network inspect ovnet')).out);
  });

  it('a local network has no Peers key', async () => {
    const lab = createLab({ seed: 6 }) as EmulatedLab;
    const doc = JSON.parse((await sh(lab, 'docker network inspect bridge')).out)[0];
    expect(doc).not.toHaveProperty('Peers');
  });
});
