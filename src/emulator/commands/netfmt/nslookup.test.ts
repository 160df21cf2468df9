import { describe, expect, it } from 'vitest';
import { nslookup, nslookupTimeout } from './nslookup';

const A = { name: 'web', type: 'A' as const, ttl: 600, data: '172.17.0.3' };
const ok = [
  { qname: 'web', qtype: 'A' as const, rcode: 'NOERROR' as const, answers: [A] },
  { qname: 'web', qtype: 'AAAA' as const, rcode: 'NOERROR' as const, answers: [] },
];
const nx = [
  { qname: 'nope', qtype: 'A' as const, rcode: 'NXDOMAIN' as const, answers: [] },
  { qname: 'nope', qtype: 'AAAA' as const, rcode: 'NXDOMAIN' as const, answers: [] },
];

describe('nslookup, BusyBox', () => {
  it('A answer then empty AAAA (reference transcript, BusyBox 1.35)', () => {
    expect(nslookup('busybox', { server: '127.0.0.11', replies: ok })).toEqual({
      stdout:
        'Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\n' +
        'Non-authoritative answer:\nName:\tweb\nAddress: 172.17.0.3\n\n' +
        'Non-authoritative answer:\n\n',
      status: 0,
    });
  });
  it('NXDOMAIN is printed once per query, exit 1', () => {
    expect(nslookup('busybox', { server: '127.0.0.11', replies: nx })).toEqual({
      stdout:
        "Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\n** server can't find nope: NXDOMAIN\n\n** server can't find nope: NXDOMAIN\n\n",
      status: 1,
    });
  });
  it('PTR lookups print "name =" without the final dot', () => {
    const ptr = { name: '3.0.17.172.in-addr.arpa', type: 'PTR' as const, ttl: 600, data: 'web.mynet.' };
    const out = nslookup('busybox', {
      server: '127.0.0.11',
      replies: [{ qname: '3.0.17.172.in-addr.arpa', qtype: 'PTR', rcode: 'NOERROR', answers: [ptr] }],
    });
    expect(out.stdout).toBe(
      'Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\nNon-authoritative answer:\n3.0.17.172.in-addr.arpa\tname = web.mynet\n\n',
    );
  });
  it('unanswered queries and total timeout', () => {
    const out = nslookup('busybox', { server: '127.0.0.11', replies: [ok[0]], unanswered: ['web'] });
    expect(out.stdout.endsWith("Address: 172.17.0.3\n\n*** Can't find web: No answer\n\n")).toBe(true);
    expect(nslookup('busybox', { server: '127.0.0.13', replies: [] })).toEqual({
      stdout: ';; connection timed out; no servers could be reached\n\n',
      status: 1,
    });
  });
});

describe('nslookup, bind9 9.18', () => {
  it('one Non-authoritative header, closing blank line (Debian 12)', () => {
    expect(nslookup('bind9', { server: '127.0.0.11', replies: ok })).toEqual({
      stdout: 'Server:\t\t127.0.0.11\nAddress:\t127.0.0.11#53\n\nNon-authoritative answer:\nName:\tweb\nAddress: 172.17.0.3\n\n',
      status: 0,
    });
  });
  it('NXDOMAIN stops after the A lookup', () => {
    expect(nslookup('bind9', { server: '127.0.0.11', replies: nx })).toEqual({
      stdout: "Server:\t\t127.0.0.11\nAddress:\t127.0.0.11#53\n\n** server can't find nope: NXDOMAIN\n\n",
      status: 1,
    });
  });
  it('AAAA answers follow the A answers', () => {
    const v6 = { name: 'web', type: 'AAAA' as const, ttl: 600, data: 'fd00::3' };
    const out = nslookup('bind9', {
      server: '127.0.0.11',
      replies: [ok[0], { qname: 'web', qtype: 'AAAA', rcode: 'NOERROR', answers: [v6] }],
    });
    expect(out.stdout).toContain('Address: 172.17.0.3\nName:\tweb\nAddress: fd00::3\n\n');
  });
  it('PTR: no server block, authoritative-answers trailer (Debian 12)', () => {
    const ptr = { name: '3.0.17.172.in-addr.arpa.', type: 'PTR' as const, ttl: 600, data: 'web.mynet.' };
    expect(
      nslookup('bind9', { server: '127.0.0.11', replies: [{ qname: '3.0.17.172.in-addr.arpa', qtype: 'PTR', rcode: 'NOERROR', answers: [ptr] }] }).stdout,
    ).toBe('3.0.17.172.in-addr.arpa\tname = web.mynet.\n\nAuthoritative answers can be found from:\n\n');
  });
  it('no A and no AAAA data: No answer', () => {
    const out = nslookup('bind9', {
      server: '127.0.0.11',
      replies: [
        { qname: 'x', qtype: 'A', rcode: 'NOERROR', answers: [] },
        { qname: 'x', qtype: 'AAAA', rcode: 'NOERROR', answers: [] },
      ],
    });
    expect(out.stdout).toBe("Server:\t\t127.0.0.11\nAddress:\t127.0.0.11#53\n\nNon-authoritative answer:\n*** Can't find x: No answer\n\n");
  });
  it('timeout: one line per try (Debian 12)', () => {
    expect(nslookupTimeout('bind9', '127.0.0.13')).toEqual({
      stdout:
        ';; communications error to 127.0.0.13#53: timed out\n'.repeat(3) + ';; no servers could be reached\n\n',
      status: 1,
    });
  });
});
