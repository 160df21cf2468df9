import { describe, expect, it } from 'vitest';
import { container, endpoint, fakeLab } from '../testing/fake-lab';
import { describeCheck, evaluateCheck } from './index';
import { normalizeImage } from './container-running';

const lab = fakeLab({
  networks: [],
  containers: [
    container({ name: 'web', image: 'nginx', endpoints: [endpoint('bridge', '172.17.0.2')], ports: { '80/tcp': [{ hostIp: '0.0.0.0', hostPort: '8080' }, { hostIp: '::', hostPort: '8080' }], '443/tcp': [] }, env: { DB_HOST: 'db', EMPTY: '' } }),
    container({ name: 'local', ports: { '5432/tcp': [{ hostIp: '127.0.0.1', hostPort: '5432' }] } }),
    container({ name: 'old', running: false, ports: {} }),
  ],
  files: { 'host:node1:/etc/docker/daemon.json': '{ "bip": "10.99.0.1/24" }\n' },
});

describe('container-running', () => {
  it('passes for a running container, whatever way the image is written', () => {
    expect(evaluateCheck({ kind: 'container-running', id: 'r', container: 'web' }, lab).pass).toBe(true);
    expect(evaluateCheck({ kind: 'container-running', id: 'r', container: 'web', image: 'docker.io/library/nginx:latest' }, lab).pass).toBe(true);
  });
  it('says it is missing, stopped or from another image', () => {
    expect(evaluateCheck({ kind: 'container-running', id: 'r', container: 'api' }, lab).reason).toBe('there is no container called api yet');
    expect(evaluateCheck({ kind: 'container-running', id: 'r', container: 'old' }, lab).reason).toBe('old is not running (it was never started, was stopped or has exited)');
    expect(evaluateCheck({ kind: 'container-running', id: 'r', container: 'web', image: 'httpd' }, lab).reason).toBe('web runs the image nginx, not httpd');
  });
  it('normalizes image references like Docker does', () => {
    expect(normalizeImage('nginx')).toBe('library/nginx:latest');
    expect(normalizeImage('nicolaka/netshoot')).toBe('nicolaka/netshoot:latest');
    expect(normalizeImage('localhost:5000/app')).toBe('localhost:5000/app:latest');
    expect(normalizeImage('alpine:3.20@sha256:abc')).toBe('library/alpine:3.20');
  });
  it('describes itself', () => {
    expect(describeCheck({ kind: 'container-running', id: 'r', container: 'web', image: 'nginx' })).toBe('web is running (image nginx)');
    expect(describeCheck({ kind: 'container-running', id: 'r', container: 'web', host: 'node2' })).toBe('web is running on node2');
  });
  it('in a multi-host lab, says on which host the container runs instead', () => {
    expect(evaluateCheck({ kind: 'container-running', id: 'r', container: 'web', host: 'node1' }, lab).pass).toBe(true);
    expect(evaluateCheck({ kind: 'container-running', id: 'r', container: 'web', host: 'node2' }, lab).reason).toBe('web runs on node1, not on node2');
  });
});

describe('container-absent', () => {
  it('passes when gone, and says whether it still runs otherwise', () => {
    expect(evaluateCheck({ kind: 'container-absent', id: 'a', container: 'api' }, lab).pass).toBe(true);
    expect(evaluateCheck({ kind: 'container-absent', id: 'a', container: 'web' }, lab).reason).toBe('the container web still exists (running)');
    expect(evaluateCheck({ kind: 'container-absent', id: 'a', container: 'old' }, lab).reason).toBe('the container old still exists (stopped)');
    expect(describeCheck({ kind: 'container-absent', id: 'a', container: 'web' })).toBe('there is no container called web');
  });
});

