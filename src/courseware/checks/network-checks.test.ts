import { describe, expect, it } from 'vitest';
import { container, endpoint, fakeLab, network } from '../testing/fake-lab';
import { describeCheck, evaluateCheck } from './index';

const appnet = network({ name: 'appnet', subnets: ['10.10.0.0/24'], containers: ['web'] });
const lab = fakeLab({
  networks: [network({ name: 'bridge' }), appnet, network({ name: 'backend', internal: true })],
  containers: [container({ name: 'web', endpoints: [endpoint('appnet', '10.10.0.2', ['www'])] })],
});

describe('network-exists', () => {
  it('passes when the network exists with the wanted details', () => {
    expect(evaluateCheck({ kind: 'network-exists', id: 'n', network: 'appnet', driver: 'bridge', subnet: '10.10.0.0/24', internal: false }, lab)).toEqual({ pass: true });
    expect(evaluateCheck({ kind: 'network-exists', id: 'n', network: 'backend', internal: true }, lab).pass).toBe(true);
  });
  it('says the network does not exist yet', () => {
    expect(evaluateCheck({ kind: 'network-exists', id: 'n', network: 'frontnet' }, lab)).toEqual({ pass: false, reason: 'there is no network called frontnet yet' });
  });
  it('names the wrong driver, subnet and internal setting', () => {
    expect(evaluateCheck({ kind: 'network-exists', id: 'n', network: 'appnet', driver: 'overlay' }, lab).reason).toBe('appnet uses the bridge driver, not overlay');
    expect(evaluateCheck({ kind: 'network-exists', id: 'n', network: 'appnet', subnet: '10.20.0.0/24' }, lab).reason).toBe('appnet has subnet 10.10.0.0/24, not 10.20.0.0/24');
    expect(evaluateCheck({ kind: 'network-exists', id: 'n', network: 'appnet', internal: true }, lab).reason).toBe('appnet is not internal (it was created without --internal)');
    expect(evaluateCheck({ kind: 'network-exists', id: 'n', network: 'backend', internal: false }, lab).reason).toBe('backend is internal, so it has no route outside');
  });
  it('describes itself for the checklist', () => {
    expect(describeCheck({ kind: 'network-exists', id: 'n', network: 'appnet', subnet: '10.10.0.0/24', internal: true })).toBe('a network called appnet exists (subnet 10.10.0.0/24, internal)');
    expect(describeCheck({ kind: 'network-exists', id: 'n', network: 'secnet', option: 'encrypted' })).toBe('a network called secnet exists (option encrypted)');
  });
  it('asks for a driver option such as encrypted', () => {
    const withOpt = fakeLab({ networks: [network({ name: 'secnet', driver: 'overlay', options: { encrypted: '' } }), network({ name: 'plain', driver: 'overlay' })], containers: [] });
    expect(evaluateCheck({ kind: 'network-exists', id: 'n', network: 'secnet', option: 'encrypted' }, withOpt).pass).toBe(true);
    expect(evaluateCheck({ kind: 'network-exists', id: 'n', network: 'plain', option: 'encrypted' }, withOpt).reason).toBe('plain was created without the option encrypted (--opt encrypted)');
  });
});

describe('network-absent', () => {
  it('passes when there is no such network', () => {
    expect(evaluateCheck({ kind: 'network-absent', id: 'n', network: 'gone' }, lab).pass).toBe(true);
  });
  it('names the containers that keep it', () => {
    expect(evaluateCheck({ kind: 'network-absent', id: 'n', network: 'appnet' }, lab).reason).toBe('the network appnet still exists (web is still attached)');
    expect(evaluateCheck({ kind: 'network-absent', id: 'n', network: 'backend' }, lab).reason).toBe('the network backend still exists');
  });
  it('describes itself', () => {
    expect(describeCheck({ kind: 'network-absent', id: 'n', network: 'appnet' })).toBe('there is no network called appnet');
  });
});

