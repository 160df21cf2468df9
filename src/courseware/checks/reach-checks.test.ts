import { describe, expect, it } from 'vitest';
import { container, endpoint, fakeLab, network } from '../testing/fake-lab';
import { describeCheck, evaluateCheck } from './index';

const networks = [network({ name: 'bridge' }), network({ name: 'appnet' }), network({ name: 'backend', internal: true })];

describe('can-reach', () => {
  it('passes when the probe gets through', () => {
    const lab = fakeLab({
      networks,
      containers: [container({ name: 'web', endpoints: [endpoint('appnet', '10.0.0.2')] }), container({ name: 'db', endpoints: [endpoint('appnet', '10.0.0.3')] })],
      listening: { db: ['5432/tcp'] },
    });
    expect(evaluateCheck({ kind: 'can-reach', id: 'r', from: { container: 'web' }, to: 'db', port: 5432 }, lab)).toEqual({ pass: true });
    expect(evaluateCheck({ kind: 'can-reach', id: 'r', from: { container: 'web' }, to: 'db' }, lab).pass).toBe(true);
  });

  it('explains the default bridge, where names do not resolve', () => {
    const lab = fakeLab({
      networks,
      containers: [container({ name: 'web', endpoints: [endpoint('bridge', '172.17.0.2')] }), container({ name: 'db', endpoints: [endpoint('bridge', '172.17.0.3')] })],
    });
    expect(evaluateCheck({ kind: 'can-reach', id: 'r', from: { container: 'web' }, to: 'db' }, lab).reason)
      .toBe("web and db are on the default bridge, where names do not resolve (bad address 'db')");
    // By IP the same pair gets through: the diagnosis never overrides the probe.
    expect(evaluateCheck({ kind: 'can-reach', id: 'r', from: { container: 'web' }, to: '172.17.0.3' }, lab).pass).toBe(true);
  });

  it('explains containers on different networks', () => {
    const lab = fakeLab({
      networks,
      containers: [container({ name: 'web', endpoints: [endpoint('bridge', '172.17.0.2')] }), container({ name: 'db', endpoints: [endpoint('appnet', '10.0.0.3')] })],
    });
    expect(evaluateCheck({ kind: 'can-reach', id: 'r', from: { container: 'web' }, to: 'db', port: 5432 }, lab).reason)
      .toBe("db is on appnet but web is only on bridge (bad address 'db')");
  });

  it('explains a missing or stopped container and an unknown name', () => {
    const lab = fakeLab({
      networks,
      containers: [container({ name: 'web', endpoints: [endpoint('appnet', '10.0.0.2')] }), container({ name: 'db', running: false })],
    });
    expect(evaluateCheck({ kind: 'can-reach', id: 'r', from: { container: 'api' }, to: 'db' }, lab).reason).toMatch(/^there is no container called api/);
    expect(evaluateCheck({ kind: 'can-reach', id: 'r', from: { container: 'web' }, to: 'db' }, lab).reason).toMatch(/^db is not running/);
    expect(evaluateCheck({ kind: 'can-reach', id: 'r', from: { container: 'web' }, to: 'cache' }, lab).reason)
      .toBe("the name cache does not resolve in web: no container, network alias or host has that name (bad address 'cache')");
  });

  it('falls back to the probe reason when the wiring is right', () => {
    const lab = fakeLab({
      networks,
      containers: [container({ name: 'web', endpoints: [endpoint('appnet', '10.0.0.2')] }), container({ name: 'db', endpoints: [endpoint('appnet', '10.0.0.3')] })],
    });
    expect(evaluateCheck({ kind: 'can-reach', id: 'r', from: { container: 'web' }, to: 'db', port: 5432 }, lab).reason)
      .toBe('web cannot reach db by name on port 5432/tcp: connection refused');
  });

  it('explains internal networks and unpublished host ports', () => {
    const lab = fakeLab({
      networks,
      containers: [container({ name: 'job', endpoints: [endpoint('backend', '10.9.0.2')] })],
      reach: () => ({ ok: false, reason: 'network is unreachable' }),
      resolve: (_from, name) => ({ node1: '192.168.1.10' } as Record<string, string>)[name] ?? (/^[\d.]+$/.test(name) ? name : undefined),
    });
    expect(evaluateCheck({ kind: 'can-reach', id: 'r', from: { container: 'job' }, to: '93.184.216.34', port: 443 }, lab).reason)
      .toBe('job is only on internal networks (backend), which have no route outside them (network is unreachable)');
    expect(evaluateCheck({ kind: 'can-reach', id: 'r', from: { laptop: true }, to: '192.168.1.10', port: 8080 }, lab).reason)
      .toBe('no running container publishes host port 8080/tcp (network is unreachable)');
  });

  it('from the LAN to an address that is no Docker host: a container must have it (macvlan), not publish a port', () => {
    const lab = fakeLab({
      networks,
      containers: [],
      reach: () => ({ ok: false, reason: 'nobody answers ARP for it' }),
      resolve: (_from, name) => ({ node1: '192.168.1.11', node2: '192.168.1.12' } as Record<string, string>)[name] ?? (/^[\d.]+$/.test(name) ? name : undefined),
    });
    expect(evaluateCheck({ kind: 'can-reach', id: 'r', from: { laptop: true }, to: '192.168.1.130', port: 80 }, lab).reason)
      .toBe('no running container has the address 192.168.1.130 (nobody answers ARP for it)');
    expect(evaluateCheck({ kind: 'can-reach', id: 'r', from: { laptop: true }, to: '192.168.30.10' }, lab).reason)
      .toBe('no running container has the address 192.168.30.10 (nobody answers ARP for it)');
    expect(evaluateCheck({ kind: 'can-reach', id: 'r', from: { laptop: true }, to: 'node2', port: 80 }, lab).reason)
      .toBe('no running container publishes host port 80/tcp (nobody answers ARP for it)');
    expect(evaluateCheck({ kind: 'can-reach', id: 'r', from: { laptop: true }, to: '93.184.216.34', port: 443 }, lab).reason)
      .toBe('the laptop cannot reach 93.184.216.34 on port 443/tcp: nobody answers ARP for it');
  });

  it('describes itself', () => {
    expect(describeCheck({ kind: 'can-reach', id: 'r', from: { container: 'web' }, to: 'db' })).toBe('web can reach db by name (ping)');
    expect(describeCheck({ kind: 'can-reach', id: 'r', from: { laptop: true }, to: 'node1', port: 8080 })).toBe('the laptop can reach node1 on port 8080/tcp');
    expect(describeCheck({ kind: 'can-reach', id: 'r', from: { container: 'web' }, to: '10.0.0.3', port: 53, proto: 'udp' })).toBe('web can reach 10.0.0.3 on port 53/udp');
    expect(describeCheck({ kind: 'can-reach', id: 'r', label: 'web talks to db', from: { container: 'web' }, to: 'db' })).toBe('web talks to db');
  });
});

