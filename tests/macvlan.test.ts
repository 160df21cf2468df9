/**
 * macvlan and ipvlan networks on the lab's LAN (192.168.1.0/24, router .1,
 * node1 .11, laptop .50), 802.1Q sub-interfaces, and the `ip` commands of the
 * macvlan shim. Reachability always comes from frames really crossing the
 * model (switch, macvlan/ipvlan receive handlers, ARP), never from a rule.
 */
import { describe, expect, it } from 'vitest';
import { network, newLab, run, sh } from './helpers/engine';
import { createNetwork, removeNetwork } from '../src/emulator/docker/networks';
import { findNetwork } from '../src/emulator/docker/lookup';
import { deviceByName } from '../src/emulator/net/netns';
import { sendFromHost } from '../src/emulator/net/stack';
import type { EmulatedLab } from '../src/emulator/lab';
import type { Frame } from '../src/emulator/net/packet';

const PUBNET = {
  name: 'pubnet', driver: 'macvlan', subnet: '192.168.1.0/24', gateway: '192.168.1.1',
  ipRange: '192.168.1.192/27', auxAddresses: { host: '192.168.1.223' }, options: { parent: 'eth0' },
};

const SHIM = [
  'ip link add mac0 link eth0 type macvlan mode bridge',
  'ip addr add 192.168.1.223/32 dev mac0',
  'ip link set mac0 up',
  'ip route add 192.168.1.192/27 dev mac0',
];

function pubnetLab(): EmulatedLab {
  const lab = newLab();
  network(lab, PUBNET);
  run(lab, { name: 'web', image: 'nginx', cmd: [], networkMode: 'pubnet' });
  run(lab, { name: 'probe', networkMode: 'pubnet' });
  return lab;
}

function createError(lab: EmulatedLab, o: Parameters<typeof createNetwork>[2], machine = 'node1'): string {
  const r = createNetwork(lab.ctx, machine, o);
  return 'daemonError' in r ? r.daemonError : `created ${r.name}`;
}

function hostHas(lab: EmulatedLab, name: string, machine = 'node1'): boolean {
  return !!deviceByName(lab.ctx.state.net, lab.ctx.rootNs(machine), name);
}

