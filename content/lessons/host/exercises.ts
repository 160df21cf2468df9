import type { Exercise } from '../../../src/courseware/types';

export const exercises = {
  goHost: {
    id: 'host-go-host',
    title: 'Take the NAT out of the path',
    task:
      '`cache` (redis) is published with `-p 6379:6379`, so every request from the LAN is rewritten by DNAT on its way in. Replace it with a `redis` container, still named `cache`, that uses the host’s network stack, so the laptop reaches it at `192.168.1.11:6379` with no translation at all.',
    lab: 'main',
    checks: [
      { kind: 'container-running', id: 'cache-running', container: 'cache', image: 'redis' },
      { kind: 'network-mode', id: 'cache-host-mode', container: 'cache', mode: 'host' },
      { kind: 'can-reach', id: 'laptop-reaches-cache', from: { laptop: true }, to: '192.168.1.11', port: 6379, proto: 'tcp' },
    ],
    hints: [
      'A container’s network mode is fixed when it is created. You will need a new container with the same name.',
      '`docker rm -f cache` removes the old one, and its DNAT rule with it.',
      'Start redis with `--network host`. There is nothing to publish: redis’s port 6379 is the host’s port 6379.',
    ],
    solution: ['docker rm -f cache', 'docker run -d --name cache --network host redis'],
  },
  sideBySide: {
    id: 'host-side-by-side',
    title: 'Two web servers, one port 80',
    task:
      '`proxy` (nginx, host mode) owns port 80 on node1 and must keep it. `api` (httpd) crashed because it wanted port 80 too. Get a running `httpd` container named `api` that the laptop reaches at `192.168.1.11:8081`, while the laptop still reaches `proxy` on port 80.',
    lab: 'main',
    checks: [
      { kind: 'network-mode', id: 'proxy-still-host', container: 'proxy', mode: 'host' },
      { kind: 'container-running', id: 'api-running', container: 'api', image: 'httpd' },
      { kind: 'port-published', id: 'api-published', container: 'api', containerPort: '80/tcp', hostPort: 8081 },
      { kind: 'can-reach', id: 'laptop-reaches-api', from: { laptop: true }, to: '192.168.1.11', port: 8081, proto: 'tcp' },
      { kind: 'can-reach', id: 'laptop-reaches-proxy', from: { laptop: true }, to: '192.168.1.11', port: 80, proto: 'tcp' },
    ],
    hints: [
      '`docker logs api` shows why it stopped: port 80 on the host was taken.',
      'httpd always listens on port 80 inside its own stack. Give it its own stack (a bridge network) and map a different host port to it.',
      'Remove the dead container, then run httpd again on the default bridge with `-p 8081:80`.',
    ],
    solution: ['docker rm -f api', 'docker run -d --name api -p 8081:80 httpd'],
  },
} satisfies Record<string, Exercise>;
