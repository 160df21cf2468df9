/**
 * The network tools typed at a prompt: curl, wget, nslookup, dig, drill, nc,
 * netstat, ss, arp, route, brctl, bridge, traceroute. Every answer comes
 * from packets crossing the model, so each test also checks a path.
 */
import { describe, expect, it } from 'vitest';
import { network, newLab, run, sh } from './helpers/engine';
import type { EmulatedLab } from '../src/emulator/lab';
import type { CommandContext } from '../src/emulator/commands/types';
import { InterruptSource } from '../src/emulator/core/cancel';
import { nc } from '../src/emulator/commands/net/nc';

/** A line typed without the 4 s limit, for tools that wait minutes of virtual time. */
async function patient(lab: EmulatedLab, line: string): Promise<{ out: string; err: string; status: number }> {
  let out = '';
  let err = '';
  const status = await lab.run(line, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { out, err, status };
}

function webLab(): EmulatedLab {
  const lab = newLab();
  network(lab, { name: 'mynet' });
  run(lab, { name: 'web', image: 'nginx', cmd: [], networkMode: 'mynet', portBindings: { '80/tcp': [{ hostIp: '', hostPort: '8080' }] } });
  run(lab, { name: 'c1', networkMode: 'mynet' });
  return lab;
}

describe('curl', () => {
  it('shows the nginx welcome page through a published port, and nginx logs the request', async () => {
    const lab = webLab();
    const r = await sh(lab, 'curl localhost:8080');
    expect(r.status).toBe(0);
    expect(r.out).toContain('<title>Welcome to nginx!</title>');
    expect(r.out.length).toBe(615);
    const logs = (await sh(lab, 'docker logs web')).out.trim().split('\n');
    // docker-proxy connects from the bridge's gateway address.
    expect(logs.at(-1)).toBe('172.18.0.1 - - [12/Jan/2026:09:00:00 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/7.88.1" "-"');
  });

  it('reaches an unpublished container on the default bridge from the host, not from the laptop', async () => {
    const lab = newLab();
    run(lab, { name: 'hidden', image: 'nginx', cmd: [] });
    expect((await sh(lab, 'curl -s 172.17.0.2')).out).toContain('Welcome to nginx!');
    await sh(lab, 'ssh laptop');
    expect(await sh(lab, 'curl -m 2 172.17.0.2')).toEqual({ out: '', err: 'curl: (28) Connection timed out after 2001 milliseconds\n', status: 28 });
    expect(await patient(lab, 'curl 172.17.0.2')).toEqual({
      out: '',
      err: 'curl: (28) Failed to connect to 172.17.0.2 port 80 after 130000 ms: Connection timed out\n',
      status: 28,
    });
  });

  it('prints the real errors for a bad name and a closed port, and honours -s/-S', async () => {
    const lab = webLab();
    expect(await sh(lab, 'curl web')).toEqual({ out: '', err: 'curl: (6) Could not resolve host: web\n', status: 6 });
    expect(await sh(lab, 'curl -s web')).toEqual({ out: '', err: '', status: 6 });
    expect((await sh(lab, 'curl -sS web')).err).toBe('curl: (6) Could not resolve host: web\n');
    expect(await sh(lab, 'curl 172.18.0.2:81')).toEqual({
      out: '', err: "curl: (7) Failed to connect to 172.18.0.2 port 81 after 0 ms: Couldn't connect to server\n", status: 7,
    });
    expect((await sh(lab, 'curl --bogus x')).err).toBe("curl: option --bogus: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n");
  });

  it('-I, -i, -v, -o, -w and -f', async () => {
    const lab = webLab();
    const head = await sh(lab, 'curl -I 172.18.0.2');
    expect(head.out.split('\r\n').slice(0, 3)).toEqual(['HTTP/1.1 200 OK', 'Server: nginx/1.27.5', 'Date: Mon, 12 Jan 2026 09:00:00 GMT']);
    expect(head.out.endsWith('Accept-Ranges: bytes\r\n\r\n')).toBe(true);
    const v = await sh(lab, 'curl -v 172.18.0.2/nope');
    expect(v.err).toContain('> GET /nope HTTP/1.1\r\n> Host: 172.18.0.2\r\n');
    expect(v.err).toContain('< HTTP/1.1 404 Not Found\r\n');
    expect(v.err.endsWith('* Connection #0 to host 172.18.0.2 left intact\n')).toBe(true);
    expect(await sh(lab, 'curl -sf 172.18.0.2/nope')).toEqual({ out: '', err: '', status: 22 });
    expect((await sh(lab, 'curl -s -o /dev/null -w "%{http_code}\\n" 172.18.0.2')).out).toBe('200\n');
    const saved = await sh(lab, 'curl -o page.html 172.18.0.2');
    expect(saved.err).toContain('100   615  100   615');
    expect((await sh(lab, 'wc -c page.html')).out).toBe('615 page.html\n');
  });

  it('follows google.com to www.google.com with -L, and docker-proxy gives an empty reply when the container port is closed', async () => {
    const lab = newLab();
    const moved = await sh(lab, 'curl -i google.com');
    expect(moved.out).toMatch(/^HTTP\/1\.1 301 Moved Permanently\r\nLocation: http:\/\/www\.google\.com\/\r\n/);
    expect(moved.out).toContain('Content-Length: 219');
    expect((await sh(lab, 'curl -sL google.com')).out).toContain('<title>Google</title>');
    run(lab, { name: 'web', image: 'nginx', cmd: [], portBindings: { '81/tcp': [{ hostIp: '', hostPort: '8081' }] } });
    expect(await sh(lab, 'curl localhost:8081')).toEqual({ out: '', err: 'curl: (52) Empty reply from server\n', status: 52 });
  });

  it('non-HTTP servers: redis and sshd answer HTTP/0.9-style, https to a plain server fails in TLS', async () => {
    const lab = newLab();
    run(lab, { name: 'red', image: 'redis', cmd: [] });
    expect((await sh(lab, 'curl 172.17.0.2:6379')).err).toBe('curl: (1) Received HTTP/0.9 when not allowed\n');
    expect((await sh(lab, 'curl localhost:22')).err).toBe('curl: (1) Received HTTP/0.9 when not allowed\n');
    expect((await sh(lab, 'docker logs red')).out).toContain('Possible SECURITY ATTACK detected');
    run(lab, { name: 'web', image: 'nginx', cmd: [], portBindings: { '80/tcp': [{ hostIp: '', hostPort: '443' }] } });
    expect((await sh(lab, 'curl https://localhost')).err).toBe('curl: (35) error:0A00010B:SSL routines::wrong version number\n');
    expect((await sh(lab, 'curl -s https://example.com')).out).toContain('<h1>Example Domain</h1>');
  });

  it('is not installed in alpine', async () => {
    const lab = webLab();
    expect((await sh(lab, 'docker exec c1 curl web')).status).toBe(126);
  });
});

describe('wget', () => {
  it('BusyBox in alpine: saves index.html, then refuses to overwrite it; -qO- prints the body', async () => {
    const lab = webLab();
    expect(await sh(lab, 'docker exec c1 wget web')).toEqual({
      out: '',
      err: "Connecting to web (172.18.0.2:80)\nsaving to 'index.html'\nindex.html           100% |********************************|   615  0:00:00 ETA\n'index.html' saved\n",
      status: 0,
    });
    expect(await sh(lab, 'docker exec c1 wget web')).toEqual({ out: '', err: "Connecting to web (172.18.0.2:80)\nwget: can't open 'index.html': File exists\n", status: 1 });
    expect((await sh(lab, 'docker exec c1 wget -qO- web')).out).toContain('Welcome to nginx!');
    expect((await sh(lab, 'docker exec c1 wget -qO- web/nope')).err).toBe('wget: server returned error: HTTP/1.1 404 Not Found\n');
  });

  it('BusyBox errors: bad address, refused, -T timeout', async () => {
    const lab = webLab();
    expect(await sh(lab, 'docker exec c1 wget nosuch')).toEqual({ out: '', err: "wget: bad address 'nosuch'\n", status: 1 });
    expect((await sh(lab, 'docker exec c1 wget -q web:81')).err).toBe("wget: can't connect to remote host (172.18.0.2): Connection refused\n");
    expect((await sh(lab, 'docker exec c1 wget -T 2 172.18.0.99')).err).toBe('Connecting to 172.18.0.99 (172.18.0.99:80)\nwget: download timed out\n');
  });

  it('GNU wget on the host', async () => {
    const lab = webLab();
    const r = await sh(lab, 'wget 172.18.0.2');
    expect(r.err).toContain('Connecting to 172.18.0.2:80... connected.\nHTTP request sent, awaiting response... 200 OK\nLength: 615 [text/html]\nSaving to: ‘index.html’\n');
    expect(r.err).toContain("(58.7 MB/s) - ‘index.html’ saved [615/615]");
    expect((await sh(lab, 'wget 172.18.0.2')).err).toContain('Saving to: ‘index.html.1’');
    expect(await sh(lab, 'wget localhost:81')).toEqual({
      out: '',
      err: '--2026-01-12 09:00:00--  http://localhost:81/\nResolving localhost (localhost)... 127.0.0.1\nConnecting to localhost (localhost)|127.0.0.1|:81... failed: Connection refused.\n',
      status: 4,
    });
    expect((await sh(lab, 'wget web')).err).toContain('wget: unable to resolve host address ‘web’\n');
  });
});

describe('DNS tools', () => {
  it('BusyBox nslookup asks 127.0.0.11 inside a container on a user-defined network', async () => {
    const lab = webLab();
    expect(await sh(lab, 'docker exec c1 nslookup web')).toEqual({
      out: 'Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\nNon-authoritative answer:\nName:\tweb\nAddress: 172.18.0.2\n\nNon-authoritative answer:\n\n',
      err: '',
      status: 0,
    });
    const nx = await sh(lab, 'docker exec c1 nslookup nosuch');
    expect(nx.out).toContain("** server can't find nosuch: NXDOMAIN\n");
    expect(nx.status).toBe(1);
  });

  it('on the default bridge a container name does not resolve; the internet does', async () => {
    const lab = newLab();
    run(lab, { name: 'a1' });
    run(lab, { name: 'a2' });
    expect((await sh(lab, 'docker exec a1 nslookup a2')).out).toContain("** server can't find a2: NXDOMAIN");
    expect((await sh(lab, 'docker exec a1 nslookup google.com')).out).toContain('Name:\tgoogle.com\nAddress: 142.250.185.78\n');
  });

  it('bind9 nslookup and dig on the host ask the LAN router', async () => {
    const lab = newLab();
    expect((await sh(lab, 'nslookup example.com')).out).toBe(
      'Server:\t\t192.168.1.1\nAddress:\t192.168.1.1#53\n\nNon-authoritative answer:\nName:\texample.com\nAddress: 93.184.215.14\n\n',
    );
    expect((await sh(lab, 'dig +short google.com')).out).toBe('142.250.185.78\n');
    const full = (await sh(lab, 'dig google.com')).out;
    expect(full).toContain(';; ANSWER SECTION:\ngoogle.com.\t\t300\tIN\tA\t142.250.185.78\n');
    expect(full).toContain(';; SERVER: 192.168.1.1#53(192.168.1.1) (UDP)\n');
  });

  it('dig and drill in netshoot on a user-defined network', async () => {
    const lab = webLab();
    run(lab, { name: 'shoot', image: 'nicolaka/netshoot', networkMode: 'mynet' });
    expect((await sh(lab, 'docker exec shoot dig +short web')).out).toBe('172.18.0.2\n');
    const full = (await sh(lab, 'docker exec shoot dig web')).out;
    expect(full).toContain('web.\t\t\t600\tIN\tA\t172.18.0.2\n');
    expect(full).toContain(';; SERVER: 127.0.0.11#53(127.0.0.11) (UDP)\n;; WHEN: ');
    expect(full).toContain(';; MSG SIZE  rcvd: 40\n');
    const drill = (await sh(lab, 'docker exec shoot drill web')).out;
    expect(drill).toContain(';; ANSWER SECTION:\nweb.\t600\tIN\tA\t172.18.0.2\n');
  });

  it('a server that never answers: dig waits 3 × 5 s and exits 9', async () => {
    const lab = newLab();
    const r = await patient(lab, 'dig @192.168.1.77 web');
    expect(r.status).toBe(9);
    expect(r.out.startsWith(';; communications error to 192.168.1.77#53: timed out\n'.repeat(3))).toBe(true);
    expect(r.out.endsWith(';; no servers could be reached\n')).toBe(true);
  });
});

describe('nc', () => {
  it('-zv in BusyBox and OpenBSD flavours', async () => {
    const lab = webLab();
    expect(await sh(lab, 'docker exec c1 nc -zv web 80')).toEqual({ out: '', err: 'web (172.18.0.2:80) open\n', status: 0 });
    expect(await sh(lab, 'docker exec c1 nc -zv web 81')).toEqual({ out: '', err: '', status: 1 });
    expect((await sh(lab, 'docker exec c1 nc -zvv web 81')).err).toBe('nc: web (172.18.0.2:81): Connection refused\n');
    expect((await sh(lab, 'nc -zv 172.18.0.2 80')).err).toBe('Connection to 172.18.0.2 80 port [tcp/http] succeeded!\n');
    expect((await sh(lab, 'nc -zv 172.18.0.2 81')).err).toBe('nc: connect to 172.18.0.2 port 81 (tcp) failed: Connection refused\n');
    expect((await sh(lab, 'nc -zv nosuch 80')).err).toBe('nc: getaddrinfo for host "nosuch" port 80: Name or service not known\n');
  });

  it('talks to redis', async () => {
    const lab = newLab();
    run(lab, { name: 'red', image: 'redis', cmd: [] });
    expect(await sh(lab, 'echo PING | nc -w1 172.17.0.2 6379')).toEqual({ out: '+PONG\r\n', err: '', status: 0 });
  });

  it('nc -l opens a listening socket while it runs, and only then', async () => {
    const lab = webLab();
    const c1 = lab.ctx.state.machines.node1.docker!.containers[lab.query.container('c1')!.id];
    lab.session.enterContainer('node1', c1, 'exec', 'sh');
    const scope = lab.session.scope(lab.session.top());
    lab.session.state.stack.pop();
    let stop: (v: boolean) => void = () => {};
    const ctrlC = new Promise<boolean>((r) => (stop = r));
    let err = '';
    const ctx: CommandContext = {
      argv: ['nc', '-lv', '-p', '9000'], env: {}, stdin: '', stdout: () => {}, stderr: (t) => (err += t),
      interrupt: new InterruptSource(), sleep: () => ctrlC, readLine: async () => null, scope, lab, session: lab.session,
    };
    const listening = nc.run(ctx);
    expect(err).toBe('listening on 0.0.0.0:9000 ...\n');
    expect(await sh(lab, 'nc -zv 172.18.0.3 9000')).toEqual({ out: '', err: 'Connection to 172.18.0.3 9000 port [tcp/*] succeeded!\n', status: 0 });
    expect((await sh(lab, 'docker exec c1 netstat -tln')).out).toContain('0.0.0.0:9000');
    expect(lab.query.canReach({ host: 'node1' }, '172.18.0.3', 9000).ok).toBe(true);
    stop(false);
    expect(await listening).toBe(130);
    expect((await sh(lab, 'nc -zv 172.18.0.3 9000')).err).toBe('nc: connect to 172.18.0.3 port 9000 (tcp) failed: Connection refused\n');
  });

  it('nc -l refuses a port already in use', async () => {
    const lab = newLab();
    expect(await sh(lab, 'nc -l 22')).toEqual({ out: '', err: 'nc: Address already in use\n', status: 1 });
  });
});

describe('socket and table views', () => {
  it('netstat and ss on the host list sshd and docker-proxy', async () => {
    const lab = webLab();
    const ns = (await sh(lab, 'netstat -tlnp')).out.split('\n');
    expect(ns[2]).toBe('tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      702/sshd            ');
    expect(ns[3]).toMatch(/^tcp {8}0 {6}0 0\.0\.0\.0:8080 {12}0\.0\.0\.0:\* {15}LISTEN {6}\d+\/docker-proxy +$/);
    const ss = (await sh(lab, 'ss -tlnp')).out;
    expect(ss.split('\n')[0]).toBe('State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess                       ');
    expect(ss).toContain('users:(("docker-proxy",pid=');
  });

  it('BusyBox netstat in a container shows the embedded DNS listeners; nginx is PID 1 in its namespace', async () => {
    const lab = webLab();
    const out = (await sh(lab, 'docker exec c1 netstat -tulpn')).out;
    expect(out).toMatch(/\ntcp {8}0 {6}0 127\.0\.0\.11:\d+ +0\.0\.0\.0:\* +LISTEN {6}-\n/);
    expect(out).toMatch(/\nudp {8}0 {6}0 127\.0\.0\.11:\d+ +0\.0\.0\.0:\* {27}-\n/);
    run(lab, { name: 'shoot', image: 'nicolaka/netshoot', networkMode: `container:${lab.query.container('web')!.id}` });
    expect((await sh(lab, 'docker exec shoot netstat -tlnp')).out).toContain('0.0.0.0:80              0.0.0.0:*               LISTEN      1/nginx: master pro \n');
  });

  it('route -n, arp -n, brctl show and bridge link', async () => {
    const lab = webLab();
    expect((await sh(lab, 'docker exec c1 route -n')).out).toBe(
      'Kernel IP routing table\nDestination     Gateway         Genmask         Flags Metric Ref    Use Iface\n' +
        '0.0.0.0         172.18.0.1      0.0.0.0         UG    0      0        0 eth0\n' +
        '172.18.0.0      0.0.0.0         255.255.0.0     U     0      0        0 eth0\n',
    );
    expect((await sh(lab, 'docker exec c1 arp -n')).out).toBe('');
    await sh(lab, 'docker exec c1 ping -c 1 web');
    expect((await sh(lab, 'docker exec c1 arp -n')).out).toMatch(/^\? \(172\.18\.0\.2\) at ([0-9a-f]{2}:){5}[0-9a-f]{2} \[ether\] {2}on eth0\n$/);
    const brctl = (await sh(lab, 'brctl show')).out.split('\n');
    expect(brctl[0]).toBe('bridge name\tbridge id\t\tSTP enabled\tinterfaces');
    expect(brctl[1]).toMatch(/^br-[0-9a-f]{12}\t\t8000\.[0-9a-f]{12}\tno\t\tveth[0-9a-f]{7}$/);
    expect(brctl[2]).toMatch(/^\t{7}veth[0-9a-f]{7}$/);
    expect(brctl[3]).toMatch(/^docker0\t\t8000\.[0-9a-f]{12}\tno\t\t$/);
    expect((await sh(lab, 'bridge link')).out).toMatch(/^\d+: veth[0-9a-f]{7}@if\d+: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master br-[0-9a-f]{12} state forwarding priority 32 cost 2 \n/);
  });
});

describe('traceroute', () => {
  it('from the host: the LAN router, then the destination', async () => {
    const lab = newLab();
    const r = await sh(lab, 'traceroute google.com');
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('traceroute to google.com (142.250.185.78), 30 hops max, 60 byte packets');
    expect(lines[1]).toMatch(/^ 1 {2}gateway \(192\.168\.1\.1\)( {2}\d+\.\d{3} ms){3}$/);
    expect(lines[2]).toMatch(/^ 2 {2}142\.250\.185\.78 \(142\.250\.185\.78\)( {2}\d+\.\d{3} ms){3}$/);
    expect(lines.length).toBe(4);
  });

  it('BusyBox to a container on the same network: one hop, named by the embedded DNS', async () => {
    const lab = webLab();
    const r = await sh(lab, 'docker exec c1 traceroute web');
    expect(r.err).toBe('traceroute to web (172.18.0.2), 30 hops max, 46 byte packets\n');
    expect(r.out).toMatch(/^ 1 {2}web\.mynet \(172\.18\.0\.2\)( {2}\d+\.\d{3} ms){3}\n$/);
    expect((await sh(lab, 'docker exec c1 traceroute nosuch')).err).toBe("traceroute: bad address 'nosuch'\n");
  });
});
