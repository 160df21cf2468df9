/**
 * iproute2's `ip -s`, `ip -d` and `ip -j [-p]` as a student types them on
 * the host and in a netshoot container; BusyBox's applet (alpine) knows none
 * of them and prints its usage. Counters come from the model's per-device
 * counters, so a ping moves them.
 */
import { describe, expect, it } from 'vitest';
import { createLab } from '../src/emulator/index';
import type { EmulatedLab } from '../src/emulator/lab';
import { ok, setup, sh } from './docker-helpers';

function lab(): EmulatedLab {
  return createLab({ seed: 1 }) as EmulatedLab;
}

/** netshoot `ns1` (172.17.0.2) and alpine `al` (172.17.0.3) on the default bridge. */
async function pair(): Promise<EmulatedLab> {
  const l = lab();
  await setup(l, 'docker run -dit --name ns1 nicolaka/netshoot', 'docker run -dit --name al alpine');
  return l;
}

/** [rx bytes, rx packets, tx bytes, tx packets] from `ip -s link` text of one link. */
function counters(text: string): number[] {
  const lines = text.split('\n');
  const rx = lines[lines.findIndex((x) => x.startsWith('    RX:')) + 1].trim().split(/\s+/).map(Number);
  const tx = lines[lines.findIndex((x) => x.startsWith('    TX:')) + 1].trim().split(/\s+/).map(Number);
  return [rx[0], rx[1], tx[0], tx[1]];
}

const RX_HEAD = '    RX:  bytes packets errors dropped  missed   mcast           ';
const TX_HEAD = '    TX:  bytes packets errors dropped carrier collsns           ';

describe('ip -s', () => {
  it('ip -s link: RX/TX blocks after the link-layer line; a ping moves packets and bytes (98-byte frames)', async () => {
    const l = await pair();
    const before = await ok(l, 'docker exec ns1 ip -s link show eth0');
    const lines = before.split('\n');
    expect(lines[1]).toMatch(/^    link\/ether \S+ brd ff:ff:ff:ff:ff:ff link-netnsid 0$/);
    expect(lines[2]).toBe(RX_HEAD);
    expect(lines[3]).toMatch(/^ {4}( *\d+ ){6}$/);
    expect(lines[4]).toBe(TX_HEAD);
    expect(lines.length).toBe(7);
    await ok(l, 'docker exec ns1 ping -c 3 172.17.0.3');
    const [rb0, rp0, tb0, tp0] = counters(before);
    const [rb1, rp1, tb1, tp1] = counters(await ok(l, 'docker exec ns1 ip -s link show eth0'));
    expect(tp1 - tp0).toBeGreaterThanOrEqual(3);
    expect(rp1 - rp0).toBeGreaterThanOrEqual(3);
    expect(tb1 - tb0).toBeGreaterThanOrEqual(3 * 98);
    expect(rb1 - rb0).toBeGreaterThanOrEqual(3 * 98);
    // The host end of the veth saw the same frames the other way round.
    const hostVeth = (await ok(l, 'ip -br link')).split('\n').find((x) => x.startsWith('veth'))!.split('@')[0];
    const [hrb, hrp, htb, htp] = counters(await ok(l, `ip -s link show ${hostVeth}`));
    expect([hrb, hrp, htb, htp]).toEqual([tb1, tp1, rb1, rp1]);
  });

  it('ip -s addr: the counters come after the addresses; -statistics and --stats spell the same', async () => {
    const l = await pair();
    const out = await ok(l, 'docker exec ns1 ip -s addr show eth0');
    expect(out).toMatch(/\n {7}valid_lft forever preferred_lft forever\n    RX:  bytes packets/);
    expect(await ok(l, 'docker exec ns1 ip -statistics addr show eth0')).toBe(out);
    expect(await ok(l, 'docker exec ns1 ip --stats addr show eth0')).toBe(out);
  });

  it('ethtool -S counts the same bytes as ip -s', async () => {
    const l = lab();
    await ok(l, 'ping -c 2 8.8.8.8');
    const [rb, rp, tb, tp] = counters(await ok(l, 'ip -s link show eth0'));
    const stats = await ok(l, 'ethtool -S eth0');
    expect(stats).toContain(`     rx_packets: ${rp}\n     tx_packets: ${tp}\n     rx_bytes: ${rb}\n     tx_bytes: ${tb}\n`);
    expect(rb).toBeGreaterThanOrEqual(2 * 98);
  });

  it('a device saved before bytes were counted shows 0 bytes and its packets', async () => {
    const l = await pair();
    await ok(l, 'docker exec ns1 ping -c 2 172.17.0.3');
    const dev = Object.values(l.ctx.state.net.devices).find((d) => d.name === 'docker0')!;
    delete dev.rxBytes;
    delete dev.txBytes;
    const [rb, , tb, tp] = counters(await ok(l, 'ip -s link show docker0'));
    expect([rb, tb]).toEqual([0, 0]);
    expect(tp).toBe(dev.txPackets);
  });
});

