/**
 * nicolaka/netshoot as its README uses it: the shell it opens in another
 * container's namespace or the host's, the usual tools inside it, and the
 * tools added for it (iperf3, iperf, nsenter, ethtool). Every answer comes
 * from the model (packets, sockets, devices), so each test also checks a path.
 */
import { describe, expect, it } from 'vitest';
import { network, newLab, run, sh } from './helpers/engine';
import type { EmulatedLab } from '../src/emulator/lab';
import type { CommandContext } from '../src/emulator/commands/types';
import { InterruptSource } from '../src/emulator/core/cancel';
import { iperf3 } from '../src/emulator/commands/net/iperf3';
import { NETSHOOT_MOTD } from '../src/emulator/docker/netshoot-files';
import { pullImage } from '../src/emulator/docker/image-store';

/** A line typed without the 4 s limit (iperf runs 10 s of virtual time). */
async function patient(lab: EmulatedLab, line: string): Promise<{ out: string; err: string; status: number }> {
  let out = '';
  let err = '';
  const status = await lab.run(line, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { out, err, status };
}

/** nginx `web` on the user-defined bridge `mynet`. */
function webLab(seed = 1): EmulatedLab {
  const lab = newLab(seed);
  // Pulled beforehand: `docker run` prints a first pull's progress on stderr, as the real CLI does.
  pullImage(lab.ctx, 'node1', 'nicolaka/netshoot');
  network(lab, { name: 'mynet' });
  run(lab, { name: 'web', image: 'nginx', cmd: [], networkMode: 'mynet' });
  return lab;
}

const SHOOT = 'docker run --rm --net container:web nicolaka/netshoot';

describe('the netshoot shell', () => {
  it('--net container:web: the motd, then a prompt with web\'s host name; the files are web\'s', async () => {
    const lab = webLab();
    const web = lab.query.container('web')!;
    // Read before entering: netshoot has no docker CLI.
    const webResolv = (await sh(lab, 'docker exec web cat /etc/resolv.conf')).out;
    const r = await sh(lab, 'docker run -it --net container:web nicolaka/netshoot');
    expect(r.status).toBe(0);
    expect(r.out.endsWith(`${NETSHOOT_MOTD}\n\n\n`)).toBe(true);
    expect(r.out).toContain('Welcome to Netshoot! (github.com/nicolaka/netshoot)\n');
    expect(lab.prompt()).toBe(`${web.id.slice(0, 12)} ~ > `);
    expect((await sh(lab, 'hostname')).out).toBe(`${web.id.slice(0, 12)}\n`);
    expect((await sh(lab, 'cat /etc/resolv.conf')).out).toBe(webResolv);
    expect(webResolv).toContain('nameserver 127.0.0.11\n');
    expect((await sh(lab, 'cat ~/motd')).out).toBe(NETSHOOT_MOTD);
    await sh(lab, 'cd /tmp');
    expect(lab.prompt()).toBe(`${web.id.slice(0, 12)} /tmp > `);
    await sh(lab, 'exit');
    expect(lab.prompt()).toBe('root@node1:~# ');
  });

  it('--net host: the host\'s name and interfaces', async () => {
    const lab = webLab();
    await sh(lab, 'docker run -it --net host nicolaka/netshoot');
    expect(lab.prompt()).toBe('node1 ~ > ');
    const ip = (await sh(lab, 'ip -br a')).out;
    expect(ip).toMatch(/^eth0 +UP +192\.168\.1\.11\/24 /m);
    expect(ip).toMatch(/^docker0 +/m);
  });

  it('other images keep their prompts; docker exec -it netshoot zsh prints the motd too', async () => {
    const lab = webLab();
    await sh(lab, 'docker run -dit --name shoot --net container:web nicolaka/netshoot');
    const r = await sh(lab, 'docker exec -it shoot zsh');
    expect(r.out).toBe(`${NETSHOOT_MOTD}\n\n\n`);
    await sh(lab, 'exit');
    await sh(lab, 'docker exec -it web bash');
    expect(lab.prompt()).toMatch(/^root@[0-9a-f]{12}:\/# $/);
  });
});

describe('the usual tools inside it, as the README runs them', () => {
  it('drill asks the embedded DNS; a name it does not know is NXDOMAIN', async () => {
    const lab = webLab();
    const drill = (await sh(lab, `${SHOOT} drill web`)).out;
    expect(drill).toContain(';; ANSWER SECTION:\nweb.\t600\tIN\tA\t172.18.0.2\n');
    expect(drill).toContain(';; SERVER: 127.0.0.11\n');
    const tasks = (await sh(lab, `${SHOOT} drill tasks.web`)).out;
    expect(tasks).toContain('rcode: NXDOMAIN');
    expect((await sh(lab, `${SHOOT} nslookup web`)).out).toBe('Server:\t\t127.0.0.11\nAddress:\t127.0.0.11#53\n\nNon-authoritative answer:\nName:\tweb\nAddress: 172.18.0.2\n\n');
  });

  it('netstat -taupn and ss -tlpn show nginx, which runs in the shared namespace', async () => {
    const lab = webLab();
    const netstat = (await sh(lab, `${SHOOT} netstat -taupn`)).out;
    expect(netstat.split('\n')[0]).toBe('Active Internet connections (servers and established)');
    expect(netstat).toContain('tcp        0      0 0.0.0.0:80              0.0.0.0:*               LISTEN      1/nginx: master pro \n');
    expect((await sh(lab, `${SHOOT} ss -tlpn`)).out).toMatch(/0\.0\.0\.0:80 +0\.0\.0\.0:\* +users:\(\("nginx",pid=1,fd=\d+\)\)/);
    expect((await sh(lab, `${SHOOT} ip a`)).out).toMatch(/inet 172\.18\.0\.2\/16 brd 172\.18\.255\.255 scope global eth0/);
  });

  it('curl and nc reach nginx over lo and eth0, and report a closed port', async () => {
    const lab = webLab();
    expect((await sh(lab, `${SHOOT} curl -s localhost`)).out).toContain('<title>Welcome to nginx!</title>');
    expect(await sh(lab, `${SHOOT} nc -zv web 80`)).toEqual({ out: '', err: 'Connection to web (172.18.0.2) 80 port [tcp/http] succeeded!\n', status: 0 });
    expect((await sh(lab, `${SHOOT} nc -zv web 81`)).err).toBe('nc: connect to web (172.18.0.2) port 81 (tcp) failed: Connection refused\n');
  });

  it('iptables needs NET_ADMIN (--cap-add NET_ADMIN, as the docs run it)', async () => {
    const lab = webLab();
    expect(await sh(lab, `${SHOOT} iptables -L -n`)).toEqual({
      out: '', err: 'iptables v1.8.11 (nf_tables): Could not fetch rule set generation id: Permission denied (you must be root)\n', status: 4,
    });
    const allowed = await sh(lab, 'docker run --rm --net container:web --cap-add NET_ADMIN nicolaka/netshoot iptables -t nat -S');
    expect(allowed.status).toBe(0);
    expect(allowed.out).toContain('-A DOCKER_OUTPUT -d 127.0.0.11/32 -p udp');
  });

  it('bridge link: no ports inside a container; the host\'s veths with --net host', async () => {
    const lab = webLab();
    expect((await sh(lab, `${SHOOT} bridge link`)).out).toBe('');
    expect((await sh(lab, 'docker run --rm --net host nicolaka/netshoot bridge link')).out).toMatch(/^\d+: veth[0-9a-f]{7}@if\d+: .* master br-[0-9a-f]{12} state forwarding/);
  });
});

describe('ethtool', () => {
  it('a container\'s eth0 is a veth: 10000Mb/s, and -S names the host end', async () => {
    const lab = webLab();
    const settings = (await sh(lab, `${SHOOT} ethtool eth0`)).out;
    expect(settings).toContain('Settings for eth0:\n');
    expect(settings).toContain('\tSpeed: 10000Mb/s\n\tDuplex: Full\n\tAuto-negotiation: off\n\tPort: Twisted Pair\n');
    expect(settings.endsWith('\tLink detected: yes\n')).toBe(true);
    expect((await sh(lab, `${SHOOT} ethtool -i eth0`)).out.split('\n').slice(0, 2)).toEqual(['driver: veth', 'version: 1.0']);
    const peer = /eth0@if(\d+)/.exec((await sh(lab, `${SHOOT} ip a`)).out)![1];
    expect((await sh(lab, `${SHOOT} ethtool -S eth0`)).out).toContain(`NIC statistics:\n     peer_ifindex: ${peer}\n`);
    expect((await sh(lab, 'ip -o link')).out).toMatch(new RegExp(`^${peer}: veth[0-9a-f]{7}@if\\d+:`, 'm'));
  });

  it('the host\'s NIC (e1000), its bridges, and a name with no device', async () => {
    const lab = webLab();
    expect((await sh(lab, 'ethtool eth0')).out).toContain('\tSpeed: 1000Mb/s\n\tDuplex: Full\n\tAuto-negotiation: on\n');
    expect((await sh(lab, 'ethtool -i eth0')).out).toMatch(/^driver: e1000\nversion: 6\.1\.0-37-amd64\n/);
    expect((await sh(lab, 'ethtool docker0')).out).toContain('\tSpeed: Unknown!\n\tDuplex: Unknown! (255)\n');
    expect((await sh(lab, 'ethtool docker0')).out.endsWith('\tLink detected: no\n')).toBe(true);
    expect(await sh(lab, 'ethtool -S docker0')).toEqual({ out: '', err: 'no stats available\n', status: 94 });
    const none = await sh(lab, 'ethtool nosuch');
    expect(none.status).toBe(75);
    expect(none.err.endsWith('netlink error: No such device\nNo data available\n')).toBe(true);
  });
});

describe('nsenter', () => {
  it('on the host, -t <State.Pid> -n runs the host\'s tool in the container\'s namespace', async () => {
    const lab = webLab();
    const r = await sh(lab, "nsenter -t $(docker inspect -f '{{.State.Pid}}' web) -n ip -br a");
    expect(r).toEqual({ out: expect.stringMatching(/^lo +UNKNOWN +127\.0\.0\.1\/8 ::1\/128 \neth0@if\d+ +UP +172\.18\.0\.2\/16 \n$/), err: '', status: 0 });
    expect((await sh(lab, 'nsenter -t 1 -n ip -br a')).out).toMatch(/^eth0 +UP +192\.168\.1\.11\/24/m);
    const key = (await sh(lab, "docker inspect -f '{{.NetworkSettings.SandboxKey}}' web")).out.trim();
    expect((await sh(lab, `nsenter --net=${key} ss -tln`)).out).toContain('0.0.0.0:80');
  });

  it('its errors, and a shell in the namespace until exit', async () => {
    const lab = webLab();
    expect(await sh(lab, 'nsenter -t 99999 -n ip a')).toEqual({ out: '', err: 'nsenter: cannot open /proc/99999/ns/net: No such file or directory\n', status: 1 });
    expect((await sh(lab, 'nsenter -n ip a')).err).toBe('nsenter: neither filename nor target pid supplied for ns/net\n');
    expect((await sh(lab, 'nsenter -t web -n ip a')).err).toBe("nsenter: failed to parse pid: 'web'\n");
    const pid = (await sh(lab, "docker inspect -f '{{.State.Pid}}' web")).out.trim();
    expect((await sh(lab, `nsenter -t ${pid} -n nosuch`)).status).toBe(127);
    await sh(lab, `nsenter -t ${pid} -n`);
    expect((await sh(lab, 'ip -br a')).out).toContain('172.18.0.2/16');
    expect((await sh(lab, 'docker ps -q')).out.trim().length).toBe(12); // the host's programs, in web's namespace
    await sh(lab, 'exit');
    expect((await sh(lab, 'ip -br a')).out).not.toContain('172.18.0.2/16');
  });

  it('inside netshoot it needs --privileged', async () => {
    const lab = webLab();
    expect((await sh(lab, `${SHOOT} nsenter -t 1 -n ip a`)).err).toBe("nsenter: reassociate to namespace 'ns/net' failed: Operation not permitted\n");
    expect((await sh(lab, 'docker run --rm --privileged --net container:web nicolaka/netshoot nsenter -t 1 -n ip -br a')).out).toContain('172.18.0.2/16');
  });
});

/** Runs `iperf3 -s` in a container like a terminal would, until stop() (Ctrl-C). */
function serverIn(lab: EmulatedLab, name: string): { out: () => string; stop: () => Promise<number> } {
  const c = lab.ctx.state.machines.node1.docker!.containers[lab.query.container(name)!.id];
  lab.session.enterContainer('node1', c, 'exec', 'zsh');
  const scope = lab.session.scope(lab.session.top());
  lab.session.state.stack.pop();
  let ctrlC: (v: boolean) => void = () => {};
  const waiting = new Promise<boolean>((r) => (ctrlC = r));
  let out = '';
  const ctx: CommandContext = {
    argv: ['iperf3', '-s'], env: {}, stdin: '', stdout: (t) => (out += t), stderr: (t) => (out += t),
    interrupt: new InterruptSource(), sleep: () => waiting, readLine: async () => null, scope, lab, session: lab.session,
  };
  const running = iperf3.run(ctx) as Promise<number>;
  return { out: () => out, stop: () => (ctrlC(false), running) };
}

describe('iperf3', () => {
  it('a server in one container, a client in another on a user bridge: veth speeds on both sides', async () => {
    const lab = webLab();
    run(lab, { name: 'srv-a', image: 'nicolaka/netshoot', networkMode: 'mynet' });
    run(lab, { name: 'cli-b', image: 'nicolaka/netshoot', networkMode: 'mynet' });
    const server = serverIn(lab, 'srv-a');
    expect(server.out()).toBe('-----------------------------------------------------------\nServer listening on 5201 (test #1)\n-----------------------------------------------------------\n');
    expect((await sh(lab, 'docker exec srv-a ss -tlnp')).out).toMatch(/0\.0\.0\.0:5201 +0\.0\.0\.0:\* +users:\(\("iperf3",pid=\d+,fd=\d+\)\)/);
    const client = await patient(lab, 'docker exec cli-b iperf3 -c srv-a');
    expect(client.status).toBe(0);
    const lines = client.out.split('\n');
    expect(lines[0]).toBe('Connecting to host srv-a, port 5201');
    expect(lines[1]).toMatch(/^\[ {2}5\] local 172\.18\.0\.4 port \d+ connected to 172\.18\.0\.3 port 5201$/);
    expect(lines[2]).toBe('[ ID] Interval           Transfer     Bitrate         Retr  Cwnd');
    expect(lines[3]).toMatch(/^\[ {2}5\] {3}0\.00-1\.00 {3}sec {2}3\.\d\d GBytes {2}2[6-8]\.\d Gbits\/sec {4}0 {3}3\.\d\d MBytes {7}$/);
    expect(lines[12]).toMatch(/^\[ {2}5\] {3}9\.00-10\.00 {2}sec /);
    expect(lines[13]).toBe('- - - - - - - - - - - - - - - - - - - - - - - - -');
    expect(lines[15]).toMatch(/^\[ {2}5\] {3}0\.00-10\.00 {2}sec {2}3\d\.\d GBytes {2}2[6-8]\.\d Gbits\/sec {4}0 {13}sender$/);
    expect(lines[16]).toMatch(/ {18}receiver$/);
    expect(client.out.endsWith('\niperf Done.\n')).toBe(true);
    const served = server.out();
    expect(served).toMatch(/\nAccepted connection from 172\.18\.0\.4, port \d+\n\[ {2}5\] local 172\.18\.0\.3 port 5201 connected to 172\.18\.0\.4 port \d+\n\[ ID\] Interval {11}Transfer {5}Bitrate\n/);
    expect(served).toContain(lines[16].replace(/ +receiver$/, ''));
    expect(served.endsWith('Server listening on 5201 (test #2)\n-----------------------------------------------------------\n')).toBe(true);
    expect(await server.stop()).toBe(1);
    expect(server.out().endsWith('iperf3: interrupt - the server has terminated\n')).toBe(true);
    // Once the server is gone, its port is closed again.
    expect((await sh(lab, 'docker exec cli-b iperf3 -c srv-a')).err).toContain(': Connection refused\n');
  });

  it('a closed port, an unknown name, and a port that is not an iperf3 server', async () => {
    const lab = webLab();
    expect(await sh(lab, `${SHOOT} iperf3 -c web`)).toEqual({
      out: '', err: 'iperf3: error - unable to connect to server - server may have stopped running or use a different port, firewall issue, etc.: Connection refused\n', status: 1,
    });
    expect((await sh(lab, `${SHOOT} iperf3 -c nosuch`)).err).toBe('iperf3: error - unable to connect to server - server may have stopped running or use a different port, firewall issue, etc.: Name does not resolve\n');
    expect(await patient(lab, `${SHOOT} iperf3 -c web -p 80`)).toEqual({ out: '', err: 'iperf3: error - control socket has closed unexpectedly\n', status: 1 });
    expect((await sh(lab, `${SHOOT} iperf3`)).err).toMatch(/^iperf3: parameter error - must either be a client \(-c\) or server \(-s\)\n/);
  });

  it('a detached server logs each test; across the LAN a published port gives ~941 Mbit/s', async () => {
    const lab = newLab(1, 2);
    await sh(lab, 'docker run -d --name srv -p 5201:5201 nicolaka/netshoot iperf3 -s');
    expect((await sh(lab, 'ss -tln')).out).toContain('0.0.0.0:5201');
    await sh(lab, 'ssh node2');
    const client = await patient(lab, 'docker run --rm --net host nicolaka/netshoot iperf3 -c node1 -t 3');
    expect(client.out).toMatch(/\[ {2}5\] local 192\.168\.1\.12 port \d+ connected to 192\.168\.1\.11 port 5201\n/);
    expect(client.out).toMatch(/\[ {2}5\] {3}0\.00-3\.00 {3}sec {3}3\d\d MBytes {3}9[2-4]\d Mbits\/sec +\d+ +sender\n/);
    expect(client.out).toMatch(/\[ {2}5\] {3}0\.00-3\.0[1-4] {3}sec {3}3\d\d MBytes {3}9\d\d Mbits\/sec {18}receiver\n/);
    await sh(lab, 'exit');
    const logs = (await sh(lab, 'docker logs srv')).out;
    expect(logs.startsWith('-----------------------------------------------------------\nServer listening on 5201 (test #1)\n')).toBe(true);
    // The server sees the client's own address (a published port DNATs the destination only) and its own.
    expect(logs).toMatch(/\nAccepted connection from 192\.168\.1\.12, port \d+\n\[ {2}5\] local 172\.17\.0\.2 port 5201 connected to 192\.168\.1\.12 port \d+\n/);
    expect(logs).toContain('Server listening on 5201 (test #2)');
  });
});

describe('iperf (2), the README\'s first example', () => {
  it('server and client on one network; the server\'s report is in docker logs', async () => {
    const lab = newLab();
    await sh(lab, 'docker network create perf-test');
    await sh(lab, 'docker run -d --name perf-test-a --network perf-test nicolaka/netshoot iperf -s -p 9999');
    const client = await patient(lab, 'docker run --rm --network perf-test nicolaka/netshoot iperf -c perf-test-a -p 9999');
    expect(client.out).toMatch(
      /^-{60}\nClient connecting to perf-test-a, TCP port 9999\nTCP window size: 85\.0 KByte \(default\)\n-{60}\n\[ {2}3\] local 172\.18\.0\.3 port \d+ connected with 172\.18\.0\.2 port 9999\n\[ ID\] Interval {7}Transfer {5}Bandwidth\n\[ {2}3\] {2}0\.0-10\.0 sec {2}3\d\.\d GBytes {2}2\d\.\d Gbits\/sec\n$/,
    );
    const logs = (await sh(lab, 'docker logs perf-test-a')).out;
    expect(logs).toMatch(/^-{60}\nServer listening on TCP port 9999\nTCP window size: 85\.3 KByte \(default\)\n-{60}\n\[ {2}4\] local 172\.18\.0\.2 port 9999 connected with 172\.18\.0\.3 port \d+\n/);
    expect((await sh(lab, 'docker run --rm --network perf-test nicolaka/netshoot netstat -tln')).out).not.toContain(':9999');
    expect((await sh(lab, 'docker run --rm --net container:perf-test-a nicolaka/netshoot netstat -tulpn')).out).toMatch(/0\.0\.0\.0:9999 +0\.0\.0\.0:\* +LISTEN/);
  });
});

describe('determinism', () => {
  it('the same seed and commands give the same transcript', async () => {
    const transcript = async (): Promise<string> => {
      const lab = webLab(7);
      let all = '';
      for (const line of ['docker run -d --name srv --network mynet nicolaka/netshoot iperf3 -s', 'docker run --rm --network mynet nicolaka/netshoot iperf3 -c srv -t 3', 'docker logs srv', `${SHOOT} ethtool -S eth0`, `${SHOOT} drill web`]) {
        const r = await patient(lab, line);
        all += r.out + r.err;
      }
      return all;
    };
    const first = await transcript();
    expect(first).toContain('iperf Done.');
    expect(await transcript()).toBe(first);
  });
});
