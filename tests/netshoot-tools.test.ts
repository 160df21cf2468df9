/**
 * The netshoot tools a swarm needs, as its README and Docker's overlay
 * troubleshooting use them: `drill tasks.<service>` for the tasks' addresses,
 * `ipvsadm -Ln` in the load-balancer and ingress namespaces for the virtual
 * services behind the VIPs, `ip -o`, and `bridge fdb show` on the host.
 */
import { describe, expect, it } from 'vitest';
import { createLab } from '../src/emulator/index';
import type { EmulatedLab } from '../src/emulator/lab';
import { sh } from './helpers/engine';

async function ok(lab: EmulatedLab, line: string): Promise<string> {
  const r = await sh(lab, line);
  if (r.status !== 0) throw new Error(`${line} failed (${r.status}):\n${r.out}${r.err}`);
  return r.out;
}

/** One manager, an attachable overlay, whoami ×2 published on 8080, a netshoot client. */
async function swarmLab(seed = 1): Promise<EmulatedLab> {
  const lab = createLab({ seed, hosts: 1 }) as EmulatedLab;
  for (const l of ['docker swarm init', 'docker network create -d overlay --attachable appnet', 'docker service create -d --name web --replicas 2 --network appnet -p 8080:80 traefik/whoami', 'docker pull -q nicolaka/netshoot', 'docker run -d --name client --network appnet nicolaka/netshoot sleep 1d']) await ok(lab, l);
  return lab;
}

const PRIV = 'docker run --rm --privileged -v /var/run/docker/netns:/var/run/docker/netns nicolaka/netshoot';
const HEADER = 'IP Virtual Server version 1.2.1 (size=4096)\nProt LocalAddress:Port Scheduler Flags\n  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n';

describe('drill tasks.<service>', () => {
  it('the VIP for the service name, every task for tasks.<name>', async () => {
    const lab = await swarmLab();
    const tasks = await ok(lab, 'docker exec client drill tasks.web');
    const answers = [...tasks.matchAll(/^tasks\.web\.\t600\tIN\tA\t(10\.0\.1\.\d+)$/gm)].map((m) => m[1]).sort();
    expect(answers).toHaveLength(2);
    const vip = /^web\.\t600\tIN\tA\t(10\.0\.1\.\d+)$/m.exec(await ok(lab, 'docker exec client drill web'))![1];
    expect(answers).not.toContain(vip);
    const inspected = (await ok(lab, "docker service inspect -f '{{range .Endpoint.VirtualIPs}}{{.Addr}} {{end}}' web")).trim().split(' ');
    expect(inspected).toContain(`${vip}/24`);
  });
});

describe('ipvsadm', () => {
  it('needs NET_ADMIN: ipvsadm\'s own error without it', async () => {
    const lab = await swarmLab();
    expect(await sh(lab, 'docker exec client ipvsadm -Ln')).toEqual({
      out: '', err: "Can't initialize ipvs: Permission denied (you must be root)\nAre you sure that IP Virtual Server is built in the kernel or as module?\n", status: 2,
    });
  });

  it('in lb_<net>: one firewall-mark service for the VIP, the tasks as real servers, and the connections it balanced', async () => {
    const lab = await swarmLab();
    const net = (await ok(lab, "docker network inspect -f '{{.Id}}' appnet")).trim();
    const lb = `${PRIV} nsenter --net=/var/run/docker/netns/lb_${net.slice(0, 9)} ipvsadm -Ln`;
    const before = await ok(lab, lb);
    const tasks = [...(await ok(lab, 'docker exec client drill tasks.web')).matchAll(/\tA\t(\S+)$/gm)].map((m) => m[1]);
    expect(before.startsWith(`${HEADER}FWM  `)).toBe(true);
    const rows = before.split('\n').slice(4).filter(Boolean);
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(r).toMatch(/^ {2}-> 10\.0\.1\.\d+:0 {18,}Masq {4}1 {6}0 {10}0 {9}$/);
    expect(rows.map((r) => /-> (\S+):0/.exec(r)![1]).sort()).toEqual(tasks.sort());
    await ok(lab, 'docker exec client curl -s web');
    await ok(lab, 'docker exec client curl -s web');
    const after = (await ok(lab, lb)).split('\n').slice(4).filter(Boolean);
    // Round robin: one (closed, so inactive) connection on each task.
    for (const r of after) expect(r).toMatch(/Masq {4}1 {6}0 {10}1 {9}$/);
  });

  it('in ingress_sbox: the published port\'s service; -L -n as two options; editing is refused', async () => {
    const lab = await swarmLab();
    const out = await ok(lab, `${PRIV} nsenter --net=/var/run/docker/netns/ingress_sbox ipvsadm -L -n`);
    expect(out).toMatch(new RegExp(`^${HEADER.replace(/[()]/g, (c) => `\\${c}`)}FWM  \\d+ rr\\n( {2}-> 10\\.0\\.0\\.\\d+:0 +Masq {4}1 {6}0 {10}0 {9}\\n){2}$`));
    expect((await sh(lab, `${PRIV} nsenter --net=/var/run/docker/netns/ingress_sbox ipvsadm -x`)).err).toBe("ipvsadm: invalid option -- 'x'\nTry `ipvsadm -h' or 'ipvsadm --help' for more information.\n");
    const clear = await sh(lab, `${PRIV} nsenter --net=/var/run/docker/netns/ingress_sbox ipvsadm -C`);
    expect(clear.status).toBe(2);
    expect(clear.err).toContain('only listing');
    expect(await ok(lab, `${PRIV} nsenter --net=/var/run/docker/netns/ingress_sbox ipvsadm -Ln`)).toBe(out);
  });

  it('a namespace without virtual services lists the header only', async () => {
    const lab = await swarmLab();
    expect(await ok(lab, 'docker run --rm --cap-add NET_ADMIN --network appnet nicolaka/netshoot ipvsadm -ln')).toBe(HEADER);
  });
});

