import { describe, expect, it } from 'vitest';
import { bare, dnsMessageSize, fqdn } from './dns-message';

const A = { name: 'web.', type: 'A' as const, ttl: 600, data: '172.17.0.3' };

describe('DNS message size (dig/drill MSG SIZE)', () => {
  it('compressed A answer: 37 bytes (dig 9.18 against a compressing server)', () => {
    expect(dnsMessageSize({ question: { name: 'web', type: 'A' }, answer: [A], compress: true })).toBe(37);
  });
  it("Docker's own answers are not compressed: 40 bytes", () => {
    expect(dnsMessageSize({ question: { name: 'web', type: 'A' }, answer: [A] })).toBe(40);
  });
  it('NXDOMAIN and empty AAAA replies: header + question', () => {
    expect(dnsMessageSize({ question: { name: 'nope', type: 'A' } })).toBe(22);
    expect(dnsMessageSize({ question: { name: 'web', type: 'AAAA' } })).toBe(21);
  });
  it('a compressed PTR answer: 64 bytes (dig -x 172.17.0.3)', () => {
    const ptr = { name: '3.0.17.172.in-addr.arpa.', type: 'PTR' as const, ttl: 600, data: 'web.mynet.' };
    expect(dnsMessageSize({ question: { name: '3.0.17.172.in-addr.arpa.', type: 'PTR' }, answer: [ptr], compress: true })).toBe(64);
    expect(dnsMessageSize({ question: { name: '3.0.17.172.in-addr.arpa.', type: 'PTR' }, answer: [ptr] })).toBe(87);
  });
  it('suffix compression for CNAME targets, and OPT adds 11', () => {
    const cname = { name: 'www.example.com.', type: 'CNAME' as const, ttl: 300, data: 'example.com.' };
    const a = { name: 'example.com.', type: 'A' as const, ttl: 300, data: '93.184.216.34' };
    // 12 + 17+4, cname: 2+10+2, a: 2+10+4
    expect(dnsMessageSize({ question: { name: 'www.example.com', type: 'A' }, answer: [cname, a], compress: true })).toBe(63);
    expect(dnsMessageSize({ question: { name: 'web', type: 'A' }, answer: [A], compress: true, edns: true })).toBe(48);
  });
  it('fqdn/bare', () => {
    expect(fqdn('web')).toBe('web.');
    expect(fqdn('web.')).toBe('web.');
    expect(bare('web.mynet.')).toBe('web.mynet');
    expect(bare('.')).toBe('.');
  });
});