describe('ip -d', () => {
  it('a container veth: promiscuity and MTU bounds, then `veth` and the queue sizes', async () => {
    const l = await pair();
    const lines = (await ok(l, 'docker exec ns1 ip -d link show eth0')).split('\n');
    expect(lines[1]).toMatch(/^    link\/ether \S+ brd ff:ff:ff:ff:ff:ff link-netnsid 0 promiscuity 0 minmtu 68 maxmtu 65535 $/);
    expect(lines[2]).toBe('    veth addrgenmode eui64 numtxqueues 1 numrxqueues 1 gso_max_size 65536 gso_max_segs 65535 tso_max_size 524280 tso_max_segs 65535 gro_max_size 65536 ');
    expect(lines.length).toBe(4);
    // ip addr prints no addrgenmode (print_af_spec is ip link's only).
    expect(await ok(l, 'docker exec ns1 ip -d addr show eth0')).toContain('\n    veth numtxqueues 1 ');
  });

  it('docker0: the bridge options; its port: promiscuity 1 and bridge_slave', async () => {
    const l = await pair();
    const br = (await ok(l, 'ip -d link show docker0')).split('\n');
    const mac = /link\/ether (\S+)/.exec(br[1])![1];
    const id = '8000.' + mac.split(':').map((b) => parseInt(b, 16).toString(16)).join(':');
    expect(br[1]).toMatch(/ brd ff:ff:ff:ff:ff:ff promiscuity 0 minmtu 68 maxmtu 65535 $/);
    expect(br[2].startsWith(`    bridge forward_delay 1500 hello_time 200 max_age 2000 ageing_time 30000 stp_state 0 priority 32768 vlan_filtering 0 vlan_protocol 802.1Q bridge_id ${id} designated_root ${id} root_port 0 root_path_cost 0 topology_change 0 topology_change_detected 0 hello_timer    0.00 tcn_timer    0.00 topology_change_timer    0.00 gc_timer `)).toBe(true);
    expect(br[2]).toMatch(/ nf_call_arptables 0 addrgenmode eui64 numtxqueues 1 /);
    const veth = (await ok(l, 'ip -br link')).split('\n').find((x) => x.startsWith('veth'))!.split('@')[0];
    const port = (await ok(l, `ip -d link show ${veth}`)).split('\n');
    expect(port[1]).toMatch(/ link-netnsid 0 promiscuity 1 minmtu 68 maxmtu 65535 $/);
    expect(port[2]).toBe('    veth ');
    expect(port[3].startsWith(`    bridge_slave state forwarding priority 32 cost 2 hairpin off guard off root_block off fastleave off learning on flood on port_id 0x8001 port_no 0x1 designated_port 32769 designated_cost 0 designated_bridge ${id} designated_root ${id} `)).toBe(true);
  });

  it("the host's e1000 NIC: its MTU bounds and PCI parent, no driver line", async () => {
    const lines = (await ok(lab(), 'ip -d link show eth0')).split('\n');
    expect(lines[1]).toMatch(/^    link\/ether \S+ brd ff:ff:ff:ff:ff:ff promiscuity 0 minmtu 68 maxmtu 16110 addrgenmode eui64 numtxqueues 1 numrxqueues 1 gso_max_size 65536 gso_max_segs 65535 tso_max_size 65536 tso_max_segs 65535 gro_max_size 65536 parentbus pci parentdev 0000:00:03\.0 $/);
    expect(lines).toHaveLength(3);
  });

  it('a swarm overlay: vxlan id, dstport and the proxy/miss flags Docker sets', async () => {
    const l = lab();
    await setup(l, 'docker swarm init', 'docker network create -d overlay --attachable ov', 'docker run -dit --name xx --network ov alpine');
    const dir = (await ok(l, 'ls /var/run/docker/netns')).split(/\s+/);
    const id = (await ok(l, "docker network inspect -f '{{.Id}}' ov")).trim();
    const ns = dir.find((n) => n === `1-${id.slice(0, 10)}`)!;
    const out = await ok(l, `nsenter --net=/var/run/docker/netns/${ns} ip -d link show vxlan0`);
    expect(out).toContain('\n    vxlan id 4097 srcport 0 0 dstport 4789 proxy l2miss l3miss ttl auto ageing 300 noudpcsum noudp6zerocsumtx noudp6zerocsumrx \n    bridge_slave state forwarding ');
  });

  it('macvlan mode and a dummy (<BROADCAST,NOARP>, no MTU bounds)', async () => {
    const l = lab();
    await setup(l, 'docker network create -d macvlan --subnet 192.168.1.0/24 --gateway 192.168.1.1 -o parent=eth0 mv', 'docker run -dit --name mm --network mv nicolaka/netshoot');
    expect(await ok(l, 'docker exec mm ip -d link show eth0')).toContain('\n    macvlan mode bridge bcqueuelen 1000 usedbcqueuelen 1000 addrgenmode eui64 ');
    await setup(l, 'ip link add d0 type dummy');
    const d = (await ok(l, 'ip -d link show d0')).split('\n');
    expect(d[0]).toMatch(/^\d+: d0: <BROADCAST,NOARP> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000$/);
    expect(d[1]).toMatch(/ promiscuity 0 minmtu 0 maxmtu 0 $/);
    expect(d[2]).toMatch(/^    dummy addrgenmode eui64 /);
  });
});