describe('ip route get', () => {
  it('the route, device and source the kernel would use; local addresses; no route', async () => {
    const lab = createLab({ seed: 1 }) as EmulatedLab;
    for (const l of ['docker pull -q nicolaka/netshoot', 'docker network create mynet', 'docker run -d --name web --network mynet nginx']) await ok(lab, l);
    expect(await ok(lab, 'ip route get 8.8.8.8')).toBe('8.8.8.8 via 192.168.1.1 dev eth0 src 192.168.1.11 uid 0 \n    cache \n');
    expect(await ok(lab, 'ip route get 172.18.0.2')).toMatch(/^172\.18\.0\.2 dev br-[0-9a-f]{12} src 172\.18\.0\.1 uid 0 \n {4}cache \n$/);
    expect(await ok(lab, 'ip route get 192.168.1.11')).toBe('local 192.168.1.11 dev lo table local src 192.168.1.11 uid 0 \n    cache <local> \n');
    expect(await ok(lab, 'docker run --rm --net container:web nicolaka/netshoot ip route get 8.8.8.8')).toBe('8.8.8.8 via 172.18.0.1 dev eth0 src 172.18.0.2 uid 0 \n    cache \n');
    expect(await sh(lab, 'docker run --rm --network none nicolaka/netshoot ip route get 8.8.8.8')).toEqual({ out: '', err: 'RTNETLINK answers: Network is unreachable\n', status: 2 });
    expect(await sh(lab, 'ip route get nosuch')).toEqual({ out: '', err: 'Error: inet prefix is expected rather than "nosuch".\n', status: 1 });
    // Docker adds no policy rules: the kernel's three.
    expect(await ok(lab, 'docker run --rm --net container:web nicolaka/netshoot ip rule')).toBe('0:\tfrom all lookup local\n32766:\tfrom all lookup main\n32767:\tfrom all lookup default\n');
  });
});

describe('mtr --report', () => {
  it('each hop to the internet with loss and round trips; a destination that never answers ends in ???', async () => {
    const lab = createLab({ seed: 1 }) as EmulatedLab;
    for (const l of ['docker pull -q nicolaka/netshoot', 'docker network create mynet', 'docker run -d --name web --network mynet nginx']) await ok(lab, l);
    const id = (await ok(lab, "docker inspect -f '{{.Id}}' web")).trim().slice(0, 12);
    const r = (await ok(lab, 'docker run --rm --net container:web nicolaka/netshoot mtr -r -c 3 8.8.8.8')).split('\n');
    expect(r[0]).toMatch(/^Start: 2026-01-12T09:00:\d\d\+0000$/);
    expect(r[1]).toBe(`HOST: ${id.padEnd(27)} Loss%   Snt   Last   Avg  Best  Wrst StDev`);
    expect(r[2]).toMatch(/^ {2}1\.\|-- 172\.18\.0\.1 {17}0\.0% {5}3( +\d+\.\d){5}$/);
    expect(r[3]).toMatch(/^ {2}2\.\|-- 192\.168\.1\.1 {16}0\.0% {5}3( +\d+\.\d){5}$/);
    expect(r[4]).toMatch(/^ {2}3\.\|-- 8\.8\.8\.8 {20}0\.0% {5}3( +\d+\.\d){5}$/);
    expect(r[5]).toBe('');
    const lost = (await ok(lab, 'docker run --rm --net container:web nicolaka/netshoot mtr -rn -c 2 10.99.0.1')).split('\n');
    expect(lost[4]).toBe('  3.|-- ???                       100.0     2    0.0   0.0   0.0   0.0   0.0');
    expect(lost).toHaveLength(6);
    expect(await sh(lab, 'docker run --rm --net container:web nicolaka/netshoot mtr -r nosuch')).toEqual({ out: '', err: 'mtr: Failed to resolve host: nosuch: Name does not resolve\n', status: 1 });
  });
});

