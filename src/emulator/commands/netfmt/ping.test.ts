import { describe, expect, it } from 'vitest';
import { iputilsTime, pingError, pingFirstSeq, pingHeader, pingReply, pingResolveError, pingStatus, pingSummary } from './ping';

describe('ping, BusyBox', () => {
  it('reproduces the docs transcript (standalone.md)', () => {
    const out =
      pingHeader('busybox', 'alpine2', '172.18.0.3') +
      pingReply('busybox', { fromIp: '172.18.0.3', seq: 0, ttl: 64, timeMs: 0.085 }) +
      pingReply('busybox', { fromIp: '172.18.0.3', seq: 1, ttl: 64, timeMs: 0.09 }) +
      pingSummary('busybox', { host: 'alpine2', transmitted: 2, rttsMs: [0.085, 0.09] });
    expect(out).toBe(
      'PING alpine2 (172.18.0.3): 56 data bytes\n' +
        '64 bytes from 172.18.0.3: seq=0 ttl=64 time=0.085 ms\n' +
        '64 bytes from 172.18.0.3: seq=1 ttl=64 time=0.090 ms\n' +
        '\n--- alpine2 ping statistics ---\n' +
        '2 packets transmitted, 2 packets received, 0% packet loss\n' +
        'round-trip min/avg/max = 0.085/0.087/0.090 ms\n',
    );
  });
  it('no reply: no round-trip line (docs transcript)', () => {
    expect(pingSummary('busybox', { host: '172.17.0.2', transmitted: 2, rttsMs: [] })).toBe(
      '\n--- 172.17.0.2 ping statistics ---\n2 packets transmitted, 0 packets received, 100% packet loss\n',
    );
  });
  it('loss is an integer division; duplicates are listed', () => {
    expect(pingSummary('busybox', { host: 'h', transmitted: 3, rttsMs: [1, 1, 1], duplicates: 1 }).split('\n')[2]).toBe(
      '3 packets transmitted, 2 packets received, 1 duplicates, 33% packet loss',
    );
  });
  it('drops ICMP errors silently and starts at seq 0', () => {
    expect(pingError('busybox', { fromIp: '172.17.0.2', seq: 0, kind: 'host-unreachable' })).toBe('');
    expect(pingFirstSeq('busybox')).toBe(0);
  });
  it('bad address, exit status 1', () => {
    expect(pingResolveError('busybox', 'alpine3')).toEqual({ stderr: "ping: bad address 'alpine3'\n", status: 1 });
  });
  it('marks duplicates', () => {
    expect(pingReply('busybox', { fromIp: '1.2.3.4', seq: 3, ttl: 41, timeMs: 12.3456, dup: true })).toBe(
      '64 bytes from 1.2.3.4: seq=3 ttl=41 time=12.346 ms (DUP!)\n',
    );
  });
});

