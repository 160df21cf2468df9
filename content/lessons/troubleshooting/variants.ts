/**
 * What the single-host break-fix labs vary (names, images, ports, subnets)
 * and the diagnosis question they share: which layer was broken.
 */
import type { QuizChoice } from '../../../src/courseware/types';

export const apps = [
  { app: 'web', db: 'db', image: 'redis', port: 6379, net: 'appnet' },
  { app: 'shop', db: 'orders', image: 'postgres', port: 5432, net: 'shopnet' },
  { app: 'blog', db: 'cache', image: 'redis', port: 6379, net: 'blognet' },
];
export const subnets = ['10.20.0.0/24', '172.28.5.0/24', '192.168.77.0/24'];
export const sites = [
  { name: 'site', image: 'nginx', port: 8080 },
  { name: 'portal', image: 'httpd', port: 8000 },
  { name: 'shop', image: 'nginx', port: 8888 },
];

/** The layers every single-host diagnosis question offers; `right` says which one was broken, `why` explains it. */
export function layers(right: 'attach' | 'ports' | 'firewall' | 'dns' | 'daemon' | 'app' | 'internal', why: string): QuizChoice[] {
  const all: [typeof right, string, string][] = [
    ['attach', 'Network attachment: the containers shared no user-defined network', 'Containers only reach each other (and resolve each other\'s names) on a network they both joined.'],
    ['ports', 'The port mapping: the published host port led to the wrong place', 'A published port is a DNAT rule (and a docker-proxy) to one container address and port.'],
    ['firewall', 'A firewall rule on the host dropped the traffic', 'DOCKER-USER and INPUT rules act before Docker\'s own ones.'],
    ['dns', 'Name resolution: the container got no address, or the wrong one, for a name', 'When a name fails but its address works, look at /etc/hosts and the DNS server the container asks.'],
    ['daemon', 'The Docker daemon itself: it was not running', 'When dockerd is down, no container runs and no docker command answers.'],
    ['app', 'The application: it listened only on 127.0.0.1 inside its own namespace', 'A socket bound to loopback only accepts connections from inside its network namespace.'],
    ['internal', 'The network: it had no way out of the host', 'An --internal network has no gateway to the outside: no MASQUERADE, DROP rules for forwarded traffic.'],
  ];
  return all.map(([key, text, note]) => ({ text, correct: key === right, explanation: key === right ? `Right. ${why}` : `Not here. ${note}` }));
}