describe('port-published', () => {
  it('passes for a published port, with or without the protocol', () => {
    expect(evaluateCheck({ kind: 'port-published', id: 'p', container: 'web', containerPort: '80' }, lab).pass).toBe(true);
    expect(evaluateCheck({ kind: 'port-published', id: 'p', container: 'web', containerPort: '80/tcp', hostPort: 8080, hostIp: '0.0.0.0' }, lab).pass).toBe(true);
  });
  it('says a port is not published, and which ones are', () => {
    expect(evaluateCheck({ kind: 'port-published', id: 'p', container: 'web', containerPort: '443/tcp' }, lab).reason).toBe('port 443/tcp of web is not published (published: 80/tcp)');
    expect(evaluateCheck({ kind: 'port-published', id: 'p', container: 'local', containerPort: '80' }, lab).reason).toBe('port 80/tcp of local is not published (published: 5432/tcp)');
  });
  it('names the host port and address actually used', () => {
    expect(evaluateCheck({ kind: 'port-published', id: 'p', container: 'web', containerPort: '80/tcp', hostPort: 80 }, lab).reason).toBe('port 80/tcp of web is published on 0.0.0.0:8080 and [::]:8080, not on host port 80');
    expect(evaluateCheck({ kind: 'port-published', id: 'p', container: 'local', containerPort: '5432', hostIp: '0.0.0.0' }, lab).reason).toBe('port 5432/tcp of local is published on 127.0.0.1:5432, not on address 0.0.0.0');
  });
  it('says a stopped container publishes nothing', () => {
    expect(evaluateCheck({ kind: 'port-published', id: 'p', container: 'old', containerPort: '80' }, lab).reason).toBe('old is not running (it was never started, was stopped or has exited), so none of its ports are published');
  });
  it('describes itself', () => {
    expect(describeCheck({ kind: 'port-published', id: 'p', container: 'web', containerPort: '80', hostPort: 8080 })).toBe('port 80/tcp of web is published on host port 8080');
  });
});

describe('file-contains', () => {
  it('passes when the text is there', () => {
    expect(evaluateCheck({ kind: 'file-contains', id: 'f', where: { host: 'node1' }, path: '/etc/docker/daemon.json', text: '"bip"' }, lab).pass).toBe(true);
  });
  it('says the file is missing or lacks the text', () => {
    expect(evaluateCheck({ kind: 'file-contains', id: 'f', where: { host: 'node1' }, path: '/etc/hosts', text: 'x' }, lab).reason).toBe('/etc/hosts does not exist on node1');
    expect(evaluateCheck({ kind: 'file-contains', id: 'f', where: { host: 'node1' }, path: '/etc/docker/daemon.json', text: 'mtu' }, lab).reason).toBe('/etc/docker/daemon.json on node1 does not contain "mtu" yet');
    expect(evaluateCheck({ kind: 'file-contains', id: 'f', where: { container: 'api' }, path: '/etc/hosts', text: 'x' }, lab).reason).toBe('there is no container called api');
  });
  it('describes itself', () => {
    expect(describeCheck({ kind: 'file-contains', id: 'f', where: { container: 'web' }, path: '/etc/resolv.conf', text: '127.0.0.11' })).toBe('/etc/resolv.conf in web contains "127.0.0.11"');
  });
});

describe('env-has', () => {
  it('passes with the variable (and value)', () => {
    expect(evaluateCheck({ kind: 'env-has', id: 'e', container: 'web', name: 'DB_HOST', value: 'db' }, lab).pass).toBe(true);
    expect(evaluateCheck({ kind: 'env-has', id: 'e', container: 'web', name: 'EMPTY' }, lab).pass).toBe(true);
  });
  it('says the variable is missing or has another value', () => {
    expect(evaluateCheck({ kind: 'env-has', id: 'e', container: 'web', name: 'PORT' }, lab).reason).toBe('web has no environment variable PORT');
    expect(evaluateCheck({ kind: 'env-has', id: 'e', container: 'web', name: 'DB_HOST', value: 'postgres' }, lab).reason).toBe('DB_HOST in web is "db", not "postgres"');
    expect(evaluateCheck({ kind: 'env-has', id: 'e', container: 'api', name: 'X' }, lab).reason).toBe('there is no container called api yet');
  });
  it('describes itself', () => {
    expect(describeCheck({ kind: 'env-has', id: 'e', container: 'web', name: 'DB_HOST', value: 'db' })).toBe('web has DB_HOST=db');
    expect(describeCheck({ kind: 'env-has', id: 'e', container: 'web', name: 'DB_HOST' })).toBe('web has the environment variable DB_HOST');
  });
});
