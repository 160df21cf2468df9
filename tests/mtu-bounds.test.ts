/**
 * `ip link set DEV mtu N` is held to the device's own bounds, the ones
 * `ip -d link` prints as minmtu/maxmtu (net/mtu-bounds.ts): the host's e1000
 * stops at 16110, veth and bridges at 65535, lo has no maximum. iproute2
 * shows the kernel's extack (exit 2); BusyBox's applet uses ioctls and
 * prints their perror (exit 1).
 */
import { describe, expect, it } from 'vitest';
import { createLab } from '../src/emulator/index';
import type { EmulatedLab } from '../src/emulator/lab';
import { ok, setup, sh } from './docker-helpers';

function lab(): EmulatedLab {
  return createLab({ seed: 1 }) as EmulatedLab;
}

/** minmtu and maxmtu as `ip -d link show DEV` prints them. */
async function printedBounds(l: EmulatedLab, dev: string, prefix = ''): Promise<[number, number]> {
  const m = /minmtu (\d+) maxmtu (\d+)/.exec(await ok(l, `${prefix}ip -d link show ${dev}`));
  if (!m) throw new Error(`no minmtu/maxmtu for ${dev}`);
  return [Number(m[1]), Number(m[2])];
}

const mtuOf = async (l: EmulatedLab, dev: string, prefix = '') => Number(/ mtu (\d+) /.exec(await ok(l, `${prefix}ip link show ${dev}`))?.[1]);

describe('MTU bounds per device', () => {
  it("the host's e1000: 16110 is the most, as ip -d link says", async () => {
    const l = lab();
    expect(await printedBounds(l, 'eth0')).toEqual([68, 16110]);
    expect(await sh(l, 'ip link set eth0 mtu 20000')).toEqual({ out: '', err: 'Error: mtu greater than device maximum.\n', code: 2 });
    expect(await sh(l, 'ip link set eth0 mtu 16111')).toMatchObject({ err: 'Error: mtu greater than device maximum.\n', code: 2 });
    expect(await sh(l, 'ip link set eth0 mtu 67')).toEqual({ out: '', err: 'Error: mtu less than device minimum.\n', code: 2 });
    expect(await mtuOf(l, 'eth0')).toBe(1500);
    await setup(l, 'ip link set eth0 mtu 16110');
    expect(await mtuOf(l, 'eth0')).toBe(16110);
  });

  it('every device is held to exactly the bounds it prints (edges accepted, one past refused)', async () => {
    const l = lab();
    await setup(l, 'docker run -d --name web nginx', 'ip link add vl0 link eth0 type vlan id 5', 'ip link add mv0 link eth0 type macvlan mode bridge', 'ip link add dm0 type dummy');
    const veth = /^\d+: (veth\w+)@/m.exec(await ok(l, 'ip link show'))?.[1];
    expect(veth).toBeDefined();
    for (const dev of ['eth0', 'docker0', veth!, 'vl0', 'mv0', 'dm0', 'lo']) {
      const [min, max] = await printedBounds(l, dev);
      if (min > 0) expect((await sh(l, `ip link set ${dev} mtu ${min - 1}`)).err, dev).toBe('Error: mtu less than device minimum.\n');
      expect((await sh(l, `ip link set ${dev} mtu ${Math.max(min, 68)}`)).code, dev).toBe(0);
      if (max > 0) {
        expect((await sh(l, `ip link set ${dev} mtu ${max + 1}`)).err, dev).toBe('Error: mtu greater than device maximum.\n');
        expect((await sh(l, `ip link set ${dev} mtu ${max}`)).code, dev).toBe(0);
        expect(await mtuOf(l, dev), dev).toBe(max);
      } else {
        expect((await sh(l, `ip link set ${dev} mtu 100000`)).code, `${dev} has no maximum`).toBe(0);
      }
    }
  });

  it("BusyBox's ip: the ioctl's error, exit 1", async () => {
    const l = lab();
    await setup(l, 'docker run -dit --name bb --cap-add NET_ADMIN alpine');
    expect(await printedBounds(l, 'docker0')).toEqual([68, 65535]);
    expect(await sh(l, 'docker exec bb ip link set eth0 mtu 65536')).toEqual({ out: '', err: 'ip: SIOCSIFMTU: Invalid argument\n', code: 1 });
    expect(await sh(l, 'docker exec bb ip link set eth0 mtu 10')).toEqual({ out: '', err: 'ip: SIOCSIFMTU: Invalid argument\n', code: 1 });
    expect(await sh(l, 'docker exec bb ip link set eth0 mtu abc')).toEqual({ out: '', err: "ip: invalid argument 'abc' to 'mtu'\n", code: 1 });
    await setup(l, 'docker exec bb ip link set eth0 mtu 9000');
    expect(await mtuOf(l, 'eth0', 'docker exec bb ')).toBe(9000);
  });

  it('BusyBox without NET_ADMIN: refused by the ioctl that would change something', async () => {
    const l = lab();
    await setup(l, 'docker run -dit --name b2 alpine');
    expect(await sh(l, 'docker exec b2 ip link set eth0 down')).toEqual({ out: '', err: 'ip: SIOCSIFFLAGS: Operation not permitted\n', code: 1 });
    expect(await ok(l, 'docker exec b2 ip link show eth0')).toMatch(/<[^>]*\bUP\b/);
    // already up: do_chflags sees nothing to change and makes no SIOCSIFFLAGS call
    expect((await sh(l, 'docker exec b2 ip link set eth0 up')).code).toBe(0);
  });
});