describe('macvlan (bridge mode) on eth0', () => {
  it('puts containers on the LAN: the laptop and a sibling reach them, their own host does not', () => {
    const lab = pubnetLab();
    expect(lab.query.container('web')!.endpoints[0].ip).toBe('192.168.1.192');
    expect(lab.query.container('probe')!.endpoints[0].ip).toBe('192.168.1.193');
    expect(lab.query.canReach({ laptop: true }, '192.168.1.192', 80).ok).toBe(true);
    expect(lab.query.canReach({ container: 'probe' }, '192.168.1.192', 80).ok).toBe(true);
    const fromHost = lab.query.canReach({ host: 'node1' }, '192.168.1.192', 80);
    expect(fromHost.ok).toBe(false);
    expect(fromHost.reason).toContain('192.168.1.192 is on a macvlan interface whose parent is eth0');
    expect(fromHost.reason).toContain('shim');
    const toHost = lab.query.canReach({ container: 'probe' }, '192.168.1.11');
    expect(toHost.ok).toBe(false);
    expect(toHost.reason).toContain('belongs to the host whose eth0 is the parent of this macvlan interface');
  });

  it('reaches the internet through the LAN router, with no NAT of its own on the host', async () => {
    const lab = pubnetLab();
    expect(lab.query.canReach({ container: 'probe' }, 'google.com').ok).toBe(true);
    expect((await sh(lab, 'docker exec probe ip route')).out).toBe('default via 192.168.1.1 dev eth0 \n192.168.1.0/24 dev eth0 scope link  src 192.168.1.193 \n');
    const nat = await sh(lab, 'iptables -t nat -S POSTROUTING');
    expect(nat.out).not.toContain('192.168.1');
  });

  it('the macvlan shim gives the host a way in (and the container a way to the host)', async () => {
    const lab = pubnetLab();
    for (const line of SHIM) expect(await sh(lab, line)).toEqual({ out: '', err: '', status: 0 });
    expect(lab.query.canReach({ host: 'node1' }, '192.168.1.192', 80).ok).toBe(true);
    expect(lab.query.canReach({ container: 'probe' }, '192.168.1.223').ok).toBe(true);
    const addr = (await sh(lab, 'ip addr show mac0')).out;
    expect(addr).toMatch(/^\d+: mac0@eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000\n/);
    expect(addr).toContain('    inet 192.168.1.223/32 scope global mac0\n');
    expect((await sh(lab, 'ip route')).out).toContain('192.168.1.192/27 dev mac0 scope link \n');
  });

  it('a shim in vepa mode — the kernel default — does not help', async () => {
    const lab = pubnetLab();
    const lines = ['ip link add mac0 link eth0 type macvlan', ...SHIM.slice(1)];
    for (const line of lines) expect((await sh(lab, line)).status).toBe(0);
    const r = lab.query.canReach({ host: 'node1' }, '192.168.1.192');
    expect(r.ok).toBe(false);
    expect(r.reason).toContain('vepa mode');
  });

  it('shows the container interface as eth0@if2 with a random MAC of its own', async () => {
    const lab = pubnetLab();
    const mac = lab.query.container('probe')!.endpoints[0].mac;
    const hostEth0 = deviceByName(lab.ctx.state.net, lab.ctx.rootNs('node1'), 'eth0')!;
    expect(hostEth0.ifindex).toBe(2);
    expect(mac).not.toBe(hostEth0.mac);
    expect(mac).not.toMatch(/^02:42:/);
    const link = (await sh(lab, 'docker exec probe ip link show eth0')).out;
    expect(link).toBe(`5: eth0@if2: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue state UP \n    link/ether ${mac} brd ff:ff:ff:ff:ff:ff\n`);
  });

  it('does not show PROMISC on the parent (internal promiscuity is not reported); ip link set promisc on does', async () => {
    const lab = pubnetLab();
    expect((await sh(lab, 'ip link show eth0')).out).toContain('2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500');
    expect((await sh(lab, 'ip link set eth0 promisc on')).status).toBe(0);
    expect((await sh(lab, 'ip link show eth0')).out).toContain('2: eth0: <BROADCAST,MULTICAST,PROMISC,UP,LOWER_UP> mtu 1500');
  });

  it('records the driver, the -o options as given, and the IPAM settings', () => {
    const lab = newLab();
    network(lab, PUBNET);
    network(lab, { name: 'bridged', driver: 'macvlan', subnet: '10.10.0.0/24', options: { parent: 'eth0', macvlan_mode: 'bridge' } });
    const docker = lab.ctx.docker('node1');
    const pub = findNetwork(docker, 'pubnet');
    const bridged = findNetwork(docker, 'bridged');
    if ('daemonError' in pub || 'daemonError' in bridged) throw new Error('missing network');
    expect(pub.driver).toBe('macvlan');
    expect(pub.options.parent).toBe('eth0');
    expect('macvlan_mode' in pub.options).toBe(false);
    expect(bridged.options.macvlan_mode).toBe('bridge');
    expect(pub.ipam.config).toEqual([{ subnet: '192.168.1.0/24', gateway: '192.168.1.1', ipRange: '192.168.1.192/27', auxAddresses: { host: '192.168.1.223' } }]);
    expect(bridged.ipam.config![0].gateway).toBe('10.10.0.1');
  });

  it('without --subnet takes the next local pool from IPAM, like any local network', () => {
    const lab = newLab();
    network(lab, { name: 'auto', driver: 'macvlan', options: { parent: 'eth0' } });
    expect(lab.query.networks('node1').find((n) => n.name === 'auto')).toMatchObject({ subnets: ['172.18.0.0/16'], gateways: ['172.18.0.1'] });
  });

  it('without a parent uses a dm- dummy: containers talk to each other, not to the world', async () => {
    const lab = newLab();
    network(lab, { name: 'iso', driver: 'macvlan' });
    run(lab, { name: 'x1', networkMode: 'iso' });
    run(lab, { name: 'x2', networkMode: 'iso' });
    const net = findNetwork(lab.ctx.docker('node1'), 'iso');
    if ('daemonError' in net) throw new Error(net.daemonError);
    const dummy = `dm-${net.id.slice(0, 12)}`;
    expect(hostHas(lab, dummy)).toBe(true);
    expect(net.ipam.config![0].gateway).toBeUndefined();
    expect(lab.query.canReach({ container: 'x1' }, lab.query.container('x2')!.endpoints[0].ip).ok).toBe(true);
    expect(lab.query.canReach({ container: 'x1' }, '8.8.8.8').ok).toBe(false);
    expect((await sh(lab, 'docker rm -f x1 x2')).status).toBe(0);
    expect((await sh(lab, 'docker network rm iso')).status).toBe(0);
    expect(hostHas(lab, dummy)).toBe(false);
  });
});