describe('/var/run/docker/netns on the host', () => {
  it('lists every namespace Docker made, each one enterable with nsenter; a removed container\'s goes', async () => {
    const lab = await swarmLab();
    const net = (await ok(lab, "docker network inspect -f '{{.Id}}' appnet")).trim();
    const client = (await ok(lab, "docker inspect -f '{{.NetworkSettings.SandboxKey}}' client")).trim();
    const names = (await ok(lab, 'ls /var/run/docker/netns')).trim().split(/\s+/);
    expect(names).toContain(client.split('/').pop());
    expect(names).toContain(`1-${net.slice(0, 10)}`);
    expect(names).toContain(`lb_${net.slice(0, 9)}`);
    expect(names).toContain('ingress_sbox');
    for (const n of names) expect((await sh(lab, `nsenter --net=/var/run/docker/netns/${n} ip -br a`)).status).toBe(0);
    expect(await ok(lab, `nsenter --net=/var/run/docker/netns/1-${net.slice(0, 10)} ip -br link`)).toMatch(/^br0 +UP /m);
    await ok(lab, 'docker rm -f client');
    expect((await ok(lab, 'ls /var/run/docker/netns')).trim().split(/\s+/)).not.toContain(client.split('/').pop());
  });
});

describe('the README\'s nsenter example: the netns directory bound into a privileged netshoot', () => {
  it('ls shows the host\'s namespaces; nsenter --net=<file> sh enters one; Binds in docker inspect', async () => {
    const lab = await swarmLab();
    const net = (await ok(lab, "docker network inspect -f '{{.Id}}' appnet")).trim();
    const hostList = await ok(lab, 'ls /var/run/docker/netns');
    await ok(lab, 'docker run -it --rm --name shoot -v /var/run/docker/netns:/var/run/docker/netns --privileged=true nicolaka/netshoot');
    await ok(lab, 'cd /var/run/docker/netns/');
    const inside = (await ok(lab, 'ls')).trim().split(/\s+/);
    // The host's list, and now netshoot's own sandbox too.
    expect(inside).toEqual(expect.arrayContaining(hostList.trim().split(/\s+/)));
    expect(inside).toHaveLength(hostList.trim().split(/\s+/).length + 1);
    await ok(lab, `nsenter --net=/var/run/docker/netns/1-${net.slice(0, 10)} sh`);
    expect(await ok(lab, 'ip -br link')).toMatch(/^br0 +UP /m);
    await ok(lab, 'exit');
    await ok(lab, 'exit');
    expect(lab.prompt()).toBe('root@node1:~# ');
    await ok(lab, 'docker run -d --name keep -v /var/run/docker/netns:/netns nicolaka/netshoot sleep 1d');
    expect((await ok(lab, "docker inspect -f '{{json .HostConfig.Binds}}' keep")).trim()).toBe('["/var/run/docker/netns:/netns"]');
    expect((await ok(lab, 'docker exec keep ls /netns')).split(/\s+/)).toContain('ingress_sbox');
    // Bound elsewhere, the files are entered from there; without the bind there is nothing to open.
    expect(await ok(lab, 'docker run --rm --privileged -v /var/run/docker/netns:/netns nicolaka/netshoot nsenter --net=/netns/ingress_sbox ip -br a')).toMatch(/^eth0@if\d+ +UP +10\.0\.0\.\d+\/24/m);
    expect(await sh(lab, 'docker run --rm --privileged nicolaka/netshoot nsenter --net=/var/run/docker/netns/ingress_sbox ip a')).toEqual({
      out: '', err: 'nsenter: cannot open /var/run/docker/netns/ingress_sbox: No such file or directory\n', status: 1,
    });
  });
});

