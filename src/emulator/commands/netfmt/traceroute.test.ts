import { describe, expect, it } from 'vitest';
import { tracerouteBadAddress, tracerouteHeader, tracerouteHop } from './traceroute';

describe('traceroute (BusyBox)', () => {
  it('header with defaults (BusyBox 1.35)', () => {
    expect(tracerouteHeader({ host: '172.17.0.3', ip: '172.17.0.3' })).toBe(
      'traceroute to 172.17.0.3 (172.17.0.3), 30 hops max, 46 byte packets\n',
    );
    expect(tracerouteHeader({ host: 'x', ip: '10.1.2.3', maxHops: 3 })).toBe('traceroute to x (10.1.2.3), 3 hops max, 46 byte packets\n');
  });
  it('a hop with a reverse name, printed once', () => {
    const p = { ip: '172.17.0.3', name: 'web.mynet' };
    expect(tracerouteHop(1, [{ ...p, ms: 0.003 }, { ...p, ms: 0.003 }, { ...p, ms: 0.002 }])).toBe(
      ' 1  web.mynet (172.17.0.3)  0.003 ms  0.003 ms  0.002 ms\n',
    );
  });
  it('without a reverse name the IP is repeated; -n prints the IP alone', () => {
    const p = { ip: '172.17.0.1' };
    expect(tracerouteHop(1, [{ ...p, ms: 0.005 }, { ...p, ms: 0.004 }, { ...p, ms: 0.003 }])).toBe(
      ' 1  172.17.0.1 (172.17.0.1)  0.005 ms  0.004 ms  0.003 ms\n',
    );
    expect(tracerouteHop(1, [{ ip: '172.17.0.3', ms: 1.599 }, { ip: '172.17.0.3', ms: 1.028 }, { ip: '172.17.0.3', ms: 0.233 }], { numeric: true })).toBe(
      ' 1  172.17.0.3  1.599 ms  1.028 ms  0.233 ms\n',
    );
  });
  it('timeouts and a change of responder within a hop', () => {
    expect(tracerouteHop(12, [null, null, null])).toBe('12  *  *  *\n');
    expect(tracerouteHop(2, [{ ip: '10.0.0.1', ms: 1 }, null, { ip: '10.0.0.2', ms: 2.5 }], { numeric: true })).toBe(
      ' 2  10.0.0.1  1.000 ms  *  10.0.0.2  2.500 ms\n',
    );
  });
  it('bad address', () => {
    expect(tracerouteBadAddress('nope')).toBe("traceroute: bad address 'nope'\n");
  });
});
