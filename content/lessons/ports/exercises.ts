import type { Exercise } from '../../../src/courseware/types';

export const exercises = {
  publishWeb: {
    id: 'ports-publish-web',
    title: 'Open web to the LAN',
    task:
      '`web` (nginx) only exposes port 80, so the laptop cannot reach it. Make a running `nginx` container named `web` answer the laptop at `http://192.168.1.11:8080`.',
    lab: 'main',
    checks: [
      { kind: 'container-running', id: 'web-running', container: 'web', image: 'nginx' },
      { kind: 'port-published', id: 'web-published', container: 'web', containerPort: '80/tcp', hostPort: 8080 },
      { kind: 'can-reach', id: 'laptop-reaches-web', from: { laptop: true }, to: '192.168.1.11', port: 8080, proto: 'tcp' },
    ],
    hints: [
      '`docker port web` prints nothing: the port is exposed, not published.',
      'Ports are published when a container is created. Remove `web` and create it again.',
      'The mapping is written host port first, then container port.',
    ],
    solution: ['docker rm -f web', 'docker run -d --name web -p 8080:80 nginx'],
  },
  localOnly: {
    id: 'ports-local-only',
    title: 'Keep the admin panel off the LAN',
    task:
      '`admin` (httpd) is published on port 9000 of every address, so anyone on the LAN can open it. Replace it with an `httpd` container named `admin` that still answers on port 9000 from node1 itself, but that the laptop cannot reach.',
    lab: 'main',
    checks: [
      { kind: 'container-running', id: 'admin-running', container: 'admin', image: 'httpd' },
      {
        kind: 'port-published',
        id: 'admin-loopback',
        container: 'admin',
        containerPort: '80/tcp',
        hostPort: 9000,
        hostIp: '127.0.0.1',
      },
      { kind: 'can-reach', id: 'host-reaches-admin', from: { host: 'node1' }, to: '127.0.0.1', port: 9000, proto: 'tcp' },
      { kind: 'cannot-reach', id: 'laptop-blocked', from: { laptop: true }, to: '192.168.1.11', port: 9000, proto: 'tcp' },
    ],
    hints: [
      '`docker port admin` shows the mapping listening on `0.0.0.0` and `[::]`, which includes the LAN address.',
      'The full form of `-p` starts with the host address to listen on.',
      'Listen on the loopback address only: `-p 127.0.0.1:9000:80`.',
    ],
    solution: ['docker rm -f admin', 'docker run -d --name admin -p 127.0.0.1:9000:80 httpd'],
  },
  blueGreen: {
    id: 'ports-blue-green',
    title: 'Blue next to green',
    task:
      '`blue` (httpd) was created with the same published port as `green` and will not start. Keep `green` on 8081, and get a running `httpd` container named `blue` that the laptop reaches on port 8082.',
    lab: 'main',
    checks: [
      { kind: 'container-running', id: 'green-running', container: 'green', image: 'nginx' },
      { kind: 'port-published', id: 'green-kept', container: 'green', containerPort: '80/tcp', hostPort: 8081 },
      { kind: 'container-running', id: 'blue-running', container: 'blue', image: 'httpd' },
      { kind: 'port-published', id: 'blue-published', container: 'blue', containerPort: '80/tcp', hostPort: 8082 },
      { kind: 'can-reach', id: 'laptop-reaches-green', from: { laptop: true }, to: '192.168.1.11', port: 8081, proto: 'tcp' },
      { kind: 'can-reach', id: 'laptop-reaches-blue', from: { laptop: true }, to: '192.168.1.11', port: 8082, proto: 'tcp' },
    ],
    hints: [
      'Run `docker start blue` and read the error: which host port is already allocated, and to whom?',
      'A container’s port mappings cannot be edited. Remove `blue` (it never started, so a plain `docker rm` works).',
      'Create `blue` again with a free host port; inside the container httpd still listens on 80.',
    ],
    solution: ['docker rm blue', 'docker run -d --name blue -p 8082:80 httpd'],
  },
} satisfies Record<string, Exercise>;