describe('802.1Q sub-interfaces', () => {
  it('-o parent=eth0.10 creates eth0.10@eth0 with the network and deletes it with the network', async () => {
    const lab = newLab();
    network(lab, { name: 'vlan10', driver: 'macvlan', subnet: '192.168.10.0/24', gateway: '192.168.10.1', options: { parent: 'eth0.10' } });
    const link = (await sh(lab, 'ip a show eth0.10')).out;
    expect(link).toMatch(/^\d+: eth0\.10@eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default \n/);
    expect(deviceByName(lab.ctx.state.net, lab.ctx.rootNs('node1'), 'eth0.10')!.vlanId).toBe(10);
    expect((await sh(lab, 'docker network rm vlan10')).status).toBe(0);
    expect(hostHas(lab, 'eth0.10')).toBe(false);
    expect((await sh(lab, 'ip a show eth0.10')).err).toBe('Device "eth0.10" does not exist.\n');
  });

  it('keeps a sub-interface the user made, and one another network still uses', async () => {
    const lab = newLab();
    expect((await sh(lab, 'ip link add link eth0 name eth0.20 type vlan id 20')).status).toBe(0);
    expect((await sh(lab, 'ip link set eth0.20 up')).status).toBe(0);
    network(lab, { name: 'mine', driver: 'macvlan', subnet: '192.168.20.0/24', options: { parent: 'eth0.20' } });
    expect((await sh(lab, 'docker network rm mine')).status).toBe(0);
    expect(hostHas(lab, 'eth0.20')).toBe(true);
    network(lab, { name: 'first', driver: 'macvlan', subnet: '192.168.30.0/25', options: { parent: 'eth0.30' } });
    network(lab, { name: 'second', driver: 'macvlan', subnet: '192.168.30.128/25', options: { parent: 'eth0.30' } });
    expect((await sh(lab, 'docker network rm first')).status).toBe(0);
    expect(hostHas(lab, 'eth0.30')).toBe(true);
    expect((await sh(lab, 'docker network rm second')).status).toBe(0);
    expect(hostHas(lab, 'eth0.30')).toBe(false);
  });

  it('carries tagged frames across the LAN trunk: VLAN 10 on two hosts meets, the untagged laptop does not', () => {
    const lab = newLab(1, 2);
    const vlan = { name: 'vlan10', driver: 'macvlan', subnet: '192.168.10.0/24', gateway: '192.168.10.1', options: { parent: 'eth0.10' } };
    network(lab, vlan);
    network(lab, { ...vlan, ipRange: '192.168.10.128/25' }, 'node2');
    run(lab, { name: 'left', networkMode: 'vlan10' });
    run(lab, { name: 'right', networkMode: 'vlan10' }, 'node2');
    expect(lab.query.container('right')!.endpoints[0].ip).toBe('192.168.10.128');
    expect(lab.query.canReach({ container: 'left' }, '192.168.10.128').ok).toBe(true);
    const seen: Frame[] = [];
    const ctx = lab.ctx.forProbe();
    const journey = ctx.journey();
    journey.tap = (dev, frame, dir) => {
      if (dev.name === 'eth0' && dev.ns === ctx.rootNs('node1').id && dir === 'out') seen.push(frame);
    };
    const left = ctx.ns(lab.ctx.docker('node1').containers[lab.query.container('left')!.id].netnsId!);
    const out = sendFromHost(ctx.state.net, journey, left, { src: '', dst: '192.168.10.128', proto: 'icmp', ttl: 64, sport: 0, dport: 0, icmpType: 'echo-request', length: 64 });
    expect(out.arrived).toBe(true);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((f) => f.vlan === 10)).toBe(true);
    expect(lab.query.canReach({ laptop: true }, '192.168.10.2').ok).toBe(false);
  });
});

