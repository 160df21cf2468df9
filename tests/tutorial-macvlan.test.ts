/**
 * Docker's "Networking using a macvlan network" tutorial (docs:
 * engine/network/tutorials/macvlan.md) typed into the lab: the bridge example
 * on eth0 and the 802.1Q trunked example on eth0.10, with the tutorial's own
 * subnet (172.16.86.0/24, not the lab LAN's, so no neighbour answers there).
 */
import { describe, expect, it } from 'vitest';
import { createLab } from '../src/emulator/index';
import type { EmulatedLab } from '../src/emulator/lab';
import { ok, sh } from './docker-helpers';


/** Steps 1-5 of either example: create, run, inspect, exec, stop (removed by --rm), remove the network. */
async function example(lab: EmulatedLab, net: string, parent: string, name: string, runFlags: string): Promise<void> {
  expect(await ok(lab, `docker network create -d macvlan --subnet=172.16.86.0/24 --gateway=172.16.86.1 -o parent=${parent} ${net}`)).toMatch(/^[0-9a-f]{64}\n$/);
  expect(await ok(lab, `docker network ls --filter name=${net} --format '{{.Name}} {{.Driver}} {{.Scope}}'`)).toBe(`${net} macvlan local\n`);
  expect(await ok(lab, `docker network inspect -f '{{index .Options "parent"}}' ${net}`)).toBe(`${parent}\n`);
  expect(await ok(lab, `docker run ${runFlags} --network ${net} --name ${name} alpine:latest ash`)).toMatch(/[0-9a-f]{64}\n$/);

  const networks = JSON.parse(await ok(lab, `docker container inspect -f '{{json .NetworkSettings.Networks}}' ${name}`));
  const ep = networks[net];
  expect(ep).toMatchObject({ Gateway: '172.16.86.1', IPAddress: '172.16.86.2', IPPrefixLen: 24 });
  expect(ep.MacAddress).toMatch(/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/);

  const addr = await ok(lab, `docker exec ${name} ip addr show eth0`);
  expect(addr).toMatch(/^\d+: eth0@if\d+: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue state UP \n/);
  expect(addr).toContain(`    link/ether ${ep.MacAddress} brd ff:ff:ff:ff:ff:ff\n    inet 172.16.86.2/24 brd 172.16.86.255 scope global eth0\n`);
  expect(await ok(lab, `docker exec ${name} ip route`)).toBe('default via 172.16.86.1 dev eth0 \n172.16.86.0/24 dev eth0 scope link  src 172.16.86.2 \n');

  expect(await ok(lab, `docker container stop ${name}`)).toBe(`${name}\n`);
  expect(await ok(lab, "docker ps -a --format '{{.Names}}'")).toBe(''); // --rm
  expect(await ok(lab, `docker network rm ${net}`)).toBe(`${net}\n`);
}

describe('tutorial: networking using a macvlan network', () => {
  it('bridge example: my-macvlan-net on eth0, my-macvlan-alpine at 172.16.86.2 with its own MAC', async () => {
    const lab = createLab({ seed: 31 }) as EmulatedLab;
    await example(lab, 'my-macvlan-net', 'eth0', 'my-macvlan-alpine', '--rm -dit');
  });

  it('802.1Q trunked example: Docker creates eth0.10 for my-8021q-macvlan-net and removes it with the network', async () => {
    const lab = createLab({ seed: 32 }) as EmulatedLab;
    expect((await sh(lab, 'ip addr show eth0.10')).err).toBe('Device "eth0.10" does not exist.\n');
    const check = async () => {
      const sub = await ok(lab, 'ip addr show eth0.10');
      expect(sub).toMatch(/^\d+: eth0\.10@eth0: <BROADCAST,MULTICAST,UP,LOWER_UP>/);
    };
    await ok(lab, 'docker network create -d macvlan --subnet=172.16.86.0/24 --gateway=172.16.86.1 -o parent=eth0.10 probe-net');
    await check();
    await ok(lab, 'docker network rm probe-net');
    await example(lab, 'my-8021q-macvlan-net', 'eth0.10', 'my-second-macvlan-alpine', '--rm -itd');
    expect((await sh(lab, 'ip addr show eth0.10')).err).toBe('Device "eth0.10" does not exist.\n');
  });
});
