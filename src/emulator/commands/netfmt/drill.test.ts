import { describe, expect, it } from 'vitest';
import { drill, drillNetworkError } from './drill';

const WHEN = Date.UTC(2026, 10, 23, 19, 25, 34);

describe('drill (ldns 1.8)', () => {
  it('reproduces a Debian 12 run', () => {
    expect(
      drill({
        server: '127.0.0.11', id: 16587, rcode: 'NOERROR', question: { name: 'web', type: 'A' },
        answer: [{ name: 'web', type: 'A', ttl: 600, data: '172.17.0.3' }], queryTimeMs: 0, whenMs: WHEN, compress: true,
      }),
    ).toBe(
      ';; ->>HEADER<<- opcode: QUERY, rcode: NOERROR, id: 16587\n' +
        ';; flags: qr rd ra ; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 0 \n' +
        ';; QUESTION SECTION:\n;; web.\tIN\tA\n\n' +
        ';; ANSWER SECTION:\nweb.\t600\tIN\tA\t172.17.0.3\n\n' +
        ';; AUTHORITY SECTION:\n\n;; ADDITIONAL SECTION:\n\n' +
        ';; Query time: 0 msec\n;; SERVER: 127.0.0.11\n;; WHEN: Mon Nov 23 19:25:34 2026\n;; MSG SIZE  rcvd: 37\n',
    );
  });
  it('NXDOMAIN keeps all sections, ctime pads the day with a space', () => {
    const out = drill({ server: '127.0.0.11', id: 62065, rcode: 'NXDOMAIN', question: { name: 'nope', type: 'A' }, queryTimeMs: 0, whenMs: Date.UTC(2026, 0, 5, 9, 0, 0) });
    expect(out).toContain(';; ANSWER SECTION:\n\n;; AUTHORITY SECTION:\n\n');
    expect(out).toContain(';; WHEN: Mon Jan  5 09:00:00 2026\n;; MSG SIZE  rcvd: 22\n');
  });
  it('network error', () => {
    expect(drillNetworkError()).toEqual({ stderr: 'Error: error sending query: Could not send or receive, because of network error\n', status: 1 });
  });
});