describe('container-on-network', () => {
  const two = fakeLab({
    networks: [network({ name: 'bridge' }), appnet],
    containers: [
      container({ name: 'web', endpoints: [endpoint('appnet', '10.10.0.2', ['www'])] }),
      container({ name: 'db', endpoints: [endpoint('bridge', '172.17.0.2')] }),
      container({ name: 'cache', running: false, endpoints: [] }),
      container({ name: 'h', networkMode: 'host' }),
    ],
  });
  it('passes with the right IP and alias', () => {
    expect(evaluateCheck({ kind: 'container-on-network', id: 'c', container: 'web', network: 'appnet', ip: '10.10.0.2', alias: 'www' }, two).pass).toBe(true);
  });
  it('says where the container is instead', () => {
    expect(evaluateCheck({ kind: 'container-on-network', id: 'c', container: 'db', network: 'appnet' }, two).reason).toBe('db is only on bridge, not on appnet');
    expect(evaluateCheck({ kind: 'container-on-network', id: 'c', container: 'h', network: 'appnet' }, two).reason).toBe("h uses the host's network (--network host), so it cannot be on appnet");
    expect(evaluateCheck({ kind: 'container-on-network', id: 'c', container: 'cache', network: 'appnet' }, two).reason).toBe('cache is not on appnet (it is on no network and is not running)');
  });
  it('says when the network or the container is missing', () => {
    expect(evaluateCheck({ kind: 'container-on-network', id: 'c', container: 'db', network: 'nonet' }, two).reason).toBe('there is no network called nonet yet');
    expect(evaluateCheck({ kind: 'container-on-network', id: 'c', container: 'ghost', network: 'appnet' }, two).reason).toBe('there is no container called ghost yet');
  });
  it('names a wrong IP or a missing alias', () => {
    expect(evaluateCheck({ kind: 'container-on-network', id: 'c', container: 'web', network: 'appnet', ip: '10.10.0.9' }, two).reason).toBe('web is on appnet with IP 10.10.0.2, not 10.10.0.9');
    expect(evaluateCheck({ kind: 'container-on-network', id: 'c', container: 'web', network: 'appnet', alias: 'api' }, two).reason).toBe('web is on appnet but not with the alias api (its aliases there are www)');
  });
  it('describes itself', () => {
    expect(describeCheck({ kind: 'container-on-network', id: 'c', container: 'web', network: 'appnet', ip: '10.10.0.2', alias: 'www' })).toBe('web is on appnet with IP 10.10.0.2 and alias www');
  });
});

describe('container-not-on-network', () => {
  it('passes when the container has left the network or does not exist', () => {
    expect(evaluateCheck({ kind: 'container-not-on-network', id: 'c', container: 'web', network: 'bridge' }, lab).pass).toBe(true);
    expect(evaluateCheck({ kind: 'container-not-on-network', id: 'c', container: 'ghost', network: 'appnet' }, lab).pass).toBe(true);
  });
  it('says the container is still there, with its IP', () => {
    expect(evaluateCheck({ kind: 'container-not-on-network', id: 'c', container: 'web', network: 'appnet' }, lab).reason).toBe('web is still on appnet (IP 10.10.0.2)');
  });
  it('describes itself', () => {
    expect(describeCheck({ kind: 'container-not-on-network', id: 'c', container: 'web', network: 'appnet' })).toBe('web is not on appnet');
  });
});

describe('network-mode', () => {
  const modes = fakeLab({
    networks: [],
    containers: [
      container({ name: 'web', networkMode: 'default' }),
      container({ name: 'side', networkMode: `container:${container({ name: 'web' }).id}` }),
      container({ name: 'h', networkMode: 'host' }),
    ],
  });
  it('treats default as bridge and container:<id> as container:<name>', () => {
    expect(evaluateCheck({ kind: 'network-mode', id: 'm', container: 'web', mode: 'bridge' }, modes).pass).toBe(true);
    expect(evaluateCheck({ kind: 'network-mode', id: 'm', container: 'side', mode: 'container:web' }, modes).pass).toBe(true);
    expect(evaluateCheck({ kind: 'network-mode', id: 'm', container: 'h', mode: 'host' }, modes).pass).toBe(true);
  });
  it('names the actual mode', () => {
    expect(evaluateCheck({ kind: 'network-mode', id: 'm', container: 'web', mode: 'host' }, modes).reason).toBe('web uses network mode bridge, not host');
    expect(evaluateCheck({ kind: 'network-mode', id: 'm', container: 'side', mode: 'container:h' }, modes).pass).toBe(false);
    expect(evaluateCheck({ kind: 'network-mode', id: 'm', container: 'nope', mode: 'host' }, modes).reason).toBe('there is no container called nope yet');
  });
  it('describes itself', () => {
    expect(describeCheck({ kind: 'network-mode', id: 'm', container: 'web', mode: 'host' })).toBe('web uses network mode host');
  });
});
