import type { Exercise } from '../../../src/courseware/types';

const JOIN = 'docker swarm join --token $(docker swarm join-token -q worker) 192.168.1.11:2377';

export const exercises = {
  crossHost: {
    id: 'overlay-cross-host',
    title: 'One network, two hosts',
    task:
      'Make a swarm with node1 as its manager and node2 as a worker. Create an attachable overlay network `app-net`. Run an `nginx` container named `web` on **node2** and a long-lived `alpine` container named `client` on **node1**, both on `app-net`, so that `client` reaches `web` by name on port 80.',
    lab: 'main',
    checks: [
      { kind: 'network-exists', id: 'app-net-overlay', network: 'app-net', driver: 'overlay', host: 'node1' },
      { kind: 'container-running', id: 'web-on-node2', container: 'web', image: 'nginx', host: 'node2' },
      { kind: 'container-running', id: 'client-on-node1', container: 'client', image: 'alpine', host: 'node1' },
      { kind: 'container-on-network', id: 'web-on-app-net', container: 'web', network: 'app-net' },
      { kind: 'container-on-network', id: 'client-on-app-net', container: 'client', network: 'app-net' },
      { kind: 'can-reach', id: 'client-reaches-web', from: { container: 'client' }, to: 'web', port: 80, proto: 'tcp' },
    ],
    hints: [
      'Overlay networks need a swarm. `docker swarm init` on node1 prints the command a worker runs to join.',
      'Run the join command on node2: in node2’s tab, or from node1 as `ssh node2 docker swarm join …`. `docker swarm join-token -q worker` prints just the token.',
      'Create the network on the manager with `-d overlay --attachable`, then start `web` on node2 and `client` on node1 with `--network app-net`.',
    ],
    solution: [
      'docker swarm init',
      `ssh node2 ${JOIN}`,
      'docker network create -d overlay --attachable app-net',
      'ssh node2 docker run -d --name web --network app-net nginx',
      'docker run -dit --name client --network app-net alpine',
    ],
  },
  thirdNode: {
    id: 'overlay-third-node',
    title: 'Stretch it to node3',
    task:
      'This one builds on the previous exercise. Look at `docker network ls` on node3 first. Then bring node3 into the swarm as a worker and run a long-lived `alpine` container named `reporter` on **node3** on `app-net`, so that it reaches `web` (on node2) by name on port 80. Look at `docker network ls` on node3 again.',
    lab: 'main',
    checks: [
      { kind: 'network-exists', id: 'app-net-on-node3', network: 'app-net', driver: 'overlay', host: 'node3', label: 'app-net has been extended to node3' },
      { kind: 'container-running', id: 'reporter-on-node3', container: 'reporter', image: 'alpine', host: 'node3' },
      { kind: 'container-on-network', id: 'reporter-on-app-net', container: 'reporter', network: 'app-net' },
      { kind: 'can-reach', id: 'reporter-reaches-web', from: { container: 'reporter' }, to: 'web', port: 80, proto: 'tcp' },
    ],
    hints: [
      'A host that is not in the swarm has no overlay networks at all: `docker run --network app-net` there says the network is not found.',
      'Join node3 with the same worker command you used for node2.',
      'You never create `app-net` on node3: starting a container on it there is what brings the network to node3.',
    ],
    solution: [`ssh node3 ${JOIN}`, 'ssh node3 docker run -dit --name reporter --network app-net alpine'],
    continues: true,
  },
  internal: {
    id: 'overlay-internal',
    title: 'A back end with no way out',
    task:
      'This one also uses the swarm from the exercises above. Create an attachable, **internal** overlay network `vault-net` with the subnet `10.50.0.0/24`. Run a `redis` container named `vault` on **node3** at exactly `10.50.0.50`, and a long-lived `alpine` container named `teller` on **node2**, both only on `vault-net`. `teller` must reach `vault` on port 6379, but must not reach the internet (try `8.8.8.8`).',
    lab: 'main',
    checks: [
      { kind: 'network-exists', id: 'vault-net-internal', network: 'vault-net', driver: 'overlay', subnet: '10.50.0.0/24', internal: true, host: 'node1' },
      { kind: 'container-running', id: 'vault-on-node3', container: 'vault', image: 'redis', host: 'node3' },
      { kind: 'container-on-network', id: 'vault-address', container: 'vault', network: 'vault-net', ip: '10.50.0.50' },
      { kind: 'container-running', id: 'teller-on-node2', container: 'teller', image: 'alpine', host: 'node2' },
      { kind: 'container-on-network', id: 'teller-on-vault-net', container: 'teller', network: 'vault-net' },
      { kind: 'can-reach', id: 'teller-reaches-vault', from: { container: 'teller' }, to: 'vault', port: 6379, proto: 'tcp' },
      { kind: 'cannot-reach', id: 'teller-stays-inside', from: { container: 'teller' }, to: '8.8.8.8', label: 'teller cannot reach the internet (8.8.8.8)' },
    ],
    hints: [
      'The network is created on the manager, node1, with `-d overlay --attachable` plus the flags you know from bridges: `--internal` and `--subnet`.',
      'On an overlay with your own subnet, `docker run --ip` pins an address, as on a bridge.',
      'An internal network gets no `docker_gwbridge` leg, so the only way out is gone. Start `vault` on node3 and `teller` on node2 with `ssh nodeX docker run …`.',
    ],
    solution: [
      'docker network create -d overlay --attachable --internal --subnet 10.50.0.0/24 vault-net',
      'ssh node3 docker run -d --name vault --network vault-net --ip 10.50.0.50 redis',
      'ssh node2 docker run -dit --name teller --network vault-net alpine',
    ],
    continues: true,
  },
  encrypted: {
    id: 'overlay-encrypted',
    title: 'Keep the payments off the wire',
    task:
      'This one also uses the swarm from the exercises above. Card payments must never cross the LAN in clear text. Create an attachable overlay network `pay-net` whose traffic between hosts is **encrypted**, and run a `redis` container named `ledger` on **node3** and a long-lived `alpine` container named `till` on **node2** on it, so that `till` reaches `ledger` on port 6379.',
    lab: 'main',
    checks: [
      { kind: 'network-exists', id: 'pay-net-encrypted', network: 'pay-net', driver: 'overlay', option: 'encrypted', host: 'node1' },
      { kind: 'container-running', id: 'ledger-on-node3', container: 'ledger', image: 'redis', host: 'node3' },
      { kind: 'container-running', id: 'till-on-node2', container: 'till', image: 'alpine', host: 'node2' },
      { kind: 'container-on-network', id: 'till-on-pay-net', container: 'till', network: 'pay-net' },
      { kind: 'can-reach', id: 'till-reaches-ledger', from: { container: 'till' }, to: 'ledger', port: 6379, proto: 'tcp' },
    ],
    hints: [
      'Encryption is chosen per network, when it is created, with a driver option.',
      '`docker network create -d overlay --attachable --opt encrypted pay-net` on the manager.',
      'The hosts of this lab have no firewall, so ESP gets through. Start `ledger` and `till` with `ssh node3 docker run …` and `ssh node2 docker run …`.',
    ],
    solution: [
      'docker network create -d overlay --attachable --opt encrypted pay-net',
      'ssh node3 docker run -d --name ledger --network pay-net redis',
      'ssh node2 docker run -dit --name till --network pay-net alpine',
    ],
    continues: true,
  },
} satisfies Record<string, Exercise>;
