import { describe, expect, it } from 'vitest';
import { ss } from './ss';
import type { SocketView } from './types';

const nc37885: SocketView = { proto: 'tcp', localIp: '127.0.0.11', localPort: 37885, state: 'LISTEN', sendQ: 1, processes: [{ name: 'nc', pid: 14839, fd: 3 }] };
const nc8080: SocketView = { proto: 'tcp', localIp: '::', localPort: 8080, state: 'LISTEN', sendQ: 1, dualStack: true, processes: [{ name: 'nc', pid: 15289, fd: 3 }] };
const est: SocketView = { proto: 'tcp', localIp: '172.17.0.2', localPort: 60350, remoteIp: '172.17.0.3', remotePort: 80, state: 'ESTABLISHED' };
const dns: SocketView = { proto: 'udp', localIp: '127.0.0.11', localPort: 53, state: 'CLOSE', processes: [{ name: 'node', pid: 14162, fd: 21 }] };
const web: SocketView = { proto: 'tcp', localIp: '0.0.0.0', localPort: 80, state: 'LISTEN', sendQ: 511, processes: [{ name: 'node', pid: 14163, fd: 22 }] };
const webEst: SocketView = { proto: 'tcp', localIp: '172.17.0.3', localPort: 80, remoteIp: '172.17.0.2', remotePort: 60350, state: 'ESTABLISHED', processes: [{ name: 'node', pid: 14163, fd: 23 }] };

describe('ss, compact output (iproute2 6.1 transcripts, stdout not a tty)', () => {
  it('-tlnp with one socket: the Process header is not padded', () => {
    expect(ss([web], { tcp: true, udp: false, listening: true, numeric: true, processes: true })).toBe(
      'State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n' +
        'LISTEN 0      511          0.0.0.0:80        0.0.0.0:*    users:(("node",pid=14163,fd=22))\n',
    );
  });
  it('-tln without -p: rows padded to the Process header', () => {
    expect(ss([nc37885], { tcp: true, udp: false, listening: true, numeric: true })).toBe(
      'State  Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess\n' +
        'LISTEN 0      1         127.0.0.11:37885      0.0.0.0:*          \n',
    );
  });
  it('-tulpn: Netid column, udp first, Process padded from the rows before the last', () => {
    expect(ss([nc37885, dns], { tcp: true, udp: true, listening: true, numeric: true, processes: true })).toBe(
      'Netid State  Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess                          \n' +
        'udp   UNCONN 0      0         127.0.0.11:53         0.0.0.0:*    users:(("node",pid=14162,fd=21))\n' +
        'tcp   LISTEN 0      1         127.0.0.11:37885      0.0.0.0:*    users:(("nc",pid=14839,fd=3))   \n',
    );
  });
  it('a dual-stack IPv6 listener prints as *', () => {
    expect(ss([nc37885, nc8080], { tcp: true, udp: false, listening: true, numeric: true, processes: true })).toBe(
      'State  Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess                       \n' +
        'LISTEN 0      1         127.0.0.11:37885      0.0.0.0:*    users:(("nc",pid=14839,fd=3))\n' +
        'LISTEN 0      1                  *:8080             *:*    users:(("nc",pid=15289,fd=3))\n',
    );
  });
  it('-tan and -tn', () => {
    expect(ss([nc37885, est], { tcp: true, udp: false, all: true, numeric: true })).toBe(
      'State  Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess\n' +
        'LISTEN 0      1         127.0.0.11:37885      0.0.0.0:*          \n' +
        'ESTAB  0      0         172.17.0.2:60350   172.17.0.3:80         \n',
    );
    expect(ss([nc37885, est], { tcp: true, udp: false, numeric: true })).toBe(
      'State Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess\n' +
        'ESTAB 0      0         172.17.0.2:60350   172.17.0.3:80         \n',
    );
  });
  it('-tanp on the server side', () => {
    expect(ss([web, webEst], { tcp: true, udp: false, all: true, numeric: true, processes: true })).toBe(
      'State  Recv-Q Send-Q Local Address:Port Peer Address:Port Process                          \n' +
        'LISTEN 0      511          0.0.0.0:80        0.0.0.0:*     users:(("node",pid=14163,fd=22))\n' +
        'ESTAB  0      0         172.17.0.3:80     172.17.0.2:60350 users:(("node",pid=14163,fd=23))\n',
    );
  });
  it('the reference example: nginx master and workers share the socket, highest pid first', () => {
    const nginx: SocketView = {
      proto: 'tcp', localIp: '0.0.0.0', localPort: 80, state: 'LISTEN', sendQ: 511,
      processes: [{ name: 'nginx', pid: 1, fd: 6 }, { name: 'nginx', pid: 29, fd: 6 }],
    };
    expect(ss([nginx], { tcp: true, udp: false, listening: true, numeric: true, processes: true }).split('\n')[1]).toBe(
      'LISTEN 0      511          0.0.0.0:80        0.0.0.0:*    users:(("nginx",pid=29,fd=6),("nginx",pid=1,fd=6))',
    );
  });
  it('a plain -u shows only connected sockets and has no State column', () => {
    expect(ss([dns], { tcp: false, udp: true, numeric: true })).toBe('Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n');
  });
  it('without -n: service names, but not for ephemeral ports', () => {
    const out = ss([web, est], { tcp: true, udp: false, all: true });
    expect(out).toContain('0.0.0.0:http');
    expect(out).toContain('172.17.0.2:60350');
    expect(out).toContain('172.17.0.3:http');
  });
});

describe('ss on a terminal spreads the spare width (iproute2 6.1 under a pty)', () => {
  it('-tln at 80 columns', () => {
    expect(ss([web], { tcp: true, udp: false, listening: true, numeric: true, screenWidth: 80 })).toBe(
      'State    Recv-Q   Send-Q     Local Address:Port     Peer Address:Port  Process  \n' +
        'LISTEN   0        511              0.0.0.0:80            0.0.0.0:*              \n',
    );
  });
  it('-tlnp at 80 columns: the unmeasured process field overflows', () => {
    expect(ss([web], { tcp: true, udp: false, listening: true, numeric: true, processes: true, screenWidth: 80 }).split('\n')[1]).toBe(
      'LISTEN   0        511              0.0.0.0:80            0.0.0.0:*      users:(("node",pid=14163,fd=22))',
    );
  });
  it('-tan at 80 columns', () => {
    const estOut: SocketView = { ...webEst, processes: undefined };
    expect(ss([web, estOut], { tcp: true, udp: false, all: true, numeric: true, screenWidth: 80 })).toBe(
      'State   Recv-Q   Send-Q     Local Address:Port     Peer Address:Port   Process  \n' +
        'LISTEN  0        511              0.0.0.0:80            0.0.0.0:*               \n' +
        'ESTAB   0        0             172.17.0.3:80         172.17.0.2:60350           \n',
    );
  });
  it('-tulpn at 100 columns', () => {
    expect(ss([nc37885, nc8080, dns], { tcp: true, udp: true, listening: true, numeric: true, processes: true, screenWidth: 100 })).toBe(
      'Netid State  Recv-Q Send-Q Local Address:Port   Peer Address:Port Process                           \n' +
        'udp   UNCONN 0      0         127.0.0.11:53          0.0.0.0:*     users:(("node",pid=14162,fd=21)) \n' +
        'tcp   LISTEN 0      1         127.0.0.11:37885       0.0.0.0:*     users:(("nc",pid=14839,fd=3))    \n' +
        'tcp   LISTEN 0      1                  *:8080              *:*     users:(("nc",pid=15289,fd=3))    \n',
    );
  });
});
