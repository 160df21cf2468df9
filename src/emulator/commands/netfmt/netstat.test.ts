import { describe, expect, it } from 'vitest';
import { netstatInet, netstatUnix } from './netstat';
import type { SocketView } from './types';

const sockets: SocketView[] = [
  { proto: 'tcp', localIp: '127.0.0.11', localPort: 37885, state: 'LISTEN', sendQ: 1, processes: [{ name: 'nc', pid: 14839, fd: 3 }] },
  { proto: 'tcp', localIp: '172.17.0.2', localPort: 60350, remoteIp: '172.17.0.3', remotePort: 80, state: 'ESTABLISHED' },
  { proto: 'tcp', localIp: '::', localPort: 8080, state: 'LISTEN', dualStack: true, processes: [{ name: 'nc', pid: 15289, fd: 3 }] },
  { proto: 'udp', localIp: '127.0.0.11', localPort: 53, state: 'CLOSE', processes: [{ name: 'node', pid: 14162, fd: 21 }] },
];

describe('netstat, net-tools 2.10 (Debian 12 transcripts)', () => {
  it('-tulpn', () => {
    expect(netstatInet(sockets, { flavor: 'net-tools', tcp: true, udp: true, listening: true, programs: true })).toBe(
      'Active Internet connections (only servers)\n' +
        'Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name    \n' +
        'tcp        0      0 127.0.0.11:37885        0.0.0.0:*               LISTEN      14839/nc            \n' +
        'tcp6       0      0 :::8080                 :::*                    LISTEN      15289/nc            \n' +
        'udp        0      0 127.0.0.11:53           0.0.0.0:*                           14162/node          \n',
    );
  });
  it('-tln (no program column: header ends after "State" + 6 spaces)', () => {
    expect(netstatInet(sockets, { flavor: 'net-tools', tcp: true, udp: false, listening: true })).toBe(
      'Active Internet connections (only servers)\n' +
        'Proto Recv-Q Send-Q Local Address           Foreign Address         State      \n' +
        'tcp        0      0 127.0.0.11:37885        0.0.0.0:*               LISTEN     \n' +
        'tcp6       0      0 :::8080                 :::*                    LISTEN     \n',
    );
  });
  it('-tn shows only connected sockets', () => {
    expect(netstatInet(sockets, { flavor: 'net-tools', tcp: true, udp: false })).toBe(
      'Active Internet connections (w/o servers)\n' +
        'Proto Recv-Q Send-Q Local Address           Foreign Address         State      \n' +
        'tcp        0      0 172.17.0.2:60350        172.17.0.3:80           ESTABLISHED\n',
    );
  });
  it('-an: tcp, tcp6, then udp; then the UNIX section', () => {
    const inet = netstatInet(sockets, { flavor: 'net-tools', tcp: true, udp: true, all: true });
    expect(inet.split('\n').slice(2, 6)).toEqual([
      'tcp        0      0 127.0.0.11:37885        0.0.0.0:*               LISTEN     ',
      'tcp        0      0 172.17.0.2:60350        172.17.0.3:80           ESTABLISHED',
      'tcp6       0      0 :::8080                 :::*                    LISTEN     ',
      'udp        0      0 127.0.0.11:53           0.0.0.0:*                          ',
    ]);
    expect(netstatUnix([], { flavor: 'net-tools', tcp: false, udp: false, all: true })).toBe(
      'Active UNIX domain sockets (servers and established)\nProto RefCnt Flags       Type       State         I-Node   Path\n',
    );
  });
  it('UNIX rows, with and without -p', () => {
    const u = [{ refcnt: 3, type: 'STREAM' as const, state: 'CONNECTED' as const, inode: 79603, process: { pid: 1847, name: 'node' } }];
    expect(netstatUnix(u, { flavor: 'net-tools', tcp: false, udp: false, all: true }).split('\n')[2]).toBe(
      'unix  3      [ ]         STREAM     CONNECTED     79603    ',
    );
    const withP = netstatUnix(u, { flavor: 'net-tools', tcp: false, udp: false, all: true, programs: true }).split('\n');
    expect(withP[1]).toBe('Proto RefCnt Flags       Type       State         I-Node   PID/Program name     Path');
    expect(withP[2]).toBe('unix  3      [ ]         STREAM     CONNECTED     79603    1847/node            ');
  });
});

describe('netstat, BusyBox', () => {
  it('-tln and -an match BusyBox 1.35 (tcp for IPv6 too, wider state column)', () => {
    expect(netstatInet(sockets, { flavor: 'busybox', tcp: true, udp: false, listening: true })).toBe(
      'Active Internet connections (only servers)\n' +
        'Proto Recv-Q Send-Q Local Address           Foreign Address         State       \n' +
        'tcp        0      0 127.0.0.11:37885        0.0.0.0:*               LISTEN      \n' +
        'tcp        0      0 :::8080                 :::*                    LISTEN      \n',
    );
    expect(netstatInet(sockets, { flavor: 'busybox', tcp: true, udp: true, all: true }).split('\n')[3]).toBe(
      'tcp        0      0 172.17.0.2:60350        172.17.0.3:80           ESTABLISHED ',
    );
  });
  it('-tulpn as in the reference (program cut to 19 characters, no padding)', () => {
    const nginx: SocketView = {
      proto: 'tcp', localIp: '0.0.0.0', localPort: 80, state: 'LISTEN', sendQ: 511,
      processes: [{ name: 'nginx', pid: 1, fd: 6, cmdline: 'nginx: master process nginx -g daemon off;' }],
    };
    const dnsTcp: SocketView = { proto: 'tcp', localIp: '127.0.0.11', localPort: 37885, state: 'LISTEN' };
    const dnsUdp: SocketView = { proto: 'udp', localIp: '127.0.0.11', localPort: 52329, state: 'CLOSE' };
    expect(netstatInet([nginx, dnsTcp, dnsUdp], { flavor: 'busybox', tcp: true, udp: true, listening: true, programs: true })).toBe(
      'Active Internet connections (only servers)\n' +
        'Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name    \n' +
        'tcp        0      0 0.0.0.0:80              0.0.0.0:*               LISTEN      1/nginx: master pro\n' +
        'tcp        0      0 127.0.0.11:37885        0.0.0.0:*               LISTEN      -\n' +
        'udp        0      0 127.0.0.11:52329        0.0.0.0:*                           -\n',
    );
  });
  it('UNIX section header and row', () => {
    const u = [{ refcnt: 3, type: 'STREAM' as const, state: 'CONNECTED' as const, inode: 79603 }];
    expect(netstatUnix(u, { flavor: 'busybox', tcp: false, udp: false, all: true })).toBe(
      'Active UNIX domain sockets (servers and established)\n' +
        'Proto RefCnt Flags       Type       State         I-Node Path\n' +
        'unix  3      [ ]         STREAM     CONNECTED      79603 \n',
    );
  });
});
