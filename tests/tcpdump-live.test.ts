/**
 * tcpdump while the lab lives: packets caused meanwhile by background
 * processes of detached containers (a poller, a detached ping) and by
 * kernel timers (SYN retransmissions, ARP probes), a capture ended by its
 * interface disappearing. Every capture runs while other lines run, as a
 * student with two terminal tabs would type them.
 */
import { describe, expect, it } from 'vitest';
import { createLab } from '../src/emulator/index';
import type { EmulatedLab } from '../src/emulator/lab';
import { sh } from './helpers/engine';
import { capture, lines, secondsOf, SHOOT, T, webLab } from './helpers/capture';

describe('a background traffic generator', () => {
  it('a client fetching a page every second: tcpdump alone sees it, one request a second', async () => {
    const lab = await webLab();
    const gen = await sh(lab, `docker run -d --name poller --network mynet alpine sh -c 'while true; do wget -qO /dev/null http://web; sleep 1; done'`);
    expect(gen.status).toBe(0);
    const r = await sh(lab, 'docker run --rm --net container:web nicolaka/netshoot tcpdump -nn -i eth0 -c 12 tcp dst port 80');
    expect(r.status).toBe(0);
    const l = lines(r.out);
    expect(l).toHaveLength(12);
    const gets = l.filter((x) => x.endsWith('HTTP: GET / HTTP/1.1'));
    expect(gets).toHaveLength(2);
    // One request a second, from the poller, by the lab clock.
    const seconds = l.filter((x) => x.includes('Flags [S]')).map((x) => Math.floor(secondsOf(x)));
    expect(seconds).toHaveLength(3);
    expect(seconds[1] - seconds[0]).toBe(1);
    expect(seconds[2] - seconds[1]).toBe(1);
    expect(l[0]).toMatch(new RegExp(`^${T} IP 172\\.18\\.0\\.4\\.\\d+ > 172\\.18\\.0\\.2\\.80: Flags \\[S\\]`));
    expect(r.err).toContain('\n12 packets captured\n12 packets received by filter\n0 packets dropped by kernel\n');
    // nginx logged each of them.
    const logs = (await sh(lab, 'docker logs web')).out;
    expect(logs.match(/^172\.18\.0\.4 - - \[/gm)!.length).toBeGreaterThanOrEqual(3);
  });

  it('a capture in one tab while another tab sleeps: the loop keeps running in the lab time that passes', async () => {
    const lab = await webLab();
    await sh(lab, `docker run -d --name poller --network mynet alpine sh -c 'while sleep 2; do wget -qO /dev/null http://web; done'`);
    const c = await capture(lab, `docker run --rm --net container:web nicolaka/netshoot tcpdump -nn -i eth0 'dst port 80'`, ['sleep 3', 'sleep 3']);
    const syns = lines(c.out).filter((x) => x.includes('Flags [S]')).map((x) => Math.floor(secondsOf(x)));
    expect(syns).toHaveLength(3);
    expect([syns[1] - syns[0], syns[2] - syns[1]]).toEqual([2, 2]);
    expect(c.err).toContain(`\n${lines(c.out).length} packets captured\n`);
  });
});

describe('the interface goes away', () => {
  it('docker network disconnect removes eth0 under the capture: pcap_loop reports it, exit status 1', async () => {
    const lab = await webLab();
    const c = await capture(lab, 'docker run --rm --net container:web nicolaka/netshoot tcpdump -n -i eth0', ['docker exec client ping -c 1 web', 'docker network disconnect mynet web'], false);
    expect(c.out).toContain('ICMP echo request');
    expect(c.err).toMatch(/\ntcpdump: pcap_loop: The interface disappeared\n\d+ packets captured\n\d+ packets received by filter\n0 packets dropped by kernel\n$/);
    expect(c.status).toBe(1);
  });

  it('ip link set eth0 down: "The interface went down"', async () => {
    const lab = await webLab();
    const c = await capture(lab, 'tcpdump -n -i docker0', ['ip link set docker0 down'], false);
    expect(c.err).toContain('tcpdump: pcap_loop: The interface went down\n0 packets captured\n');
    expect(c.status).toBe(1);
  });
});

describe('an unanswered SYN', () => {
  it('is retransmitted after 1, 3 and 7 s while the client waits; the client giving up ends the series', async () => {
    const lab = createLab({ seed: 3, hosts: 2 }) as EmulatedLab;
    await sh(lab, 'docker run -d --name web -p 8080:80 nginx');
    await sh(lab, 'iptables -I DOCKER-USER -p tcp --dport 80 -j DROP');
    // The ssh line gets 12 s of lab time: the outer line's time limit reaches the nested curl too.
    const c = await capture(lab, 'tcpdump -nn -i eth0 tcp port 8080', [{ line: 'ssh node2 curl -s -m 10 192.168.1.11:8080', timeLimitMs: 12_000 }, 'sleep 3', 'sleep 3']);
    expect(c.others[0].status).toBe(28);
    expect(lines(c.out).every((l) => / IP 192\.168\.1\.12\.\d+ > 192\.168\.1\.11\.8080: Flags \[S\], seq \d+, win 64240, /.test(l))).toBe(true);
    const t = lines(c.out).map(secondsOf);
    expect(t.map((x) => Math.round(x - t[0]))).toEqual([0, 1, 3, 7]);
  });
});

describe('an address nobody owns', () => {
  it('ARP asks three times, a second apart, and nobody answers', async () => {
    const lab = await webLab();
    const c = await capture(lab, `${SHOOT} tcpdump -n -i eth0 arp`, ['docker exec client ping -c 3 172.18.0.99']);
    const l = lines(c.out);
    expect(l.every((x) => x.endsWith(' ARP, Request who-has 172.18.0.99 tell 172.18.0.3, length 28'))).toBe(true);
    expect(l.map((x) => Math.round(secondsOf(x) - secondsOf(l[0])))).toEqual([0, 1, 2]);
    expect(c.others[0].out).toContain('3 packets transmitted, 0 packets received, 100% packet loss');
  });
});

describe('a detached ping', () => {
  it('docker run -d alpine ping web sends one echo request a second while lab time passes; its log has the replies', async () => {
    const lab = await webLab();
    expect((await sh(lab, 'docker run -d --name pinger --network mynet alpine ping web')).status).toBe(0);
    const c = await capture(lab, 'docker run --rm --net container:web nicolaka/netshoot tcpdump -n -i eth0 icmp', ['sleep 3']);
    const requests = lines(c.out).filter((l) => l.includes('echo request'));
    expect(requests.length).toBeGreaterThanOrEqual(3);
    const seqs = requests.map((l) => Number(/seq (\d+)/.exec(l)![1]));
    expect(seqs.slice(1).map((s, i) => s - seqs[i])).toEqual(seqs.slice(1).map(() => 1));
    const logs = (await sh(lab, 'docker logs pinger')).out;
    expect(logs).toMatch(/^PING web \(172\.18\.0\.\d+\): 56 data bytes\n64 bytes from 172\.18\.0\.\d+: seq=0 ttl=64 time=[\d.]+ ms\n64 bytes from [\d.]+: seq=1 /);
  });

  it('docker stop ends it: no more echo requests while time passes', async () => {
    const lab = await webLab();
    await sh(lab, 'docker run -d --name pinger --network mynet alpine ping web');
    await sh(lab, 'sleep 2');
    await sh(lab, 'docker stop pinger');
    const c = await capture(lab, 'docker run --rm --net container:web nicolaka/netshoot tcpdump -n -i eth0 icmp', ['sleep 3']);
    expect(c.out).toBe('\n');
    // ping, PID 1, ignores SIGTERM and is killed: no statistics in its log.
    const log = (await sh(lab, 'docker logs pinger')).out;
    expect(log).toMatch(/^PING web .*\n(64 bytes from .*\n)+$/);
  });

  it('docker rm -f ends it too', async () => {
    const lab = await webLab();
    await sh(lab, 'docker run -d --name pinger --network mynet alpine ping web');
    await sh(lab, 'sleep 1');
    expect((await sh(lab, 'docker rm -f pinger')).status).toBe(0);
    const c = await capture(lab, 'docker run --rm --net container:web nicolaka/netshoot tcpdump -n -i eth0 icmp', ['sleep 2']);
    expect(c.out).toBe('\n');
  });

  it('a ping that cannot resolve its host exits, and the container with it', async () => {
    const lab = await webLab();
    await sh(lab, 'docker run -d --name lost alpine ping nosuchhost');
    await sh(lab, 'sleep 1');
    expect((await sh(lab, 'docker ps -a --filter name=lost --format "{{.Status}}"')).out).toMatch(/^Exited \(1\) /);
    expect((await sh(lab, 'docker logs lost')).err).toBe('ping: bad address \'nosuchhost\'\n');
  });
});

describe('a REJECT answers on the wire', () => {
  it('DOCKER-USER REJECT (port unreachable, the default): the client sees the ICMP error quoting what it sent', async () => {
    const lab = createLab({ seed: 3, hosts: 2 }) as EmulatedLab;
    await sh(lab, 'docker run -d --name web -p 8080:80 nginx');
    await sh(lab, 'iptables -I DOCKER-USER -p tcp --dport 80 -j REJECT');
    const c = await capture(lab, 'tcpdump -nn -i eth0 tcp port 8080 or icmp', ['ssh node2 curl -s 192.168.1.11:8080']);
    expect(c.others[0].status).toBe(7);
    const l = lines(c.out);
    expect(l[0]).toMatch(/ IP 192\.168\.1\.12\.\d+ > 192\.168\.1\.11\.8080: Flags \[S\]/);
    expect(l[1]).toMatch(new RegExp(`^${T} IP 192\\.168\\.1\\.11 > 192\\.168\\.1\\.12: ICMP 192\\.168\\.1\\.11 tcp port 8080 unreachable, length 68$`));
    expect(l).toHaveLength(2);
  });

  it('--reject-with tcp-reset: a RST that seems to come from the published port', async () => {
    const lab = createLab({ seed: 3, hosts: 2 }) as EmulatedLab;
    await sh(lab, 'docker run -d --name web -p 8080:80 nginx');
    await sh(lab, 'iptables -I DOCKER-USER -p tcp --dport 80 -j REJECT --reject-with tcp-reset');
    const c = await capture(lab, 'tcpdump -nn -i eth0 tcp port 8080', ['ssh node2 curl -s 192.168.1.11:8080']);
    expect(lines(c.out)[1]).toMatch(/ IP 192\.168\.1\.11\.8080 > 192\.168\.1\.12\.\d+: Flags \[R\.\], seq 0, ack \d+, win 0, length 0$/);
  });

  it('icmp-host-prohibited on the host\'s INPUT: a ping gets the admin-prohibited error', async () => {
    const lab = createLab({ seed: 3, hosts: 2 }) as EmulatedLab;
    await sh(lab, 'iptables -I INPUT -p icmp -j REJECT --reject-with icmp-host-prohibited');
    const c = await capture(lab, 'tcpdump -nn -i eth0 icmp', ['ssh node2 ping -c 1 192.168.1.11']);
    expect(lines(c.out)[1]).toMatch(/ IP 192\.168\.1\.11 > 192\.168\.1\.12: ICMP host 192\.168\.1\.11 unreachable - admin prohibited, length 92$/);
  });
});

describe('a router without a route', () => {
  it('answers a forwarded packet with ICMP net unreachable', async () => {
    const lab = await webLab();
    await sh(lab, 'ip route del default');
    const c = await capture(lab, 'tcpdump -n -i docker0 icmp', ['docker run --rm alpine ping -c 1 8.8.8.8']);
    const l = lines(c.out);
    expect(l[0]).toMatch(/ IP 172\.17\.0\.\d+ > 8\.8\.8\.8: ICMP echo request, id \d+, seq 0, length 64$/);
    expect(l[1]).toMatch(/ IP 172\.17\.0\.1 > 172\.17\.0\.\d+: ICMP net 8\.8\.8\.8 unreachable, length 92$/);
  });
});

describe('a router whose neighbour never answers', () => {
  it('tells the sender ICMP host unreachable once ARP has failed (3 s)', async () => {
    const lab = await webLab();
    const c = await capture(lab, 'tcpdump -n -i docker0 icmp', ['docker run --rm alpine ping -c 4 192.168.1.99']);
    const l = lines(c.out);
    expect(l[0]).toMatch(/ IP 172\.17\.0\.\d+ > 192\.168\.1\.99: ICMP echo request, id \d+, seq 0, length 64$/);
    const error = l.find((x) => x.includes('unreachable'))!;
    expect(error).toMatch(/ IP 172\.17\.0\.1 > 172\.17\.0\.\d+: ICMP host 192\.168\.1\.99 unreachable, length 92$/);
    expect(Math.round(secondsOf(error) - secondsOf(l[0]))).toBe(3);
  });
});

describe('a detached capture', () => {
  it('docker run -d ... tcpdump captures from the next line on; docker logs shows it; docker stop prints the counters', async () => {
    const lab = await webLab();
    expect((await sh(lab, 'docker run -d --name cap --net container:web nicolaka/netshoot tcpdump -n -i eth0 icmp')).status).toBe(0);
    await sh(lab, 'docker exec client ping -c 2 web');
    const logs = await sh(lab, 'docker logs cap');
    expect(logs.err).toBe('tcpdump: verbose output suppressed, use -v[v]... for full protocol decode\nlistening on eth0, link-type EN10MB (Ethernet), snapshot length 262144 bytes\n');
    expect(lines(logs.out).map((l) => l.replace(/^\S+ /, ''))).toEqual([
      expect.stringMatching(/^IP 172\.18\.0\.3 > 172\.18\.0\.2: ICMP echo request, id \d+, seq 0, length 64$/),
      expect.stringMatching(/^IP 172\.18\.0\.2 > 172\.18\.0\.3: ICMP echo reply, id \d+, seq 0, length 64$/),
      expect.stringMatching(/seq 1, length 64$/),
      expect.stringMatching(/seq 1, length 64$/),
    ]);
    expect((await sh(lab, 'docker ps --filter name=cap --format "{{.Status}}"')).out).toMatch(/^Up /);
    await sh(lab, 'docker stop cap');
    expect((await sh(lab, 'docker logs cap')).err).toContain('\n4 packets captured\n4 packets received by filter\n0 packets dropped by kernel\n');
  });

  it('with -c it ends by itself once the packets came, and the container exits 0', async () => {
    const lab = await webLab();
    await sh(lab, 'docker run -d --name cap --net container:web nicolaka/netshoot tcpdump -n -c 1 -i eth0 icmp');
    await sh(lab, 'docker exec client ping -c 1 web');
    await sh(lab, 'sleep 1');
    expect((await sh(lab, 'docker ps -a --filter name=cap --format "{{.Status}}"')).out).toMatch(/^Exited \(0\) /);
    expect((await sh(lab, 'docker logs cap')).err).toContain('\n1 packet captured\n');
  });
});
