/**
 * Interface names in a container's sandbox follow libnetwork's per-sandbox
 * counter (osl Namespace.nextIfIndex): a disconnect never frees a name for
 * reuse, and a restart (a new sandbox) counts from eth0 again.
 */
import { describe, expect, it } from 'vitest';
import { newLab, sh } from '../../../tests/helpers/engine';

async function links(lab: ReturnType<typeof newLab>, c: string): Promise<string[]> {
  const r = await sh(lab, `docker exec ${c} ip a`);
  return [...r.out.matchAll(/^\d+: (eth\d+)@/gm)].map((m) => m[1]);
}

describe('sandbox interface names', () => {
  it('connect net1, net2, disconnect net1, connect net3 gives eth1 and eth2, not two eth1', async () => {
    const lab = newLab(8);
    for (const n of ['net1', 'net2', 'net3']) await sh(lab, `docker network create ${n}`);
    await sh(lab, 'docker run -dit --name box --network net1 alpine');
    expect((await sh(lab, 'docker network connect net2 box')).status).toBe(0);
    expect((await sh(lab, 'docker network disconnect net1 box')).status).toBe(0);
    expect((await sh(lab, 'docker network connect net3 box')).status).toBe(0);
    expect(await links(lab, 'box')).toEqual(['eth1', 'eth2']);
  });

  it('disconnecting the newest interface does not free its name either', async () => {
    const lab = newLab(9);
    for (const n of ['net1', 'net2', 'net3']) await sh(lab, `docker network create ${n}`);
    await sh(lab, 'docker run -dit --name box --network net1 alpine');
    await sh(lab, 'docker network connect net2 box');
    await sh(lab, 'docker network disconnect net2 box');
    await sh(lab, 'docker network connect net3 box');
    expect(await links(lab, 'box')).toEqual(['eth0', 'eth2']);
  });

  it('a restart builds a new sandbox that counts from eth0', async () => {
    const lab = newLab(10);
    for (const n of ['net1', 'net2']) await sh(lab, `docker network create ${n}`);
    await sh(lab, 'docker run -dit --name box --network net1 alpine');
    await sh(lab, 'docker network connect net2 box');
    await sh(lab, 'docker network disconnect net1 box');
    expect(await links(lab, 'box')).toEqual(['eth1']);
    expect((await sh(lab, 'docker restart box')).status).toBe(0);
    expect(await links(lab, 'box')).toEqual(['eth0']);
  });
});