describe('bridge fdb in an overlay namespace', () => {
  it('vxlan0 holds each remote container\'s MAC with the VTEP behind it; dev filters and drops the name; errors', async () => {
    const lab = createLab({ seed: 1, hosts: 2 }) as EmulatedLab;
    const token = /--token (\S+)/.exec(await ok(lab, 'docker swarm init'))![1];
    await ok(lab, `ssh node2 docker swarm join --token ${token} 192.168.1.11:2377`);
    for (const l of ['docker network create -d overlay --attachable appnet', 'docker run -d --name ca --network appnet alpine sleep 1d', 'ssh node2 docker run -d --name cb --network appnet alpine sleep 1d']) await ok(lab, l);
    const net = (await ok(lab, "docker network inspect -f '{{.Id}}' appnet")).trim();
    const ns = `/var/run/docker/netns/1-${net.slice(0, 10)}`;
    const remoteMac = /"MacAddress": "([0-9a-f:]{17})"/.exec(await ok(lab, 'ssh node2 docker inspect cb'))![1];
    const fdb = await ok(lab, `nsenter --net=${ns} bridge fdb show`);
    expect(fdb).toContain(`${remoteMac} dev vxlan0 dst 192.168.1.12 link-netnsid 0 self permanent\n`);
    expect(fdb).toMatch(/^33:33:00:00:00:01 dev br0 self permanent$/m);
    const vx = await ok(lab, `nsenter --net=${ns} bridge fdb show dev vxlan0`);
    expect(vx).toContain(`${remoteMac} dst 192.168.1.12 link-netnsid 0 self permanent\n`);
    expect(vx).not.toContain(' dev ');
    expect(await sh(lab, `nsenter --net=${ns} bridge fdb show dev nosuch`)).toEqual({ out: '', err: 'Cannot find device "nosuch"\n', status: 1 });
  });
});

describe('ip -o and bridge in netshoot', () => {
  it('ip -o a: one line per address; ip -o link: one per link', async () => {
    const lab = await swarmLab();
    const a = await ok(lab, 'docker exec client ip -o -4 a');
    expect(a).toMatch(/^1: lo    inet 127\.0\.0\.1\/8 scope host lo\\ {7}valid_lft forever preferred_lft forever\n/);
    expect(a).toMatch(/\n\d+: eth0    inet 10\.0\.1\.\d+\/24 brd 10\.0\.1\.255 scope global eth0\\ {7}valid_lft forever preferred_lft forever\n/);
    const link = (await ok(lab, 'docker exec client ip -o link')).trim().split('\n');
    expect(link[0]).toMatch(/^1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 .*\\ {4}link\/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00$/);
    expect(link.slice(1).every((l) => /^\d+: eth\d@if\d+: .* mtu \d+ .*\\ {4}link\/ether ([0-9a-f]{2}:){5}[0-9a-f]{2} brd ff:ff:ff:ff:ff:ff link-netnsid \d+$/.test(l))).toBe(true);
  });

  it('bridge fdb show with --net host lists the bridges\' learnt and permanent entries', async () => {
    const lab = await swarmLab();
    const fdb = await ok(lab, 'docker run --rm --net host nicolaka/netshoot bridge fdb show');
    expect(fdb).toMatch(/^33:33:00:00:00:01 dev docker_gwbridge self permanent$/m);
    expect(fdb).toMatch(/^([0-9a-f]{2}:){5}[0-9a-f]{2} dev veth[0-9a-f]{7} master docker_gwbridge permanent$/m);
  });
});

