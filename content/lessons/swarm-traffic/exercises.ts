import type { Check, Exercise } from '../../../src/courseware/types';

const JOIN = 'docker swarm join --token $(docker swarm join-token -q worker) 192.168.1.11:2377';
const NODES = { node1: '192.168.1.11', node2: '192.168.1.12', node3: '192.168.1.13' } as const;

/** The admin pages (port 80 on each host's own network) stay closed to the LAN: the policy was not opened. */
const adminStaysClosed: Check[] = Object.entries(NODES).map(([node, ip]) => ({
  kind: 'cannot-reach', id: `admin-closed-${node}`, from: { laptop: true }, to: ip, port: 80, proto: 'tcp', label: `${node}’s admin page (port 80) stays closed to the LAN`,
}));

/** Every node accepts gossip over UDP 7946 from another node (TCP alone would let names through in this lab, not in reality). */
const gossipUdp: Check[] = [
  { kind: 'can-reach', id: 'udp-7946-node1', from: { host: 'node2' }, to: NODES.node1, port: 7946, proto: 'udp', label: 'node1 accepts gossip on UDP 7946' },
  { kind: 'can-reach', id: 'udp-7946-node2', from: { host: 'node3' }, to: NODES.node2, port: 7946, proto: 'udp', label: 'node2 accepts gossip on UDP 7946' },
  { kind: 'can-reach', id: 'udp-7946-node3', from: { host: 'node1' }, to: NODES.node3, port: 7946, proto: 'udp', label: 'node3 accepts gossip on UDP 7946' },
];

export const exercises = {
  join: {
    id: 'swarm-traffic-join',
    title: 'Let the workers in',
    task:
      'Bring **node2** and **node3** into the swarm as workers. Open each host’s firewall only as far as joining needs, and keep every admin page (port 80) closed to the LAN.',
    lab: 'main',
    checks: [
      { kind: 'swarm-node', id: 'node2-joined', node: 'node2', role: 'worker' },
      { kind: 'swarm-node', id: 'node3-joined', node: 'node3', role: 'worker' },
      ...adminStaysClosed,
    ],
    hints: [
      'Joining is management-plane traffic: the new node dials the manager on TCP 2377. Whose firewall must accept it?',
      'On node1 only: `iptables -A INPUT -p tcp --dport 2377 -j ACCEPT`. Workers never receive connections on 2377.',
      'A join that timed out finishes by itself once the port is open (`docker node ls` shows it). Join node3 with the same command as node2: `ssh node3 docker swarm join --token $(docker swarm join-token -q worker) 192.168.1.11:2377`.',
    ],
    solution: [
      'iptables -A INPUT -p tcp --dport 2377 -j ACCEPT',
      `ssh node2 ${JOIN}`,
      `ssh node3 ${JOIN}`,
    ],
  },
  dataplane: {
    id: 'swarm-traffic-dataplane',
    title: 'Traffic across all three hosts',
    task:
      'This one builds on the previous exercise. Create an attachable overlay network `ovnet` and run a long-lived `alpine` container on it on each node: `alpha` on node1, `beta` on node2, `gamma` on node3. Open the firewalls so that each container pings the others by name — every node must accept the swarm’s gossip on TCP **and** UDP — while the admin pages stay closed.',
    lab: 'main',
    checks: [
      { kind: 'container-running', id: 'alpha-on-node1', container: 'alpha', image: 'alpine', host: 'node1' },
      { kind: 'container-running', id: 'beta-on-node2', container: 'beta', image: 'alpine', host: 'node2' },
      { kind: 'container-running', id: 'gamma-on-node3', container: 'gamma', image: 'alpine', host: 'node3' },
      { kind: 'can-reach', id: 'alpha-beta', from: { container: 'alpha' }, to: 'beta' },
      { kind: 'can-reach', id: 'beta-gamma', from: { container: 'beta' }, to: 'gamma' },
      { kind: 'can-reach', id: 'gamma-alpha', from: { container: 'gamma' }, to: 'alpha' },
      ...gossipUdp,
      ...adminStaysClosed,
    ],
    hints: [
      'Create the network on the manager (`docker network create -d overlay --attachable ovnet`) and start the containers with `docker run -dit --network ovnet` on each node (`ssh node2 …`, `ssh node3 …`).',
      '`bad address` means gossip (TCP and UDP 7946) does not get through; names that resolve but pings that get no reply mean VXLAN (UDP 4789) does not.',
      'Every node needs three rules: `-p tcp --dport 7946`, `-p udp --dport 7946` and `-p udp --dport 4789`, each `-j ACCEPT` on INPUT.',
    ],
    solution: [
      'iptables -A INPUT -p tcp --dport 7946 -j ACCEPT',
      'iptables -A INPUT -p udp --dport 7946 -j ACCEPT',
      'iptables -A INPUT -p udp --dport 4789 -j ACCEPT',
      'ssh node2 iptables -A INPUT -p tcp --dport 7946 -j ACCEPT',
      'ssh node2 iptables -A INPUT -p udp --dport 7946 -j ACCEPT',
      'ssh node2 iptables -A INPUT -p udp --dport 4789 -j ACCEPT',
      'ssh node3 iptables -A INPUT -p tcp --dport 7946 -j ACCEPT',
      'ssh node3 iptables -A INPUT -p udp --dport 7946 -j ACCEPT',
      'ssh node3 iptables -A INPUT -p udp --dport 4789 -j ACCEPT',
      'docker network create -d overlay --attachable ovnet',
      'docker run -dit --name alpha --network ovnet alpine',
      'ssh node2 docker run -dit --name beta --network ovnet alpine',
      'ssh node3 docker run -dit --name gamma --network ovnet alpine',
    ],
    continues: true,
  },
  encrypted: {
    id: 'swarm-traffic-encrypted',
    title: 'An encrypted back end',
    task:
      'This one builds on the previous exercises. Create an attachable overlay network `vault` whose traffic is **encrypted**. Run a `redis` container `safe` on node3 and a long-lived `alpine` container `teller` on node2, both on `vault`, and open the firewalls of the hosts involved so that `teller` reaches `safe` on port 6379. The admin pages stay closed.',
    lab: 'main',
    checks: [
      { kind: 'network-exists', id: 'vault-encrypted', network: 'vault', driver: 'overlay', option: 'encrypted', host: 'node1' },
      { kind: 'container-running', id: 'safe-on-node3', container: 'safe', image: 'redis', host: 'node3' },
      { kind: 'container-running', id: 'teller-on-node2', container: 'teller', image: 'alpine', host: 'node2' },
      { kind: 'container-on-network', id: 'teller-on-vault', container: 'teller', network: 'vault' },
      { kind: 'can-reach', id: 'teller-safe', from: { container: 'teller' }, to: 'safe', port: 6379, proto: 'tcp' },
      ...adminStaysClosed,
    ],
    hints: [
      'Encryption is a driver option given when the network is created: `--opt encrypted`.',
      'Encrypted overlays travel as ESP, IP protocol 50, which no port rule matches.',
      'On node2 and node3: `iptables -A INPUT -p esp -j ACCEPT`.',
    ],
    solution: [
      'docker network create -d overlay --attachable --opt encrypted vault',
      'ssh node2 iptables -A INPUT -p esp -j ACCEPT',
      'ssh node3 iptables -A INPUT -p esp -j ACCEPT',
      'ssh node3 docker run -d --name safe --network vault redis',
      'ssh node2 docker run -dit --name teller --network vault alpine',
    ],
    continues: true,
  },
} satisfies Record<string, Exercise>;
