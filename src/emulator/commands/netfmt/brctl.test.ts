import { describe, expect, it } from 'vitest';
import { brctlShow, bridgeId } from './brctl';

describe('brctl show', () => {
  it('matches the reference transcript (tabs, continuation after 7 tabs)', () => {
    const out = brctlShow([
      { name: 'docker0', mac: '02:42:85:84:8e:f5', ports: ['veth8b6f79d'] },
      { name: 'br-01c10fd97202', mac: '02:42:e0:06:b6:be', ports: ['veth67d2329', 'veth5276184'] },
    ]);
    expect(out).toBe(
      'bridge name\tbridge id\t\tSTP enabled\tinterfaces\n' +
        'br-01c10fd97202\t\t8000.0242e006b6be\tno\t\tveth5276184\n' +
        '\t\t\t\t\t\t\tveth67d2329\n' +
        'docker0\t\t8000.024285848ef5\tno\t\tveth8b6f79d\n',
    );
  });
  it('an empty bridge keeps its two trailing tabs (bridge-utils 1.7.1)', () => {
    expect(brctlShow([{ name: 'br-empty', mac: '02:42:e0:06:b6:be', ports: [] }]).split('\n')[1]).toBe(
      'br-empty\t\t8000.0242e006b6be\tno\t\t',
    );
  });
  it('derives the bridge id from priority and MAC', () => {
    expect(bridgeId('02:42:AC:11:00:01')).toBe('8000.0242ac110001');
    expect(bridgeId('02:42:ac:11:00:01', 0x1000)).toBe('1000.0242ac110001');
  });
});
