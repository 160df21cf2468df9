import type { Exercise } from '../../../src/courseware/types';

const PRINTER_IP = '192.168.1.130';

export const exercises = {
  printer: {
    id: 'macvlan-printer',
    title: 'A print server on the office LAN',
    task:
      'An old print server must sit on the office LAN at `192.168.1.130`, where the laptop can reach it directly on port 80. On **node2**, create a macvlan network `lan` on `eth0` for the LAN (`192.168.1.0/24`, router `192.168.1.1`). Let Docker hand out only `192.168.1.128/27`, and keep `192.168.1.159` out of its hands for later. Run an `nginx` container named `printer` on it at `192.168.1.130`.',
    lab: 'main',
    checks: [
      { kind: 'network-exists', id: 'lan-on-node2', network: 'lan', driver: 'macvlan', subnet: '192.168.1.0/24', host: 'node2' },
      { kind: 'container-running', id: 'printer-on-node2', container: 'printer', image: 'nginx', host: 'node2' },
      { kind: 'container-on-network', id: 'printer-address', container: 'printer', network: 'lan', ip: PRINTER_IP },
      { kind: 'can-reach', id: 'laptop-reaches-printer', from: { laptop: true }, to: PRINTER_IP, port: 80, proto: 'tcp', label: 'the laptop reaches the printer at 192.168.1.130 on port 80' },
    ],
    hints: [
      'Run the commands on node2: in its tab, or prefixed with `ssh node2`.',
      'The network describes the LAN itself: `--subnet` and `--gateway` are the LAN’s, `-o parent=eth0` names the interface. `--ip-range` and `--aux-address NAME=IP` narrow what Docker hands out.',
      '`docker run --network lan --ip 192.168.1.130 …` pins the address. Check from the laptop with `ssh laptop curl -s http://192.168.1.130`.',
    ],
    solution: [
      'ssh node2 docker network create -d macvlan --subnet 192.168.1.0/24 --gateway 192.168.1.1 --ip-range 192.168.1.128/27 --aux-address host=192.168.1.159 -o parent=eth0 lan',
      `ssh node2 docker run -d --name printer --network lan --ip ${PRINTER_IP} nginx`,
    ],
  },
  shim: {
    id: 'macvlan-shim',
    title: 'Let node2 reach its own printer',
    task:
      'This one builds on the previous exercise. Everybody on the LAN reaches `printer` except node2, the host it runs on. Give node2 a way in: a macvlan shim interface on node2 with the reserved address `192.168.1.159`, and a route for the printer’s range through it, so that node2 itself connects to `192.168.1.130` on port 80.',
    lab: 'main',
    checks: [
      { kind: 'can-reach', id: 'node2-reaches-printer', from: { host: 'node2' }, to: PRINTER_IP, port: 80, proto: 'tcp', label: 'node2 itself reaches the printer on port 80' },
      { kind: 'can-reach', id: 'laptop-still-reaches', from: { laptop: true }, to: PRINTER_IP, port: 80, proto: 'tcp', label: 'the laptop still reaches the printer on port 80' },
    ],
    hints: [
      'The kernel never passes frames between a macvlan parent (node2’s `eth0`) and its children. A second child of `eth0`, owned by the host, is a sibling of the container, and siblings in bridge mode do talk.',
      '`ip link add mac0 link eth0 type macvlan mode bridge` makes the interface; it then needs an address (`/32`), to be up, and a route.',
      'Route `192.168.1.128/27` through `mac0`, so that node2 stops sending the printer’s traffic out of `eth0`. Every command runs on node2.',
    ],
    solution: [
      'ssh node2 ip link add mac0 link eth0 type macvlan mode bridge',
      'ssh node2 ip addr add 192.168.1.159/32 dev mac0',
      'ssh node2 ip link set mac0 up',
      'ssh node2 ip route add 192.168.1.128/27 dev mac0',
    ],
    continues: true,
  },
  vlan: {
    id: 'macvlan-vlan30',
    title: 'VLAN 30 across both hosts',
    task:
      'Put two containers of the lab’s VLAN 30 (`192.168.30.0/24`, gateway `192.168.30.1`) on different hosts: create a macvlan network `vlan30` on the 802.1Q sub-interface `eth0.30` on **node1** and on **node2**. Run a long-lived `alpine` container `sensor` on node1 at `192.168.30.10` and an `nginx` container `collector` on node2 at `192.168.30.20`, so that `sensor` reaches `collector` on port 80, and the laptop reaches both through its own VLAN 30 interface.',
    lab: 'main',
    checks: [
      { kind: 'network-exists', id: 'vlan30-node1', network: 'vlan30', driver: 'macvlan', subnet: '192.168.30.0/24', host: 'node1' },
      { kind: 'network-exists', id: 'vlan30-node2', network: 'vlan30', driver: 'macvlan', subnet: '192.168.30.0/24', host: 'node2' },
      { kind: 'container-running', id: 'sensor-on-node1', container: 'sensor', image: 'alpine', host: 'node1' },
      { kind: 'container-on-network', id: 'sensor-address', container: 'sensor', network: 'vlan30', ip: '192.168.30.10' },
      { kind: 'container-running', id: 'collector-on-node2', container: 'collector', image: 'nginx', host: 'node2' },
      { kind: 'container-on-network', id: 'collector-address', container: 'collector', network: 'vlan30', ip: '192.168.30.20' },
      { kind: 'can-reach', id: 'sensor-reaches-collector', from: { container: 'sensor' }, to: '192.168.30.20', port: 80, proto: 'tcp' },
      { kind: 'can-reach', id: 'laptop-reaches-collector', from: { laptop: true }, to: '192.168.30.20', port: 80, proto: 'tcp', label: 'the laptop reaches collector over VLAN 30 on port 80' },
      { kind: 'can-reach', id: 'laptop-reaches-sensor', from: { laptop: true }, to: '192.168.30.10', label: 'the laptop pings sensor over VLAN 30' },
    ],
    hints: [
      'A macvlan network belongs to one host: create `vlan30` twice, once on node1 and once on node2 (`ssh node2 …`), with the same subnet, gateway and parent.',
      '`-o parent=eth0.30` makes Docker create the tagged sub-interface. A network on plain `eth0` would put the containers on the untagged LAN, where VLAN 30 frames never arrive.',
      'The two hosts’ IPAMs do not know about each other, so pin both addresses with `--ip`.',
    ],
    solution: [
      'docker network create -d macvlan --subnet 192.168.30.0/24 --gateway 192.168.30.1 -o parent=eth0.30 vlan30',
      'ssh node2 docker network create -d macvlan --subnet 192.168.30.0/24 --gateway 192.168.30.1 -o parent=eth0.30 vlan30',
      'docker run -dit --name sensor --network vlan30 --ip 192.168.30.10 alpine',
      'ssh node2 docker run -d --name collector --network vlan30 --ip 192.168.30.20 nginx',
    ],
  },
} satisfies Record<string, Exercise>;
