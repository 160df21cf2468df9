/** What the engine and the docker commands rely on, beyond Docker's own vectors. */
import { describe, expect, it } from 'vitest';
import {
  displayablePorts,
  dockerPortOutput,
  parsePublish,
  parseRunPorts,
  parseServicePublish,
  portSummaries,
} from './index';

describe('docker run -p / --expose', () => {
  it('turns short and long syntax into exposed ports and bindings', () => {
    const r = parseRunPorts(['8080:80', '127.0.0.1::53/udp', 'target=443,published=8443,mode=host,host_ip=1.2.3.4'], ['9000-9001']);
    expect(r).toEqual({
      ok: true,
      value: {
        exposed: ['80/tcp', '53/udp', '443/tcp', '9000/tcp', '9001/tcp'],
        bindings: {
          '80/tcp': [{ hostIp: '', hostPort: '8080' }],
          '53/udp': [{ hostIp: '127.0.0.1', hostPort: '' }],
          // host_ip= and mode= are ignored by docker run's long syntax.
          '443/tcp': [{ hostIp: '', hostPort: '8443' }],
        },
      },
    });
  });

  it('keeps a host port range as one binding and canonicalises host IPs', () => {
    expect(parsePublish(['8000-8010:80', '[0:0::0]:81:81'])).toEqual({
      ok: true,
      value: {
        exposed: ['80/tcp', '81/tcp'],
        bindings: { '80/tcp': [{ hostIp: '', hostPort: '8000-8010' }], '81/tcp': [{ hostIp: '::', hostPort: '81' }] },
      },
    });
  });

  it.each([
    ['80:abc', 'invalid containerPort: abc'],
    ['x:80', 'invalid hostPort: x'],
    ['80/xyz', 'invalid proto: xyz'],
    ['localhost:80:80', 'invalid IP address: localhost'],
    ['90-99:80-81', 'invalid ranges specified for container and host Ports: 80-81 and 90-99'],
    ['target:444', 'invalid hostPort: target'],
    ['published=8080,target:444', "invalid publish opts format (should be name=value but got 'target:444')"],
  ])('-p %s fails with "%s"', (spec, message) => {
    expect(parseRunPorts([spec], [])).toEqual({ ok: false, error: message });
  });

  it('reports a bad --expose with the CLI prefix', () => {
    expect(parseRunPorts([], ['80000'])).toEqual({
      ok: false,
      error: "invalid range format for --expose: invalid start port '80000': value out of range",
    });
  });
});

describe('docker ps PORTS from a container port map', () => {
  const dualStack = (hostPort: string) => [
    { hostIp: '0.0.0.0', hostPort },
    { hostIp: '::', hostPort },
  ];

  it('shows -p 8080:80 on a dual-stack host the CLI 28 way', () => {
    expect(displayablePorts(portSummaries({ '80/tcp': dualStack('8080') }))).toBe('0.0.0.0:8080->80/tcp, [::]:8080->80/tcp');
  });

  it('shows -p 80:80 and an exposed-only port', () => {
    const ports = portSummaries({ '80/tcp': dualStack('80'), '443/tcp': null });
    expect(displayablePorts(ports)).toBe('0.0.0.0:80->80/tcp, [::]:80->80/tcp, 443/tcp');
  });

  it('is empty for a container without ports', () => {
    expect(displayablePorts(portSummaries({}))).toBe('');
  });
});

describe('docker port', () => {
  const ports = { '80/tcp': [{ hostIp: '0.0.0.0', hostPort: '32768' }], '53/udp': [] };

  it('matches the protocol case-insensitively and defaults to tcp', () => {
    expect(dockerPortOutput('web', ports, '80/TCP')).toEqual({ ok: true, value: '0.0.0.0:32768\n' });
  });

  it('explains a port that is not published', () => {
    expect(dockerPortOutput('web', ports, '80/udp')).toEqual({ ok: false, error: "no public port '80/udp' published for web" });
    expect(dockerPortOutput('web', ports, '53/udp')).toEqual({ ok: false, error: "no public port '53/udp' published for web" });
  });

  it('rejects a port that is not a number', () => {
    expect(dockerPortOutput('web', ports, 'http')).toEqual({ ok: false, error: "invalid port 'http': invalid syntax" });
  });

  it('prints nothing when nothing is published', () => {
    expect(dockerPortOutput('web', { '53/udp': [] })).toEqual({ ok: true, value: '' });
  });
});

describe('docker service --publish', () => {
  it('reads the long syntax case-insensitively', () => {
    expect(parseServicePublish('Published=8080,Target=80,Protocol=UDP,Mode=HOST')).toEqual({
      ok: true,
      value: { ports: [{ protocol: 'udp', targetPort: 80, publishedPort: 8080, publishMode: 'host' }], warnings: [] },
    });
  });

  it('refuses a host IP in the short syntax', () => {
    expect(parseServicePublish('127.0.0.1:8080:80')).toEqual({ ok: false, error: 'hostip is not supported' });
  });

  it('fans a published range out to one config per port', () => {
    const r = parseServicePublish('8080-8081:80');
    expect(r.ok && r.value.ports.map((p) => `${p.publishedPort}->${p.targetPort}`)).toEqual(['8080->80', '8081->80']);
  });
});
