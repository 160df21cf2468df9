import { describe, expect, it } from 'vitest';
import { dig, digNoServers, digQuestion, digRecord, digShort } from './dig';

const WHEN = Date.UTC(2026, 10, 23, 19, 25, 34);
const A = { name: 'web', type: 'A' as const, ttl: 600, data: '172.17.0.3' };

describe('dig 9.18', () => {
  it('reproduces a Debian 12 run (compressing server, 37 bytes)', () => {
    const out = dig({
      args: ['web'], server: '127.0.0.11', id: 991, rcode: 'NOERROR',
      question: { name: 'web', type: 'A' }, answer: [A], queryTimeMs: 0, whenMs: WHEN, compress: true,
    });
    expect(out).toBe(
      '\n; <<>> DiG 9.18.49-1~deb12u3-Debian <<>> web\n' +
        ';; global options: +cmd\n;; Got answer:\n' +
        ';; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 991\n' +
        ';; flags: qr rd ra; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 0\n\n' +
        ';; QUESTION SECTION:\n;web.\t\t\t\tIN\tA\n\n' +
        ';; ANSWER SECTION:\nweb.\t\t\t600\tIN\tA\t172.17.0.3\n\n' +
        ';; Query time: 0 msec\n;; SERVER: 127.0.0.11#53(127.0.0.11) (UDP)\n' +
        ';; WHEN: Mon Nov 23 19:25:34 UTC 2026\n;; MSG SIZE  rcvd: 37\n\n',
    );
  });
  it("Docker's uncompressed answer reads 40 bytes by default", () => {
    const out = dig({ args: ['web'], server: '127.0.0.11', id: 1, rcode: 'NOERROR', question: { name: 'web', type: 'A' }, answer: [A], queryTimeMs: 0, whenMs: WHEN });
    expect(out).toContain(';; MSG SIZE  rcvd: 40\n');
  });
  it('NXDOMAIN: no answer section (Debian 12)', () => {
    const out = dig({ args: ['nope'], server: '127.0.0.11', id: 27659, rcode: 'NXDOMAIN', question: { name: 'nope', type: 'A' }, queryTimeMs: 4, whenMs: WHEN });
    expect(out).toContain(';; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN, id: 27659\n;; flags: qr rd ra; QUERY: 1, ANSWER: 0, AUTHORITY: 0, ADDITIONAL: 0\n\n');
    expect(out).toContain(';; QUESTION SECTION:\n;nope.\t\t\t\tIN\tA\n\n;; Query time: 4 msec\n');
    expect(out).toContain(';; MSG SIZE  rcvd: 22\n');
  });
  it('aligns long owners with a single space, like bind (dig -x)', () => {
    const ptr = { name: '3.0.17.172.in-addr.arpa', type: 'PTR' as const, ttl: 600, data: 'web.mynet.' };
    expect(digRecord(ptr)).toBe('3.0.17.172.in-addr.arpa. 600\tIN\tPTR\tweb.mynet.');
    expect(digQuestion({ name: '3.0.17.172.in-addr.arpa', type: 'PTR' })).toBe(';3.0.17.172.in-addr.arpa.\tIN\tPTR');
    expect(digRecord({ name: 'www.google.com', type: 'A', ttl: 300, data: '142.250.72.196' })).toBe('www.google.com.\t\t300\tIN\tA\t142.250.72.196');
  });
  it('@server adds "(1 server found)", OPT and authority sections print', () => {
    const soa = { name: '.', type: 'SOA' as const, ttl: 86400, data: 'a.root-servers.net. nstld.verisign-grs.com. 2026011200 1800 900 604800 86400' };
    const out = dig({
      args: ['@8.8.8.8', 'nope.'], serverGiven: true, server: '8.8.8.8', id: 7, rcode: 'NXDOMAIN',
      question: { name: 'nope.', type: 'A' }, authority: [soa], edns: { udp: 512 }, queryTimeMs: 12, whenMs: WHEN,
    });
    expect(out).toContain('<<>> @8.8.8.8 nope.\n; (1 server found)\n;; global options: +cmd\n');
    expect(out).toContain('AUTHORITY: 1, ADDITIONAL: 1\n\n;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: 512\n;; QUESTION SECTION:\n');
    expect(out).toContain(';; AUTHORITY SECTION:\n.\t\t\t86400\tIN\tSOA\ta.root-servers.net. nstld.verisign-grs.com. 2026011200 1800 900 604800 86400\n\n');
  });
  it('+short prints only the data', () => {
    expect(digShort([A])).toBe('172.17.0.3\n');
    expect(digShort([])).toBe('');
  });
  it('no servers reached: exit 9, errors before the banner (Debian 12)', () => {
    expect(digNoServers({ args: ['@127.0.0.13', 'web'], serverGiven: true, server: '127.0.0.13' })).toEqual({
      stdout:
        ';; communications error to 127.0.0.13#53: timed out\n'.repeat(3) +
        '\n; <<>> DiG 9.18.49-1~deb12u3-Debian <<>> @127.0.0.13 web\n; (1 server found)\n;; global options: +cmd\n;; no servers could be reached\n',
      status: 9,
    });
  });
});