describe('cannot-reach', () => {
  const lab = fakeLab({
    networks,
    containers: [container({ name: 'web', endpoints: [endpoint('appnet', '10.0.0.2')] }), container({ name: 'db', endpoints: [endpoint('appnet', '10.0.0.3')] })],
    listening: { db: ['5432/tcp'] },
  });
  it('passes when the probe fails', () => {
    expect(evaluateCheck({ kind: 'cannot-reach', id: 'x', from: { container: 'web' }, to: 'db', port: 80 }, lab).pass).toBe(true);
  });
  it('says it still gets through, and over which network', () => {
    expect(evaluateCheck({ kind: 'cannot-reach', id: 'x', from: { container: 'web' }, to: 'db', port: 5432 }, lab).reason)
      .toBe('web can still reach db by name on port 5432/tcp (both are on appnet)');
  });
  it('does not pass by deleting or stopping one end', () => {
    const gone = fakeLab({ networks, containers: [container({ name: 'db', running: false })] });
    expect(evaluateCheck({ kind: 'cannot-reach', id: 'x', from: { container: 'web' }, to: 'db' }, gone).reason)
      .toBe('there is no container called web, so its isolation cannot be tested');
    const stopped = fakeLab({ networks, containers: [container({ name: 'web' }), container({ name: 'db', running: false })] });
    expect(evaluateCheck({ kind: 'cannot-reach', id: 'x', from: { container: 'web' }, to: 'db' }, stopped).reason)
      .toBe('db is not running (it was never started, was stopped or has exited), so its isolation cannot be tested');
  });
  it('describes itself', () => {
    expect(describeCheck({ kind: 'cannot-reach', id: 'x', from: { container: 'web' }, to: 'db', port: 5432 })).toBe('web cannot reach db by name on port 5432/tcp');
  });
});