describe('ip -j', () => {
  it('ip -j addr: one line of JSON, members in iproute2 order', async () => {
    const l = await pair();
    const out = await ok(l, 'docker exec ns1 ip -j addr');
    expect(out.split('\n')).toHaveLength(2);
    const [lo, eth0] = JSON.parse(out) as Record<string, unknown>[];
    expect(Object.keys(lo)).toEqual(['ifindex', 'ifname', 'flags', 'mtu', 'qdisc', 'operstate', 'group', 'txqlen', 'link_type', 'address', 'broadcast', 'addr_info']);
    expect(Object.keys(eth0)).toEqual(['ifindex', 'link_index', 'ifname', 'flags', 'mtu', 'qdisc', 'operstate', 'group', 'link_type', 'address', 'broadcast', 'link_netnsid', 'addr_info']);
    expect(eth0).toMatchObject({ ifname: 'eth0', flags: ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'], mtu: 1500, qdisc: 'noqueue', operstate: 'UP', group: 'default', link_type: 'ether', broadcast: 'ff:ff:ff:ff:ff:ff', link_netnsid: 0 });
    expect(eth0.addr_info).toEqual([{ family: 'inet', local: '172.17.0.2', prefixlen: 16, broadcast: '172.17.255.255', scope: 'global', label: 'eth0', valid_life_time: 4294967295, preferred_life_time: 4294967295 }]);
    const text = await ok(l, 'docker exec ns1 ip link show eth0');
    expect(text.startsWith(`${eth0.ifindex}: eth0@if${eth0.link_index}: `)).toBe(true);
  });

  it('-p: iproute2 pretty print; ip -j link has linkmode, -s adds stats64, -d linkinfo', async () => {
    const l = await pair();
    const pretty = await ok(l, 'docker exec ns1 ip -j -p link show eth0');
    expect(pretty).toMatch(/^\[ \{\n {8}"ifindex": \d+,\n {8}"link_index": \d+,\n {8}"ifname": "eth0",\n {8}"flags": \[ "BROADCAST","MULTICAST","UP","LOWER_UP" \],\n/);
    expect(pretty).toMatch(/\n {8}"linkmode": "DEFAULT",\n/);
    expect(pretty.endsWith('\n    } ]\n')).toBe(true);
    expect(JSON.parse(pretty)).toEqual(JSON.parse(await ok(l, 'docker exec ns1 ip --json link show eth0')));
    const [withStats] = JSON.parse(await ok(l, 'docker exec ns1 ip -s -j link show eth0')) as Record<string, unknown>[];
    expect(Object.keys(withStats).at(-1)).toBe('stats64');
    const [br] = JSON.parse(await ok(l, 'ip -d -j link show docker0')) as { linkinfo: { info_kind: string; info_data: Record<string, unknown> } }[];
    expect(br.linkinfo.info_kind).toBe('bridge');
    expect(br.linkinfo.info_data).toMatchObject({ forward_delay: 1500, stp_state: 0, vlan_protocol: '802.1Q' });
  });

  it('-j with -br: the brief members only; -s with -o: the counters join the record with backslashes', async () => {
    const l = await pair();
    const [lo, eth0] = JSON.parse(await ok(l, 'docker exec ns1 ip -j -br addr')) as Record<string, unknown>[];
    expect(lo).toEqual({ ifname: 'lo', operstate: 'UNKNOWN', addr_info: [{ local: '127.0.0.1', prefixlen: 8 }, { local: '::1', prefixlen: 128 }] });
    expect(Object.keys(eth0)).toEqual(['link_index', 'ifname', 'operstate', 'addr_info']);
    const [, link] = JSON.parse(await ok(l, 'docker exec ns1 ip -j -br link')) as Record<string, unknown>[];
    expect(Object.keys(link)).toEqual(['link_index', 'ifname', 'operstate', 'address', 'flags']);
    const one = await ok(l, 'docker exec ns1 ip -s -o link show eth0');
    expect(one.split('\n')).toHaveLength(2);
    expect(one).toMatch(/ link-netnsid 0\\    RX:  bytes packets errors dropped  missed   mcast           \\ +\d+ /);
  });

  it('ip -j neigh', async () => {
    const l = await pair();
    await ok(l, 'docker exec ns1 ping -c 1 172.17.0.3');
    const mac = (await ok(l, "docker inspect -f '{{.NetworkSettings.Networks.bridge.MacAddress}}' al")).trim();
    expect(JSON.parse(await ok(l, 'docker exec ns1 ip -j neigh'))).toEqual([{ dst: '172.17.0.3', dev: 'eth0', lladdr: mac, state: ['REACHABLE'] }]);
  });

  it('ip -j route', async () => {
    const l = await pair();
    expect(JSON.parse(await ok(l, 'docker exec ns1 ip -j route'))).toEqual([
      { dst: 'default', gateway: '172.17.0.1', dev: 'eth0', flags: [] },
      { dst: '172.17.0.0/16', dev: 'eth0', protocol: 'kernel', scope: 'link', prefsrc: '172.17.0.2', flags: [] },
    ]);
  });
});

describe('options ip does not know', () => {
  it('BusyBox (alpine): -j, -s and -d print its usage, exit 1', async () => {
    const l = await pair();
    for (const opt of ['-j', '-s', '-d', '-json']) {
      const r = await sh(l, `docker exec al ip ${opt} addr`);
      expect(r.out, opt).toBe('');
      expect(r.err, opt).toMatch(/^BusyBox v[\d.]+ .* multi-call binary\.\n\nUsage: ip \[OPTIONS\] address\|route\|link\|tunnel\|neigh\|rule \[ARGS\]\n\nOPTIONS := -f\[amily\] inet\|inet6\|link \| -o\[neline\]\n/);
      expect(r.code, opt).toBe(1);
    }
    expect((await sh(l, 'docker exec al ip -4 -o addr')).code).toBe(0);
  });

  it('iproute2: an unknown option', async () => {
    const l = lab();
    expect(await sh(l, 'ip -x addr')).toEqual({ out: '', err: 'Option "-x" is unknown, try "ip -help".\n', code: 255 });
  });
});