describe('iftop (text mode)', () => {
  /** Starts iftop in a first tab, runs `others` in a second, and waits for iftop's -s to end it. */
  async function during(lab: EmulatedLab, line: string, others: string[]): Promise<{ out: string; err: string; status: number }> {
    let out = '';
    let err = '';
    const running = lab.run(line, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
    await new Promise((r) => setTimeout(r, 0));
    for (const o of others) await ok(lab, o);
    const status = await running;
    return { out, err, status };
  }

  async function bridgeLab(): Promise<EmulatedLab> {
    const lab = createLab({ seed: 3 }) as EmulatedLab;
    for (const l of ['docker pull -q nicolaka/netshoot', 'docker network create mynet', 'docker run -d --name web --network mynet nginx', 'docker run -d --name client --network mynet alpine sleep 1d']) await ok(lab, l);
    return lab;
  }

  it('counts what really crossed web\'s eth0 while it ran: one pair, sent and received, then totals', async () => {
    const lab = await bridgeLab();
    const r = await during(lab, 'docker run --rm --net container:web nicolaka/netshoot iftop -t -n -s 10', ['docker exec client ping -c 3 web', 'docker exec client wget -qO- web']);
    expect(r.status, r.err).toBe(0);
    expect(r.err).toMatch(/^interface: eth0\nIP address is: 172\.18\.0\.2\nMAC address is: ([0-9a-f]{2}:){5}[0-9a-f]{2}\nListening on eth0\n$/);
    const l = r.out.split('\n');
    expect(l[0]).toBe('   # Host name (port/service if enabled)            last 2s   last 10s   last 40s cumulative');
    expect(l[1]).toBe('-'.repeat(92));
    expect(l[2]).toMatch(/^ {3}1 172\.18\.0\.2 {31}=> +\S+ +\S+ +\S+ +\d\.\d\dKB$/);
    expect(l[3]).toMatch(/^ {5}172\.18\.0\.3 {31}<= +\S+ +\S+ +\S+ +\d+B$/);
    expect(l[4]).toBe('-'.repeat(92));
    expect(l.slice(5, 8).map((x) => x.slice(0, 48).trim())).toEqual(['Total send rate:', 'Total receive rate:', 'Total send and receive rate:']);
    expect(l[9]).toMatch(/^Peak rate \(sent\/received\/total\): {16} +\d\.\d\dKb +\d\.\d\dKb +\d\.\d\dKb$/);
    expect(l[10]).toMatch(/^Cumulative \(sent\/received\/total\): +\d\.\d\dKB +\d+B +\d\.\d\dKB$/);
    expect(l[11]).toBe('='.repeat(92));
    expect(l.every((x) => x.length <= 92)).toBe(true);
    // Ping alone: 3 requests and 3 replies of 84 bytes each way (IP length), nothing else.
    const quiet = await bridgeLab();
    const pings = await during(quiet, 'docker run --rm --net container:web nicolaka/netshoot iftop -t -s 4', ['docker exec client ping -c 3 web']);
    expect(pings.out.split('\n')[10]).toMatch(/^Cumulative \(sent\/received\/total\): +252B +252B +504B$/);
  });

  it('alone, it watches a lab\'s background traffic: a client polling every second', async () => {
    const lab = await bridgeLab();
    await ok(lab, "docker run -d --name poller --network mynet alpine sh -c 'while true; do wget -qO- web >/dev/null; sleep 1; done'");
    const r = await sh(lab, 'docker run --rm --net container:web nicolaka/netshoot iftop -t -s 3');
    expect(r.status).toBe(0);
    const l = r.out.split('\n');
    expect(l[2]).toMatch(/^ {3}1 172\.18\.0\.2 {31}=> +\d+\.\d+Kb +\d+\.\d+Kb +\d+\.\d+Kb +\d+\.\d+KB$/);
    expect(l[3]).toMatch(/^ {5}172\.18\.0\.4 {31}<= /);
  });

  it('-P keys the pairs by port; its errors', async () => {
    const lab = await bridgeLab();
    const r = await during(lab, 'docker run --rm --net container:web nicolaka/netshoot iftop -t -P -s 3', ['docker exec client wget -qO- web']);
    expect(r.out).toMatch(/^ {3}1 172\.18\.0\.2:80 {28}=> /m);
    expect(r.out).toMatch(/^ {5}172\.18\.0\.3:\d+ +<= /m);
    expect(await sh(lab, 'docker run --rm --net container:web nicolaka/netshoot iftop -i nosuch -t')).toEqual({ out: '', err: 'interface: nosuch\npcap_open_live(nosuch): nosuch: No such device exists (SIOCGIFHWADDR: No such device)\n', status: 1 });
    expect((await sh(lab, 'docker run --rm --net container:web nicolaka/netshoot iftop -t -s 0')).err).toBe('Invalid duration, must be positive integer\n');
  });
});

describe('the netshoot README\'s examples, as written', () => {
  async function perfLab(): Promise<EmulatedLab> {
    const lab = createLab({ seed: 1 }) as EmulatedLab;
    for (const l of ['docker pull -q nicolaka/netshoot', 'docker network create perf-test', 'docker run -d --name perf-test-a --network perf-test nicolaka/netshoot iperf -s -p 9999', 'docker run -d --name perf-test-b --network perf-test nicolaka/netshoot sleep 1d']) await ok(lab, l);
    return lab;
  }

  it('netstat -tulpn: the server, and the embedded DNS\'s own sockets on 127.0.0.11', async () => {
    const lab = await perfLab();
    const out = await ok(lab, 'docker run --rm --net container:perf-test-a nicolaka/netshoot netstat -tulpn');
    const rows = out.split('\n');
    expect(rows[0]).toBe('Active Internet connections (only servers)');
    expect(out).toMatch(/^tcp {8}0 {6}0 127\.0\.0\.11:\d+ +0\.0\.0\.0:\* +LISTEN {6}- +$/m);
    expect(out).toMatch(/^tcp {8}0 {6}0 0\.0\.0\.0:9999 +0\.0\.0\.0:\* +LISTEN {6}1\/iperf +$/m);
    expect(out).toMatch(/^udp {8}0 {6}0 127\.0\.0\.11:\d+ +0\.0\.0\.0:\* +- +$/m);
  });

  it('drill -V 5 prints the query it sends, then the answer', async () => {
    const lab = await perfLab();
    const out = await ok(lab, 'docker run --rm --net container:perf-test-a nicolaka/netshoot drill -V 5 perf-test-b');
    const query = out.slice(0, out.indexOf(';; MSG SIZE  rcvd: 0\n') + ';; MSG SIZE  rcvd: 0\n'.length);
    expect(query).toMatch(/^;; ->>HEADER<<- opcode: QUERY, rcode: NOERROR, id: 0\n;; flags: rd ; QUERY: 1, ANSWER: 0, AUTHORITY: 0, ADDITIONAL: 0 \n;; QUESTION SECTION:\n;; perf-test-b\.\tIN\tA\n\n;; ANSWER SECTION:\n\n;; AUTHORITY SECTION:\n\n;; ADDITIONAL SECTION:\n\n;; Query time: 0 msec\n;; WHEN: .+\n;; MSG SIZE {2}rcvd: 0\n$/);
    const answer = out.slice(query.length);
    expect(answer).toMatch(/^;; ->>HEADER<<- opcode: QUERY, rcode: NOERROR, id: \d+\n;; flags: qr rd ra ; QUERY: 1, ANSWER: 1,/);
    expect(answer).toContain('\nperf-test-b.\t600\tIN\tA\t172.18.0.3\n');
    expect(answer).toContain(';; SERVER: 127.0.0.11\n');
    expect(answer.endsWith(';; MSG SIZE  rcvd: 56\n')).toBe(true);
  });

  it('tcpdump -i eth0 port 9999 -c 1 -Xvv in the server\'s namespace catches the client\'s SYN', async () => {
    const lab = await perfLab();
    let out = '';
    const running = lab.run('docker run --rm --net container:perf-test-a nicolaka/netshoot tcpdump -i eth0 port 9999 -c 1 -Xvv', { stdout: (t) => (out += t) });
    await new Promise((r) => setTimeout(r, 0));
    expect(await lab.run('docker exec perf-test-b iperf -c perf-test-a -p 9999')).toBe(0);
    expect(await running).toBe(0);
    expect(out).toMatch(/^\d\d:\d\d:\d\d\.\d{6} IP \(tos 0x0, ttl 64, .*proto TCP \(6\), length 60\)\n {4}\S+\.\d+ > \S+\.9999: Flags \[S\], /);
    expect(out).toContain('\t0x0000:  4500 003c ');
  });
});

describe('iperf3 over an MTU black hole', () => {
  it('node2\'s NIC at 1400: uploads from node2 pass (its VXLAN frames leave fragmented), downloads to it stall after the handshake', async () => {
    const lab = createLab({ seed: 3, hosts: 2 }) as EmulatedLab;
    for (const l of ['docker swarm init', 'ssh node2 docker swarm join --token $(docker swarm join-token -q worker) 192.168.1.11:2377', 'docker network create -d overlay --attachable appnet', 'docker pull -q nicolaka/netshoot', 'ssh node2 docker pull -q nicolaka/netshoot', 'docker run -d --name srv --network appnet nicolaka/netshoot iperf3 -s', 'ssh node2 docker run -d --name cli --network appnet nicolaka/netshoot sleep 1d']) await ok(lab, l);
    const run = async (line: string): Promise<string> => {
      let out = '';
      expect(await lab.run(line, { stdout: (t) => (out += t) })).toBe(0);
      return out;
    };
    expect(await run('ssh node2 docker exec cli iperf3 -c srv -t 2 -R')).toMatch(/ {2}0\.00-2\.00 {3}sec {3}2\d\d MBytes {3}[89]\d\d Mbits\/sec {18}receiver\n/);
    await ok(lab, 'ssh node2 ip link set eth0 mtu 1400');
    expect(await run('ssh node2 docker exec cli iperf3 -c srv -t 2')).toMatch(/ {2}0\.00-2\.0\d {3}sec {3}2\d\d MBytes {3}[89]\d\d Mbits\/sec {18}receiver\n/);
    const stalled = (await run('ssh node2 docker exec cli iperf3 -c srv -t 3 -R')).split('\n');
    expect(stalled.slice(4, 7)).toEqual([1, 2, 3].map((i) => `[  5]   ${i - 1}.00-${i}.00   sec  0.00 Bytes  0.00 bits/sec                  `));
    expect(stalled[9]).toMatch(/^\[ {2}5\] {3}0\.00-3\.0\d {3}sec {2}\d+\.\d KBytes {3}\d+ Kbits\/sec {4}3 {13}sender$/);
    expect(stalled[10]).toBe('[  5]   0.00-3.00   sec  0.00 Bytes  0.00 bits/sec                  receiver');
    // The server, the sender here, shows its retransmissions and a one-segment window.
    expect((await ok(lab, 'docker logs srv'))).toMatch(/\n\[ {2}5\] {3}1\.00-2\.00 {3}sec {2}0\.00 Bytes {2}0\.00 bits\/sec {4}1 {3}1\.41 KBytes {7}\n/);
  });
});

describe('nc -l as a container\'s main command', () => {
  it('listens from the start: nc -z reaches it by name, ss shows it, a published port reaches it; -u listens on UDP', async () => {
    const lab = createLab({ seed: 1 }) as EmulatedLab;
    for (const l of ['docker pull -q nicolaka/netshoot', 'docker network create mynet', 'docker run -d --name srv --network mynet -p 9000:9000 nicolaka/netshoot nc -lk -p 9000', 'docker run -d --name usrv --network mynet nicolaka/netshoot nc -lu 5353']) await ok(lab, l);
    expect(await sh(lab, 'docker run --rm --network mynet nicolaka/netshoot nc -zv srv 9000')).toEqual({ out: '', err: 'Connection to srv (172.18.0.2) 9000 port [tcp/*] succeeded!\n', status: 0 });
    expect(await ok(lab, 'docker exec srv ss -tlnp')).toMatch(/0\.0\.0\.0:9000 +0\.0\.0\.0:\* +users:\(\("nc",pid=1,fd=\d+\)\)/);
    expect((await sh(lab, 'nc -zv localhost 9000')).err).toBe('Connection to localhost (127.0.0.1) 9000 port [tcp/*] succeeded!\n');
    expect(await ok(lab, 'docker exec usrv ss -ulnp')).toMatch(/0\.0\.0\.0:5353 +0\.0\.0\.0:\*/);
    expect((await sh(lab, 'docker run --rm --network mynet nicolaka/netshoot nc -zv srv 9001')).err).toBe('nc: connect to srv (172.18.0.2) port 9001 (tcp) failed: Connection refused\n');
    expect(await ok(lab, 'docker logs srv')).toBe('');
  });
});

describe('iperf3 -P', () => {
  it('streams 5 and 7 share the path; a [SUM] line and a separator per second; per-stream and [SUM] summaries on both sides', async () => {
    const lab = createLab({ seed: 1 }) as EmulatedLab;
    for (const l of ['docker pull -q nicolaka/netshoot', 'docker network create mynet', 'docker run -d --name srv --network mynet nicolaka/netshoot iperf3 -s']) await ok(lab, l);
    let out = '';
    expect(await lab.run('docker run --rm --network mynet nicolaka/netshoot iperf3 -c srv -t 2 -P 2', { stdout: (t) => (out += t) })).toBe(0);
    const l = out.split('\n');
    expect(l[1]).toMatch(/^\[ {2}5\] local 172\.18\.0\.3 port \d+ connected to 172\.18\.0\.2 port 5201$/);
    expect(l[2]).toMatch(/^\[ {2}7\] local 172\.18\.0\.3 port \d+ connected to 172\.18\.0\.2 port 5201$/);
    expect(l[4]).toMatch(/^\[ {2}5\] {3}0\.00-1\.00 {3}sec {2}1\.\d\d GBytes {2}1[2-4]\.\d Gbits\/sec {4}0 {3}1\.\d\d MBytes {7}$/);
    expect(l[6]).toMatch(/^\[SUM\] {3}0\.00-1\.00 {3}sec {2}3\.\d\d GBytes {2}2[6-8]\.\d Gbits\/sec {4}0 {13}$/);
    expect(l[7]).toBe('- - - - - - - - - - - - - - - - - - - - - - - - -');
    expect(l[10]).toMatch(/^\[SUM\] {3}1\.00-2\.00 /);
    expect(l[11]).toBe('- - - - - - - - - - - - - - - - - - - - - - - - -');
    expect(l[12]).toBe('[ ID] Interval           Transfer     Bitrate         Retr');
    expect(l.slice(13, 19).map((x) => x.slice(0, 5) + x.slice(-8).trim())).toEqual(['[  5]sender', '[  5]receiver', '[  7]sender', '[  7]receiver', '[SUM]sender', '[SUM]receiver']);
    expect(out.endsWith('receiver\n\niperf Done.\n')).toBe(true);
    const logs = await ok(lab, 'docker logs srv');
    expect(logs).toMatch(/\n\[SUM\] {3}0\.00-2\.00 {3}sec {2}6\.\d\d GBytes {2}2[6-8]\.\d Gbits\/sec {18}receiver\n/);
    expect((await sh(lab, 'docker run --rm --network mynet nicolaka/netshoot iperf3 -c srv -P 200')).err).toMatch(/^iperf3: parameter error - number of parallel streams too large \(maximum = 128\)\n/);
  });
});

describe('determinism', () => {
  it('the same seed and commands give the same transcript (ipvsadm, bridge fdb, ls netns, iftop, iperf3 -P)', async () => {
    const transcript = async (): Promise<string> => {
      const lab = await swarmLab(9);
      await ok(lab, "docker run -d --name poller --network appnet alpine sh -c 'while true; do wget -qO- web >/dev/null; sleep 1; done'");
      const net = (await ok(lab, "docker network inspect -f '{{.Id}}' appnet")).trim();
      let all = '';
      for (const l of [
        `${PRIV} nsenter --net=/var/run/docker/netns/lb_${net.slice(0, 9)} ipvsadm -Ln`, 'ls /var/run/docker/netns', `nsenter --net=/var/run/docker/netns/1-${net.slice(0, 10)} bridge fdb show`,
        'docker exec client iftop -t -s 3', 'docker run -d --name perf --network appnet nicolaka/netshoot iperf3 -s', 'docker exec client iperf3 -c perf -t 2 -P 3',
      ]) {
        let out = '';
        await lab.run(l, { stdout: (t) => (out += t), stderr: (t) => (out += t) });
        all += out;
      }
      return all;
    };
    const first = await transcript();
    expect(first).toContain('[SUM]');
    expect(first).toContain('Cumulative (sent/received/total):');
    expect(await transcript()).toBe(first);
  });
});

describe('iperf3 -u', () => {
  it('datagrams per second on the sender, jitter and lost/total on the receiver; a firewall dropping UDP leaves the receiver at 0/0', async () => {
    const lab = createLab({ seed: 1, hosts: 2 }) as EmulatedLab;
    for (const l of ['docker pull -q nicolaka/netshoot', 'ssh node2 docker pull -q nicolaka/netshoot', 'docker network create mynet', 'docker run -d --name srv --network mynet -p 5201:5201 -p 5201:5201/udp nicolaka/netshoot iperf3 -s']) await ok(lab, l);
    const run = async (line: string): Promise<string[]> => {
      let out = '';
      expect(await lab.run(line, { stdout: (t) => (out += t) })).toBe(0);
      return out.split('\n');
    };
    const l = await run('docker run --rm --network mynet nicolaka/netshoot iperf3 -c srv -u -t 2');
    expect(l[2]).toBe('[ ID] Interval           Transfer     Bitrate         Total Datagrams');
    expect(l[3]).toMatch(/^\[ {2}5\] {3}0\.00-1\.00 {3}sec {3}12\d KBytes {2}1\.0\d Mbits\/sec {2}(8[7-9]|9[01]) {2}$/);
    expect(l[6]).toBe('[ ID] Interval           Transfer     Bitrate         Jitter    Lost/Total Datagrams');
    const total = /0\/(\d+) \(0%\) {2}sender$/.exec(l[7])![1];
    expect(l[7]).toMatch(/ {2}0\.000 ms {2}0\/\d+ \(0%\) {2}sender$/);
    expect(l[8]).toMatch(new RegExp(`  0\\.0\\d\\d ms  0/${total} \\(0%\\)  receiver$`));
    expect(await ok(lab, 'docker logs srv')).toMatch(/\n\[ {2}5\] {3}0\.00-1\.00 {3}sec .* ms {2}0\/\d+ \(0%\) {2}\n/);
    await ok(lab, 'iptables -I DOCKER-USER -p udp -j DROP');
    const dropped = await run('ssh node2 docker run --rm --net host nicolaka/netshoot iperf3 -c node1 -u -t 2');
    expect(dropped[7]).toMatch(/ {2}0\.000 ms {2}0\/\d+ \(0%\) {2}sender$/);
    expect(dropped[8]).toBe('[  5]   0.00-2.02   sec  0.00 Bytes  0.00 bits/sec  0.000 ms  0/0 (0%)  receiver');
  });

  it('-b beyond what one sender can push is capped; %.2g prints a total loss as 1e+02', async () => {
    const { iperf3UdpLine } = await import('../src/emulator/commands/netfmt/iperf');
    expect(iperf3UdpLine(5, 0, 10, 0, 0, 906, 906, 'receiver')).toBe('[  5]   0.00-10.00  sec  0.00 Bytes  0.00 bits/sec  0.000 ms  906/906 (1e+02%)  receiver\n');
    expect(iperf3UdpLine(5, 0, 10, 0, 0, 1, 906, '')).toContain(' 1/906 (0.11%)  ');
    const lab = createLab({ seed: 1 }) as EmulatedLab;
    for (const l of ['docker pull -q nicolaka/netshoot', 'docker network create mynet', 'docker run -d --name srv --network mynet nicolaka/netshoot iperf3 -s']) await ok(lab, l);
    let out = '';
    await lab.run('docker run --rm --network mynet nicolaka/netshoot iperf3 -c srv -u -b 100G -t 1', { stdout: (t) => (out += t) });
    expect(out).toMatch(/ {2}3\.\d\d Gbits\/sec {2}\d+ {2}\n/);
  });
});