describe('ipvlan', () => {
  const L2 = { name: 'ipnet', driver: 'ipvlan', subnet: '192.168.1.0/24', gateway: '192.168.1.1', ipRange: '192.168.1.192/27', options: { parent: 'eth0', ipvlan_mode: 'l2' } };

  it('l2: on the LAN with the parent MAC; the laptop and a sibling reach it, the host only through a shim', async () => {
    const lab = newLab();
    network(lab, L2);
    run(lab, { name: 'web', image: 'nginx', cmd: [], networkMode: 'ipnet' });
    run(lab, { name: 'probe', networkMode: 'ipnet' });
    const hostMac = deviceByName(lab.ctx.state.net, lab.ctx.rootNs('node1'), 'eth0')!.mac;
    expect((await sh(lab, 'docker exec probe ip link show eth0')).out).toContain(`link/ether ${hostMac} brd`);
    expect(lab.query.container('probe')!.endpoints[0].mac).toBe('');
    expect(lab.query.canReach({ laptop: true }, '192.168.1.192', 80).ok).toBe(true);
    expect(lab.query.canReach({ container: 'probe' }, '192.168.1.192', 80).ok).toBe(true);
    expect(lab.query.canReach({ container: 'probe' }, 'google.com').ok).toBe(true);
    const fromHost = lab.query.canReach({ host: 'node1' }, '192.168.1.192', 80);
    expect(fromHost.ok).toBe(false);
    expect(fromHost.reason).toContain('an ipvlan interface whose parent is eth0');
    const shim = ['ip link add ipv0 link eth0 type ipvlan mode l2', ...SHIM.slice(1).map((l) => l.replace('mac0', 'ipv0'))];
    for (const line of shim) expect((await sh(lab, line)).status).toBe(0);
    expect(lab.query.canReach({ host: 'node1' }, '192.168.1.192', 80).ok).toBe(true);
  });

  it('l3: no gateway, a connected default route, NOARP; reachable from the LAN once it routes the subnet to the host', async () => {
    const lab = newLab();
    network(lab, { name: 'l3net', driver: 'ipvlan', subnet: '192.168.214.0/24', options: { parent: 'eth0', ipvlan_mode: 'l3' } });
    run(lab, { name: 'web', image: 'nginx', cmd: [], networkMode: 'l3net' });
    run(lab, { name: 'probe', networkMode: 'l3net' });
    expect(lab.query.networks('node1').find((n) => n.name === 'l3net')!.gateways).toEqual(['']);
    expect(lab.query.container('web')!.endpoints[0].ip).toBe('192.168.214.1');
    expect((await sh(lab, 'docker exec probe ip route')).out).toBe('default dev eth0 scope link \n192.168.214.0/24 dev eth0 scope link  src 192.168.214.2 \n');
    expect((await sh(lab, 'docker exec probe ip link show eth0')).out).toContain('<BROADCAST,MULTICAST,NOARP,UP,LOWER_UP,M-DOWN>');
    expect(lab.query.canReach({ container: 'probe' }, '192.168.214.1', 80).ok).toBe(true);
    // Packets leave through node1's routing table, but nothing on the LAN knows the way back yet.
    expect(lab.query.canReach({ container: 'probe' }, '192.168.1.50').ok).toBe(false);
    expect(lab.query.canReach({ laptop: true }, '192.168.214.1', 80).ok).toBe(false);
    const laptop = lab.ctx.rootNs('laptop');
    laptop.routes.push({ dst: '192.168.214.0/24', via: '192.168.1.11', dev: laptop.routes[0].dev });
    expect(lab.query.canReach({ laptop: true }, '192.168.214.1', 80).ok).toBe(true);
    expect(lab.query.canReach({ container: 'probe' }, '192.168.1.50').ok).toBe(true);
  });

  it('refuses a second ipvlan network on the same parent, and a macvlan port next to ipvlan ones', async () => {
    const lab = newLab();
    network(lab, L2);
    const ipnet = findNetwork(lab.ctx.docker('node1'), 'ipnet');
    if ('daemonError' in ipnet) throw new Error(ipnet.daemonError);
    expect(createError(lab, { name: 'again', driver: 'ipvlan', subnet: '10.1.0.0/24', options: { parent: 'eth0' } })).toBe(
      `network di-${ipnet.id.slice(0, 12)} is already using parent interface eth0`,
    );
    run(lab, { name: 'ipc', networkMode: 'ipnet' });
    network(lab, { name: 'mv', driver: 'macvlan', subnet: '10.2.0.0/24', options: { parent: 'eth0' } });
    const r = await sh(lab, 'docker run -d --name mvc --network mv alpine sleep 1d');
    expect(r.err).toContain('failed to set up container networking: failed to create the macvlan port: device or resource busy');
    expect(createError(lab, { name: 'badmode', driver: 'ipvlan', subnet: '10.3.0.0/24', options: { parent: 'eth0.3', ipvlan_mode: 'l4' } })).toBe(
      "requested ipvlan mode 'l4' is not valid, 'l2' mode is the ipvlan driver default",
    );
  });
});

