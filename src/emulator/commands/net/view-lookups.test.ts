import { describe, expect, it } from 'vitest';
import { createLab } from '../../index';
import type { EmulatedLab } from '../../lab';
import type { LabCtx } from '../../world/ctx';
import type { DeviceState, NsState } from '../../net/state';
import { linkViews, routeViews, bridgesOf } from './views';

/*
 * The listings now take the netnsid, a bridge's carrier and a port's number
 * from tables built once (view-lookups.ts). These are the definitions they
 * replace, one scan per question: the views must agree with them everywhere.
 */
function netnsIdByScan(ctx: LabCtx, from: NsState, other: string): number {
  const root = ctx.state.machines[from.machine]?.rootNs;
  if (other === root) return 0;
  const siblings = Object.keys(ctx.state.net.namespaces).filter((id) => ctx.state.net.namespaces[id].machine === from.machine && id !== root);
  return Math.max(0, siblings.indexOf(other));
}

function portsByScan(ctx: LabCtx, bridge: DeviceState): DeviceState[] {
  return Object.values(ctx.state.net.devices).filter((d) => d.master === bridge.id).sort((a, b) => a.ifindex - b.ifindex);
}

function carrierByScan(ctx: LabCtx, dev: DeviceState): boolean {
  if (!dev.up) return false;
  if (dev.kind === 'bridge') return portsByScan(ctx, dev).some((p) => p.up);
  if (dev.kind === 'veth') return !!dev.peer && !!ctx.state.net.devices[dev.peer]?.up;
  const lower = dev.parent ? ctx.state.net.devices[dev.parent] : undefined;
  return dev.parent ? !!lower && carrierByScan(ctx, lower) : true;
}

/** Two hosts whose namespaces are made in turn; bridges with several ports, ports down, a bridge with none, a shared namespace, a macvlan. */
async function busyLab(): Promise<EmulatedLab> {
  const lab = createLab({ seed: 3, hosts: 2 }) as EmulatedLab;
  const quiet = { stdout: () => {}, stderr: () => {} };
  const lines = [
    'docker network create front', 'docker network create back', 'docker network create idle', 'ssh node2 docker network create far',
    'docker run -d --name web --network front nginx', 'ssh node2 docker run -dit --name n2a --network far alpine',
    'docker run -dit --name api --network back alpine', 'docker network connect front api', 'ssh node2 docker run -dit --name n2b alpine',
    'docker run -dit --name side --network container:api alpine', 'docker run -dit --name lone alpine', 'docker run -dit --name c2 --network front alpine',
    'docker run -dit --name gone --network idle alpine', 'docker stop -t 1 gone',
    'docker network create -d macvlan --subnet 192.168.50.0/24 -o parent=eth0 mv', 'docker run -dit --name mvc --network mv alpine',
  ];
  for (const line of lines) expect(await lab.run(line, quiet)).toBe(0);
  // Host ends of veths set down: one of front's ports (its bridge keeps carrier through the others), docker0's only port (it loses it).
  const docker = lab.ctx.state.machines.node1.docker!;
  for (const name of ['c2', 'lone']) {
    const c = Object.values(docker.containers).find((x) => x.name === name)!;
    const eth0 = lab.ctx.ns(c.netnsId!).devices.map((id) => lab.ctx.state.net.devices[id]).find((d) => d.name === 'eth0')!;
    lab.ctx.state.net.devices[eth0.peer!].up = false;
  }
  return lab;
}

describe('ip, bridge and brctl listings (one table per listing, not a scan per device)', () => {
  it('give every device the netnsid, carrier and bridge port number the per-device scans give', async () => {
    const lab = await busyLab();
    const ctx = lab.ctx;
    const seen = { netnsIds: 0, noCarrierBridges: 0, carrierBridges: 0, portNumbers: new Set<string>(), linkdown: 0 };
    for (const ns of Object.values(ctx.state.net.namespaces)) {
      const views = linkViews(ctx, ns, { details: true });
      const devices = ns.devices.map((id) => ctx.state.net.devices[id]).sort((a, b) => a.ifindex - b.ifindex);
      expect(views.map((v) => v.name)).toEqual(devices.map((d) => d.name));
      devices.forEach((dev, i) => {
        const view = views[i];
        const other = [dev.peer, dev.parent].map((id) => (id ? ctx.state.net.devices[id] : undefined)).find((d) => d && d.ns !== ns.id);
        expect(view.linkNetnsId, `${ns.id} ${dev.name}`).toBe(other ? netnsIdByScan(ctx, ns, other.ns) : undefined);
        expect(view.carrier, `${ns.id} ${dev.name}`).toBe(carrierByScan(ctx, dev));
        const bridge = dev.master ? ctx.state.net.devices[dev.master] : undefined;
        const portNo = view.details?.slave?.data?.find(([key]) => key === 'no')?.[2];
        expect(portNo, `${ns.id} ${dev.name}`).toBe(bridge ? `0x${(portsByScan(ctx, bridge).indexOf(dev) + 1).toString(16)}` : undefined);
        if (view.linkNetnsId) seen.netnsIds++;
        if (dev.kind === 'bridge' && dev.up && !view.carrier) seen.noCarrierBridges++;
        if (dev.kind === 'bridge' && view.carrier) seen.carrierBridges++;
        if (portNo) seen.portNumbers.add(String(portNo));
      });
      for (const route of routeViews(ctx, ns)) {
        const dev = ns.devices.map((id) => ctx.state.net.devices[id]).find((d) => d.name === route.dev)!;
        expect(route.linkdown, `${ns.id} ${route.dst}`).toBe(!carrierByScan(ctx, dev));
        if (route.linkdown) seen.linkdown++;
      }
      for (const { dev, ports } of bridgesOf(ctx, ns)) expect(ports).toEqual(portsByScan(ctx, dev).filter((p) => p.ns === ns.id));
    }
    // The lab has what makes the tables matter: netnsids other than 0, an idle bridge, a bridge with several ports.
    expect(seen.netnsIds).toBeGreaterThan(0);
    expect(seen.noCarrierBridges).toBeGreaterThan(1);
    expect(seen.carrierBridges).toBeGreaterThan(1);
    expect(seen.linkdown).toBeGreaterThan(0);
    expect(seen.portNumbers).toContain('0x3');
  });

  it('number the namespaces of each host in creation order, a shared one once', async () => {
    const lab = await busyLab();
    const netnsIds = async (line: string) => {
      let out = '';
      await lab.run(line, { stdout: (t) => (out += t), stderr: (t) => (out += t) });
      return [...out.matchAll(/link-netnsid (\d+)/g)].map((m) => Number(m[1]));
    };
    // node1: web, api (on two networks), lone, c2; side shares api's namespace; gone's was removed; mvc's macvlan is no veth.
    expect(await netnsIds('ip -o link')).toEqual([0, 1, 1, 2, 3]);
    // node2's namespaces were made between node1's: its own count starts at 0.
    expect(await netnsIds('ssh node2 ip -o link')).toEqual([0, 1]);
  });
});
