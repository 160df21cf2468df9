import type { Exercise } from '../../../src/courseware/types';

export const exercises = {
  byName: {
    id: 'bridge-by-name',
    title: 'Make web and db talk by name',
    task:
      '`web` (nginx) and `db` (redis) run on the default bridge, so `web` cannot find `db` by name. Without recreating either container, put both on a new user-defined bridge network named `app-net`, so that `web` reaches `db` by name on port 6379.',
    lab: 'main',
    checks: [
      { kind: 'network-exists', id: 'app-net-exists', network: 'app-net', driver: 'bridge' },
      { kind: 'container-on-network', id: 'web-on-app-net', container: 'web', network: 'app-net' },
      { kind: 'container-on-network', id: 'db-on-app-net', container: 'db', network: 'app-net' },
      { kind: 'name-resolves', id: 'web-resolves-db', from: { container: 'web' }, name: 'db' },
      { kind: 'can-reach', id: 'web-reaches-db', from: { container: 'web' }, to: 'db', port: 6379, proto: 'tcp' },
    ],
    hints: [
      'Name resolution between containers comes from the embedded DNS server, which only serves user-defined networks. Start by creating `app-net`.',
      'Running containers can join a network without a restart. Look at `docker network --help`.',
      'Connect both containers: the command takes the network first, then the container.',
    ],
    solution: ['docker network create app-net', 'docker network connect app-net web', 'docker network connect app-net db'],
  },
  isolate: {
    id: 'bridge-isolate',
    title: 'Shut out the intruder',
    task:
      'This one builds on the previous exercise. `intruder` shares the default bridge with `web` and `db`, so it can reach both. Take `web` and `db` off the default bridge so `intruder` reaches neither, while `web` still reaches `db` by name on port 6379 over `app-net`.',
    lab: 'main',
    checks: [
      { kind: 'container-on-network', id: 'web-on-app-net', container: 'web', network: 'app-net' },
      { kind: 'container-on-network', id: 'db-on-app-net', container: 'db', network: 'app-net' },
      { kind: 'container-not-on-network', id: 'web-off-bridge', container: 'web', network: 'bridge' },
      { kind: 'container-not-on-network', id: 'db-off-bridge', container: 'db', network: 'bridge' },
      { kind: 'can-reach', id: 'web-reaches-db', from: { container: 'web' }, to: 'db', port: 6379, proto: 'tcp' },
      { kind: 'cannot-reach', id: 'intruder-misses-web', from: { container: 'intruder' }, to: '172.17.0.2', port: 80, proto: 'tcp' },
      { kind: 'cannot-reach', id: 'intruder-misses-db', from: { container: 'intruder' }, to: '172.17.0.3', port: 6379, proto: 'tcp' },
    ],
    hints: [
      'If you have not done the previous exercise, first get `web` and `db` onto a user-defined network named `app-net`.',
      'Traffic between two different bridge networks is dropped, so a container that is only on `app-net` is out of `intruder`’s reach.',
      'The opposite of `docker network connect` removes an endpoint from a running container. Use it on the `bridge` network.',
    ],
    solution: ['docker network disconnect bridge web', 'docker network disconnect bridge db'],
    continues: true,
  },
  staticIp: {
    id: 'bridge-static-ip',
    title: 'A fixed address for an old app',
    task:
      'An old print-queue app is hard-wired to live at `10.20.0.50`. Create a bridge network `legacy-net` with the subnet `10.20.0.0/24`, and run a long-lived `alpine` container named `printq` on it at exactly that address.',
    lab: 'main',
    checks: [
      { kind: 'network-exists', id: 'legacy-net-subnet', network: 'legacy-net', driver: 'bridge', subnet: '10.20.0.0/24' },
      { kind: 'container-running', id: 'printq-running', container: 'printq', image: 'alpine' },
      { kind: 'container-on-network', id: 'printq-address', container: 'printq', network: 'legacy-net', ip: '10.20.0.50' },
    ],
    hints: [
      'A fixed address needs a user-defined network with a subnet you chose yourself.',
      '`docker network create --subnet …` sets the subnet; `docker run --ip …` pins the address.',
      'Keep alpine alive with `-dit` or a command such as `sleep 1d`.',
    ],
    solution: [
      'docker network create --subnet 10.20.0.0/24 legacy-net',
      'docker run -dit --name printq --network legacy-net --ip 10.20.0.50 alpine',
    ],
  },
} satisfies Record<string, Exercise>;