describe('name-resolves', () => {
  const lab = fakeLab({
    networks,
    containers: [
      container({ name: 'web', endpoints: [endpoint('appnet', '10.0.0.2'), endpoint('bridge', '172.17.0.2')] }),
      container({ name: 'db', endpoints: [endpoint('appnet', '10.0.0.3', ['database'])] }),
      container({ name: 'old', endpoints: [endpoint('bridge', '172.17.0.4')] }),
      container({ name: 'cache', endpoints: [endpoint('bridge', '172.17.0.5')] }),
    ],
  });
  it('passes by name and alias, to an address or to a container', () => {
    expect(evaluateCheck({ kind: 'name-resolves', id: 'n', from: { container: 'web' }, name: 'db' }, lab).pass).toBe(true);
    expect(evaluateCheck({ kind: 'name-resolves', id: 'n', from: { container: 'web' }, name: 'database', to: 'db' }, lab).pass).toBe(true);
    expect(evaluateCheck({ kind: 'name-resolves', id: 'n', from: { container: 'web' }, name: 'db', to: '10.0.0.3' }, lab).pass).toBe(true);
  });
  it('names the wrong address', () => {
    expect(evaluateCheck({ kind: 'name-resolves', id: 'n', from: { container: 'web' }, name: 'db', to: '10.0.0.9' }, lab).reason)
      .toBe('db resolves to 10.0.0.3 from web, not 10.0.0.9');
  });
  it('explains why a name does not resolve', () => {
    expect(evaluateCheck({ kind: 'name-resolves', id: 'n', from: { container: 'old' }, name: 'cache' }, lab).reason)
      .toBe('cache does not resolve in old: old and cache are on the default bridge, where names do not resolve');
    expect(evaluateCheck({ kind: 'name-resolves', id: 'n', from: { container: 'old' }, name: 'db' }, lab).reason)
      .toBe('db does not resolve in old: db is on appnet but old is only on bridge');
    expect(evaluateCheck({ kind: 'name-resolves', id: 'n', from: { host: 'node1' }, name: 'db' }, lab).reason)
      .toBe('db does not resolve on node1: container names resolve only inside containers on a user-defined network, not on node1');
    expect(evaluateCheck({ kind: 'name-resolves', id: 'n', from: { container: 'web' }, name: 'nope' }, lab).reason)
      .toBe('nope does not resolve in web: there is no container or network alias called nope');
  });
  it('describes itself', () => {
    expect(describeCheck({ kind: 'name-resolves', id: 'n', from: { container: 'web' }, name: 'db', to: 'db' })).toBe("db resolves in web to db's address");
  });
});

describe('evaluateCheck', () => {
  it('never throws: a failing query fails the check with its message', () => {
    const lab = fakeLab({ networks, containers: [], reach: () => { throw new Error('canReach is not implemented yet'); } });
    expect(evaluateCheck({ kind: 'can-reach', id: 'r', from: { laptop: true }, to: 'node1' }, lab))
      .toEqual({ pass: false, reason: 'the check could not look at the lab: canReach is not implemented yet' });
  });
  it('fails an unknown kind instead of crashing', () => {
    const bogus = { kind: 'teleport', id: 'x' } as unknown as Parameters<typeof evaluateCheck>[0];
    expect(evaluateCheck(bogus, fakeLab({ networks, containers: [] })).reason).toBe('this exercise uses an unknown check kind "teleport"');
    expect(describeCheck(bogus)).toBe('unknown check kind "teleport"');
  });
});
