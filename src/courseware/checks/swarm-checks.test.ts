import { describe, expect, it } from 'vitest';
import type { ServiceSummary, SwarmNodeSummary } from '../../emulator/api';
import { fakeLab } from '../testing/fake-lab';
import { describeCheck, evaluateCheck } from './index';

const node = (hostname: string, p: Partial<SwarmNodeSummary> = {}): SwarmNodeSummary => ({
  id: `${hostname}-id`, hostname, role: 'worker', status: 'ready', availability: 'active', leader: false, ...p,
});
const service = (name: string, p: Partial<ServiceSummary> = {}): ServiceSummary => ({
  id: `${name}-id`, name, mode: 'replicated', replicas: 3, running: 3, desired: 3, hosts: ['node1', 'node2', 'node3'], endpointMode: 'vip', networks: ['appnet'], ports: [], ...p,
});

describe('swarm-node', () => {
  const lab = fakeLab({
    networks: [], containers: [],
    nodes: [node('node1', { role: 'manager', leader: true }), node('node2'), node('node3', { status: 'down' }), node('node3', { id: 'again' })],
  });
  it('passes for a Ready node in the wanted role; a host listed twice (left, joined again) counts once Ready', () => {
    expect(evaluateCheck({ kind: 'swarm-node', id: 'n', node: 'node1', role: 'manager' }, lab)).toEqual({ pass: true });
    expect(evaluateCheck({ kind: 'swarm-node', id: 'n', node: 'node3', role: 'worker' }, lab).pass).toBe(true);
  });
  it('says why a node does not count', () => {
    expect(evaluateCheck({ kind: 'swarm-node', id: 'n', node: 'node2', role: 'manager' }, lab).reason).toBe('node2 is a worker, not a manager');
    expect(evaluateCheck({ kind: 'swarm-node', id: 'n', node: 'node4' }, lab).reason).toBe('node4 has not joined the swarm');
    const down = fakeLab({ networks: [], containers: [], nodes: [node('node2', { status: 'down' })] });
    expect(evaluateCheck({ kind: 'swarm-node', id: 'n', node: 'node2' }, down).reason).toMatch(/^node2 is listed but Down/);
    expect(evaluateCheck({ kind: 'swarm-node', id: 'n', node: 'node2', status: 'down' }, down).pass).toBe(true);
    expect(evaluateCheck({ kind: 'swarm-node', id: 'n', node: 'node2' }, fakeLab({ networks: [], containers: [] })).reason).toMatch(/^there is no swarm yet/);
    const pending = fakeLab({ networks: [], containers: [], nodes: [node('node1', { role: 'manager' }), node('node2', { id: '', status: 'pending' })] });
    expect(evaluateCheck({ kind: 'swarm-node', id: 'n', node: 'node2' }, pending).reason).toBe('node2 is still trying to join: its connection to the manager on TCP 2377 gets no answer');
  });
  it('describes itself', () => {
    expect(describeCheck({ kind: 'swarm-node', id: 'n', node: 'node2', role: 'worker' })).toBe('node2 is in the swarm as a worker and Ready');
  });
});

describe('service-running', () => {
  const lab = fakeLab({
    networks: [], containers: [],
    services: [
      service('web', { ports: [{ published: 8080, target: 80, protocol: 'tcp', mode: 'ingress' }] }),
      service('api', { replicas: 2, running: 1, desired: 2, hosts: ['node2'], endpointMode: 'dnsrr' }),
      service('edge', { mode: 'global', replicas: undefined, running: 3, networks: [], ports: [{ published: 9090, target: 80, protocol: 'tcp', mode: 'host' }] }),
    ],
  });
  it('passes when the service and all its tasks run with the settings asked for', () => {
    expect(evaluateCheck({ kind: 'service-running', id: 's', service: 'web', replicas: 3, endpointMode: 'vip', network: 'appnet', published: 8080, publishMode: 'ingress' }, lab)).toEqual({ pass: true });
    expect(evaluateCheck({ kind: 'service-running', id: 's', service: 'edge', mode: 'global', published: 9090, publishMode: 'host' }, lab).pass).toBe(true);
  });
  it('names what differs', () => {
    const reason = (c: Record<string, unknown>) => evaluateCheck({ kind: 'service-running', id: 's', service: 'web', ...c } as never, lab).reason;
    expect(reason({ service: 'db' })).toBe('there is no service called db yet');
    expect(reason({ replicas: 5 })).toBe('web asks for 3 replicas, not 5');
    expect(reason({ mode: 'global' })).toBe('web is a replicated service, not global');
    expect(reason({ endpointMode: 'dnsrr' })).toBe('web uses endpoint mode vip, not dnsrr');
    expect(reason({ network: 'backend' })).toBe('web is not on backend (it is on appnet)');
    expect(reason({ published: 80 })).toBe('web does not publish port 80 (it publishes 8080->80/tcp)');
    expect(reason({ published: 8080, publishMode: 'host' })).toBe('web publishes 8080 in ingress mode (the routing mesh), not host mode');
    expect(reason({ service: 'api' })).toBe("only 1 of api's 2 tasks run (docker service ps api says why)");
    expect(reason({ service: 'edge', replicas: 3 })).toBe('edge is a global service (one task per node), not 3 replicas');
    expect(reason({ notOnHost: 'node2' })).toBe('a task of web runs on node2');
    expect(reason({ notOnHost: 'node4' })).toBeUndefined();
    const partial = fakeLab({ networks: [], containers: [], services: [service('agent', { mode: 'global', replicas: undefined, running: 2, desired: 3 })] });
    expect(evaluateCheck({ kind: 'service-running', id: 's', service: 'agent' }, partial).reason).toBe("only 2 of agent's 3 tasks run (docker service ps agent says why)");
  });
  it('describes itself', () => {
    expect(describeCheck({ kind: 'service-running', id: 's', service: 'web', replicas: 3, network: 'appnet', published: 8080, publishMode: 'ingress' }))
      .toBe('the service web runs (3 replicas, on appnet, publishing 8080 in ingress mode)');
  });
});
