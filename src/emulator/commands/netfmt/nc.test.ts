import { describe, expect, it } from 'vitest';
import { strerror } from './errno';
import { ncBadHost, ncFailed, ncOpen } from './nc';

const web = { host: 'web', ip: '172.17.0.3', port: 80, service: 'http' };

describe('nc -zv, OpenBSD (Debian 12 transcripts)', () => {
  it('open', () => {
    expect(ncOpen('openbsd', web)).toBe('Connection to web (172.17.0.3) 80 port [tcp/http] succeeded!\n');
    expect(ncOpen('openbsd', { ...web, host: '172.17.0.3' })).toBe('Connection to 172.17.0.3 80 port [tcp/http] succeeded!\n');
    expect(ncOpen('openbsd', { ...web, port: 9506, service: undefined })).toBe('Connection to web (172.17.0.3) 9506 port [tcp/*] succeeded!\n');
  });
  it('refused, timed out, bad host', () => {
    expect(ncFailed('openbsd', { ...web, port: 81 }, { kind: 'refused', reason: 'Connection refused' })).toBe(
      'nc: connect to web (172.17.0.3) port 81 (tcp) failed: Connection refused\n',
    );
    expect(ncFailed('openbsd', { host: '172.17.0.9', ip: '172.17.0.9', port: 80 }, { kind: 'timeout', reason: '' })).toBe(
      'nc: connect to 172.17.0.9 port 80 (tcp) timed out: Operation now in progress\n',
    );
    expect(ncBadHost('openbsd', 'nosuch', 80)).toBe('nc: getaddrinfo for host "nosuch" port 80: Name or service not known\n');
  });
});

describe('nc -zv, BusyBox (nc_bloaty.c)', () => {
  it('open: host and IP:PORT (reference transcript)', () => {
    expect(ncOpen('busybox', { host: 'r3-admin-server', ip: '172.18.0.4', port: 9506 })).toBe('r3-admin-server (172.18.0.4:9506) open\n');
  });
  it('refusals are silent with one -v, printed with -vv', () => {
    const refused = { kind: 'refused' as const, reason: strerror('ECONNREFUSED', 'musl') };
    expect(ncFailed('busybox', { ...web, port: 81 }, refused)).toBe('');
    expect(ncFailed('busybox', { ...web, port: 81 }, refused, 2)).toBe('nc: web (172.17.0.3:81): Connection refused\n');
  });
  it("timeouts use musl's wording", () => {
    expect(ncFailed('busybox', web, { kind: 'timeout', reason: strerror('ETIMEDOUT', 'musl') })).toBe('nc: web (172.17.0.3:80): Operation timed out\n');
    expect(ncBadHost('busybox', 'x', 80)).toBe("nc: bad address 'x'\n");
  });
  it('glibc and musl differ', () => {
    expect(strerror('EHOSTUNREACH', 'glibc')).toBe('No route to host');
    expect(strerror('EHOSTUNREACH', 'musl')).toBe('Host is unreachable');
    expect(strerror('ETIMEDOUT', 'glibc')).toBe('Connection timed out');
  });
});