describe('macvlan errors, as Docker 28 prints them', () => {
  it('parent, VLAN and mode mistakes', () => {
    const lab = newLab();
    const mk = (options: Record<string, string>) => createError(lab, { name: 'bad', driver: 'macvlan', subnet: '10.9.0.0/24', options });
    expect(mk({ parent: 'eth9' })).toBe('invalid subinterface vlan name eth9, example formatting is eth0.10');
    expect(mk({ parent: 'eth9.10' })).toBe('-o parent interface was not found on the host: eth9');
    expect(mk({ parent: 'eth0.5000' })).toBe('vlan id must be between 1-4094, received: 5000');
    expect(mk({ parent: 'eth0.0' })).toBe('vlan id must be between 1-4094, received: 0');
    expect(mk({ parent: 'eth0.x' })).toBe('unable to parse a valid vlan id from: x (ex. eth0.10 for vlan 10)');
    expect(mk({ parent: 'eth0.1.2' })).toBe('required interface name format is: name.vlan_id, ex. eth0.10 for vlan 10, instead received eth0.1.2');
    expect(mk({ parent: 'eth0', macvlan_mode: 'x' })).toBe("requested macvlan mode 'x' is not valid, 'bridge' mode is the macvlan driver default");
    expect(mk({ parent: 'lo' })).toBe('loopback interface is not a valid macvlan parent link');
    expect(lab.query.networks('node1').some((n) => n.name === 'bad')).toBe(false);
    expect(hostHas(lab, 'eth0.5000') || hostHas(lab, 'eth0.0')).toBe(false);
  });

  it('parents shared with a passthru network (Docker 28 otherwise lets macvlan networks share a parent)', () => {
    const lab = newLab();
    network(lab, { name: 'first', driver: 'macvlan', subnet: '10.4.0.0/24', options: { parent: 'eth0' } });
    expect(createError(lab, { name: 'second', driver: 'macvlan', subnet: '10.5.0.0/24', options: { parent: 'eth0' } })).toBe('created second');
    const first = findNetwork(lab.ctx.docker('node1'), 'first');
    if ('daemonError' in first) throw new Error(first.daemonError);
    expect(createError(lab, { name: 'pt', driver: 'macvlan', subnet: '10.6.0.0/24', options: { parent: 'eth0', macvlan_mode: 'passthru' } })).toBe(
      `cannot use mode passthru, macvlan network ${first.id} is already using parent interface eth0`,
    );
    network(lab, { name: 'pt2', driver: 'macvlan', subnet: '10.7.0.0/24', options: { parent: 'eth0.7', macvlan_mode: 'passthru' } });
    const pt2 = findNetwork(lab.ctx.docker('node1'), 'pt2');
    if ('daemonError' in pt2) throw new Error(pt2.daemonError);
    expect(createError(lab, { name: 'late', driver: 'macvlan', subnet: '10.8.0.0/24', options: { parent: 'eth0.7' } })).toBe(
      `macvlan network ${pt2.id} is already using parent interface eth0.7 in mode passthru`,
    );
  });

  it('a subnet that overlaps another network, and a parent that vanished before the container starts', async () => {
    const lab = newLab();
    network(lab, PUBNET);
    expect(createError(lab, { ...PUBNET, name: 'again', ipRange: undefined, auxAddresses: undefined })).toBe('Pool overlaps with other one on this address space');
    network(lab, { name: 'v40', driver: 'macvlan', subnet: '192.168.40.0/24', options: { parent: 'eth0.40' } });
    expect((await sh(lab, 'ip link delete eth0.40')).status).toBe(0);
    const r = await sh(lab, 'docker run -d --name late --network v40 alpine sleep 1d');
    expect(r.err).toContain('the requested parent interface eth0.40 was not found on the Docker host');
    const net = findNetwork(lab.ctx.docker('node1'), 'v40');
    if ('daemonError' in net) throw new Error(net.daemonError);
    expect(removeNetwork(lab.ctx, 'node1', net)).toBeUndefined();
  });
});