describe('ping, iputils', () => {
  it('reproduces a Debian 12 run (3 replies, mdev)', () => {
    const out =
      pingHeader('iputils', '172.17.0.3', '172.17.0.3') +
      [0.549, 0.119, 0.076].map((t, i) => pingReply('iputils', { fromIp: '172.17.0.3', seq: i + 1, ttl: 64, timeMs: t })).join('') +
      pingSummary('iputils', { host: '172.17.0.3', transmitted: 3, rttsMs: [0.549, 0.119, 0.076], elapsedMs: 406 });
    expect(out).toBe(
      'PING 172.17.0.3 (172.17.0.3) 56(84) bytes of data.\n' +
        '64 bytes from 172.17.0.3: icmp_seq=1 ttl=64 time=0.549 ms\n' +
        '64 bytes from 172.17.0.3: icmp_seq=2 ttl=64 time=0.119 ms\n' +
        '64 bytes from 172.17.0.3: icmp_seq=3 ttl=64 time=0.076 ms\n' +
        '\n--- 172.17.0.3 ping statistics ---\n' +
        '3 packets transmitted, 3 received, 0% packet loss, time 406ms\n' +
        'rtt min/avg/max/mdev = 0.076/0.248/0.549/0.213 ms\n',
    );
  });
  it('names the source when pinging by name', () => {
    expect(pingReply('iputils', { fromName: 'web.mynet', fromIp: '172.17.0.3', seq: 1, ttl: 64, timeMs: 0.054 })).toBe(
      '64 bytes from web.mynet (172.17.0.3): icmp_seq=1 ttl=64 time=0.054 ms\n',
    );
    expect(pingReply('iputils', { fromName: '172.17.0.3', fromIp: '172.17.0.3', seq: 1, ttl: 64, timeMs: 0.062 })).toBe(
      '64 bytes from 172.17.0.3 (172.17.0.3): icmp_seq=1 ttl=64 time=0.062 ms\n',
    );
  });
  it('host unreachable: From lines, +errors and pipe (Debian 12)', () => {
    expect(pingError('iputils', { fromIp: '172.17.0.2', seq: 1, kind: 'host-unreachable' })).toBe(
      'From 172.17.0.2 icmp_seq=1 Destination Host Unreachable\n',
    );
    expect(pingSummary('iputils', { host: '172.17.0.9', transmitted: 4, rttsMs: [], errors: 4, elapsedMs: 1553 })).toBe(
      '\n--- 172.17.0.9 ping statistics ---\n' +
        '4 packets transmitted, 0 received, +4 errors, 100% packet loss, time 1553ms\n' +
        'pipe 4\n',
    );
  });
  it('silent loss ends with an empty line (Debian 12)', () => {
    expect(pingSummary('iputils', { host: '10.99.0.1', transmitted: 2, rttsMs: [], elapsedMs: 315 })).toBe(
      '\n--- 10.99.0.1 ping statistics ---\n2 packets transmitted, 0 received, 100% packet loss, time 315ms\n\n',
    );
  });
  it('loss uses %g, pipe follows the rtt line after a comma', () => {
    const out = pingSummary('iputils', { host: 'h', transmitted: 3, rttsMs: [1.5, 2.5], elapsedMs: 2003, pipe: 2 });
    expect(out.split('\n')[2]).toBe('3 packets transmitted, 2 received, 33.3333% packet loss, time 2003ms');
    expect(out.split('\n')[3]).toBe('rtt min/avg/max/mdev = 1.500/2.000/2.500/0.500 ms, pipe 2');
  });
  it('a tiny payload has no times and no rtt line', () => {
    expect(pingHeader('iputils', '172.17.0.3', '172.17.0.3', 8)).toBe('PING 172.17.0.3 (172.17.0.3) 8(36) bytes of data.\n');
    expect(pingReply('iputils', { bytes: 16, fromIp: '172.17.0.3', seq: 1, ttl: 64 })).toBe('16 bytes from 172.17.0.3: icmp_seq=1 ttl=64\n');
    expect(pingSummary('iputils', { host: '172.17.0.3', transmitted: 2, rttsMs: [0, 0], elapsedMs: 200, timing: false })).toBe(
      '\n--- 172.17.0.3 ping statistics ---\n2 packets transmitted, 2 received, 0% packet loss, time 200ms\n\n',
    );
  });
  it('time precision follows the reply time', () => {
    expect(iputilsTime(0.0904)).toBe('0.090');
    expect(iputilsTime(1.234)).toBe('1.23');
    expect(iputilsTime(9.996)).toBe('10.0');
    expect(iputilsTime(23.46)).toBe('23.5');
    expect(iputilsTime(99.95)).toBe('100');
    expect(iputilsTime(145.6)).toBe('146');
  });
  it('name errors exit with 2', () => {
    expect(pingResolveError('iputils', 'nope')).toEqual({ stderr: 'ping: nope: Name or service not known\n', status: 2 });
    expect(pingResolveError('iputils', 'x', 'temporary').stderr).toBe('ping: x: Temporary failure in name resolution\n');
  });
  it('exit status follows the replies', () => {
    expect(pingStatus(0)).toBe(1);
    expect(pingStatus(2)).toBe(0);
    expect(pingFirstSeq('iputils')).toBe(1);
  });
});

describe('ping summary edge cases', () => {
  it('received can be given without round trips (iputils -s 8)', () => {
    expect(pingSummary('iputils', { host: 'h', transmitted: 2, received: 2, rttsMs: [], elapsedMs: 200, timing: false }).split('\n')[2]).toBe(
      '2 packets transmitted, 2 received, 0% packet loss, time 200ms',
    );
  });
  it('zero transmitted does not divide by zero', () => {
    expect(pingSummary('busybox', { host: 'h', transmitted: 0, rttsMs: [] }).split('\n')[2]).toBe('0 packets transmitted, 0 packets received, 0% packet loss');
    expect(pingSummary('iputils', { host: 'h', transmitted: 0, rttsMs: [] }).split('\n')[2]).toBe('0 packets transmitted, 0 received');
  });
});