describe('ip link/addr/route changes', () => {
  it('prints iproute2 errors', async () => {
    const lab = newLab();
    const expectErr = async (line: string, err: string, status: number) => expect(await sh(lab, line)).toEqual({ out: '', err, status });
    for (const line of SHIM.slice(0, 2)) expect((await sh(lab, line)).status).toBe(0);
    await expectErr('ip route add 192.168.1.192/27 dev mac0', 'Error: Device for nexthop is not up.\n', 2);
    expect((await sh(lab, 'ip link set mac0 up')).status).toBe(0);
    expect((await sh(lab, 'ip route add 192.168.1.192/27 dev mac0')).status).toBe(0);
    await expectErr('ip link add mac0 link eth0 type macvlan mode bridge', 'RTNETLINK answers: File exists\n', 2);
    await expectErr('ip addr add 192.168.1.223/32 dev mac0', 'RTNETLINK answers: File exists\n', 2);
    await expectErr('ip route add 192.168.1.192/27 dev mac0', 'RTNETLINK answers: File exists\n', 2);
    await expectErr('ip link add mac1 link eth9 type macvlan mode bridge', 'Cannot find device "eth9"\n', 1);
    await expectErr('ip addr add 10.0.0.1/24 dev x', 'Cannot find device "x"\n', 1);
    await expectErr('ip addr add x dev mac0', 'Error: any valid prefix is expected rather than "x".\n', 1);
    await expectErr('ip route add 10.0.0.0/33 dev mac0', 'Error: any valid prefix is expected rather than "10.0.0.0/33".\n', 1);
    await expectErr('ip route add 192.168.1.200/27 dev mac0', 'Error: Invalid prefix for given prefix length.\n', 2);
    await expectErr('ip route add 10.0.0.0/8 via 172.16.0.1', 'Error: Nexthop has invalid gateway.\n', 2);
    await expectErr('ip route del 10.0.0.0/8', 'RTNETLINK answers: No such process\n', 2);
    await expectErr('ip addr del 10.9.9.9/24 dev mac0', 'RTNETLINK answers: Cannot assign requested address\n', 2);
    await expectErr('ip link add link eth0 name eth0.11 type vlan id 5000', 'Error: 8021q: Invalid VLAN id.\n', 2);
    await expectErr('ip link add link eth0 name eth0.11 type vlan id x', 'Error: argument "x" is wrong: id is invalid\n', 255);
    await expectErr('ip link delete eth0', 'RTNETLINK answers: Operation not supported\n', 2);
    await expectErr('ip link delete nosuch', 'Cannot find device "nosuch"\n', 1);
  });

  it('add/del round trips: routes via a gateway, addresses with their connected route, links with what sits on them', async () => {
    const lab = newLab();
    for (const line of ['ip link add link eth0 name eth0.10 type vlan id 10', 'ip link set eth0.10 up', 'ip addr add 192.168.10.11/24 dev eth0.10', 'ip route add 10.20.0.0/16 via 192.168.10.1']) {
      expect(await sh(lab, line)).toEqual({ out: '', err: '', status: 0 });
    }
    const routes = (await sh(lab, 'ip route')).out;
    expect(routes).toContain('10.20.0.0/16 via 192.168.10.1 dev eth0.10 \n');
    expect(routes).toContain('192.168.10.0/24 dev eth0.10 proto kernel scope link src 192.168.10.11 \n');
    expect((await sh(lab, 'ip route del 10.20.0.0/16')).status).toBe(0);
    expect((await sh(lab, 'ip addr del 192.168.10.11/24 dev eth0.10')).status).toBe(0);
    expect((await sh(lab, 'ip route')).out).not.toContain('192.168.10.0/24');
    expect((await sh(lab, 'ip link add mv1 link eth0.10 type macvlan mode bridge')).status).toBe(0);
    expect((await sh(lab, 'ip link delete eth0.10')).status).toBe(0);
    expect(hostHas(lab, 'eth0.10') || hostHas(lab, 'mv1')).toBe(false);
  });

  it('needs NET_ADMIN inside a container', async () => {
    const lab = newLab();
    expect((await sh(lab, 'docker run -d --name plain alpine sleep 1d')).status).toBe(0);
    expect((await sh(lab, 'docker run -d --name admin --cap-add NET_ADMIN alpine sleep 1d')).status).toBe(0);
    expect(await sh(lab, 'docker exec plain ip addr add 10.1.1.1/32 dev eth0')).toEqual({ out: '', err: 'ip: RTNETLINK answers: Operation not permitted\n', status: 2 });
    expect(await sh(lab, 'docker exec plain ip route add 10.1.0.0/16 dev eth0')).toEqual({ out: '', err: 'ip: RTNETLINK answers: Operation not permitted\n', status: 2 });
    expect((await sh(lab, 'docker exec admin ip addr add 10.1.1.1/32 dev eth0')).status).toBe(0);
    expect((await sh(lab, 'docker exec admin ip addr show eth0')).out).toContain('inet 10.1.1.1/32 scope global eth0');
  });
});
