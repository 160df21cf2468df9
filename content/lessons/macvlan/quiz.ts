import type { Quiz } from '../../../src/courseware/types';

export const quiz: Quiz = {
  id: 'macvlan-quiz',
  title: 'Macvlan and ipvlan',
  questions: [
    {
      kind: 'single',
      id: 'host-cannot-reach',
      prompt: 'A container on a macvlan network with `-o parent=eth0` answers the whole LAN, but `curl` from its own host times out. Why?',
      choices: [
        {
          text: 'The Linux macvlan driver never passes frames between the parent interface’s own stack and its macvlan children.',
          correct: true,
          explanation: 'The host’s packets leave through `eth0` onto the wire and never reach the child. A macvlan shim interface on the host, a sibling of the container, gets around it.',
        },
        {
          text: 'Docker adds an iptables rule that isolates macvlan containers from the host.',
          correct: false,
          explanation: 'Docker adds no NAT or filter rules for macvlan networks at all. The limit is in the kernel driver, not in the firewall.',
        },
        {
          text: 'The container’s port 80 is not published.',
          correct: false,
          explanation: 'Macvlan containers have their own address on the LAN; nothing is published. The laptop reaches the same port without it.',
        },
      ],
    },
    {
      kind: 'single',
      id: 'shim-mode',
      prompt: 'You add the shim with `ip link add mac0 link eth0 type macvlan` (no mode), give it an address and a route, and the host still cannot reach its containers. What is missing?',
      choices: [
        {
          text: '`mode bridge`: without it the kernel makes the interface in vepa mode, where siblings do not talk directly.',
          correct: true,
          explanation: 'Docker’s macvlan networks use bridge mode, and so must the shim: only bridge-mode siblings on the same parent exchange frames inside the host.',
        },
        {
          text: 'A second IP address on `eth0`.',
          correct: false,
          explanation: 'Addresses on `eth0` stay on the parent’s side of the wall. The traffic must leave from a macvlan sibling.',
        },
        {
          text: 'Promiscuous mode on `mac0`.',
          correct: false,
          explanation: 'The shim receives frames for its own MAC. The mode of the macvlan interface decides whether siblings reach each other.',
        },
      ],
    },
    {
      kind: 'multiple',
      id: 'ipam-flags',
      prompt: 'On `docker network create -d macvlan --subnet 192.168.1.0/24 …`, what do `--ip-range 192.168.1.192/27` and `--aux-address host=192.168.1.223` do? (Choose all that apply.)',
      choices: [
        {
          text: 'Automatic addresses come only from 192.168.1.192–223.',
          correct: true,
          explanation: 'The range keeps Docker’s IPAM away from addresses that the LAN’s DHCP server or other machines use.',
        },
        {
          text: 'Docker never gives 192.168.1.223 to a container.',
          correct: true,
          explanation: 'An auxiliary address is reserved in IPAM, typically for a host’s shim interface or a device already on the LAN.',
        },
        {
          text: 'Docker asks the LAN’s DHCP server which addresses are free.',
          correct: false,
          explanation: 'Docker’s IPAM knows nothing of DHCP or other machines; keeping the ranges apart is your job.',
        },
        {
          text: '`--ip` may no longer use an address outside the range.',
          correct: false,
          explanation: 'A static address may sit anywhere in the subnet; the range only limits automatic ones.',
        },
      ],
    },
    {
      kind: 'single',
      id: 'dot1q',
      prompt: 'node1 has no `eth0.30` interface. What happens on `docker network create -d macvlan --subnet 192.168.30.0/24 -o parent=eth0.30 vlan30`?',
      choices: [
        {
          text: 'Docker creates the 802.1Q sub-interface `eth0.30` (shown as `eth0.30@eth0`) and removes it again with the network.',
          correct: true,
          explanation: 'Frames from the containers leave `eth0` tagged with VLAN 30. A sub-interface you created yourself would be left in place.',
        },
        {
          text: 'It fails: `-o parent interface was not found on the host: eth0.30`.',
          correct: false,
          explanation: 'That error is for a missing *physical* interface, e.g. `eth9.30` when there is no `eth9`. A missing VLAN sub-interface is created.',
        },
        {
          text: 'Docker uses `eth0` and ignores the `.30`.',
          correct: false,
          explanation: 'The number after the dot is the VLAN ID; Docker checks it is 1–4094 and tags the traffic with it.',
        },
      ],
    },
    {
      kind: 'single',
      id: 'cloud',
      prompt: 'Macvlan containers on a cloud VM get addresses but nobody can reach them. The most likely reason?',
      choices: [
        {
          text: 'The cloud network only delivers frames to the one MAC address it assigned to the VM.',
          correct: true,
          explanation: 'Each macvlan container has its own MAC, which the provider drops. ipvlan, whose containers share the parent’s MAC, is the usual way out.',
        },
        {
          text: 'Macvlan needs a swarm.',
          correct: false,
          explanation: 'Macvlan networks are local to one host and need no swarm.',
        },
        {
          text: 'The containers have no default route.',
          correct: false,
          explanation: 'They use the gateway given with `--gateway`. The frames never get past the provider’s virtual switch.',
        },
      ],
    },
    {
      kind: 'single',
      id: 'ipvlan-l2',
      prompt: 'How does an ipvlan l2 container look to the laptop’s ARP table, compared with a macvlan container?',
      choices: [
        {
          text: 'Its IP address appears with the MAC address of the host’s parent interface.',
          correct: true,
          explanation: 'All ipvlan containers share the parent’s MAC; the host’s kernel tells them apart by IP address.',
        },
        {
          text: 'With a random MAC address of its own, like macvlan.',
          correct: false,
          explanation: 'That is macvlan. Sharing one MAC is the whole difference, and the reason to choose ipvlan.',
        },
        {
          text: 'It does not appear: ipvlan containers never answer ARP.',
          correct: false,
          explanation: 'That is ipvlan l3. In l2 mode containers answer ARP, with the parent’s MAC.',
        },
      ],
    },
    {
      kind: 'single',
      id: 'ipvlan-l3',
      prompt: 'Containers on an ipvlan l3 network `192.168.214.0/24` on node2 can send to the laptop, but get no replies. What fixes it?',
      choices: [
        {
          text: 'A route for 192.168.214.0/24 via node2’s address on the router (or the laptop).',
          correct: true,
          explanation: 'In l3 mode the host routes for its containers, and their subnet does not exist on the LAN; the rest of the network must learn where it is.',
        },
        {
          text: 'A `--gateway` on the network.',
          correct: false,
          explanation: 'l3 networks have no gateway: the containers’ default route is their interface, and the host does the routing.',
        },
        {
          text: 'Promiscuous mode on node2’s `eth0`.',
          correct: false,
          explanation: 'The laptop’s replies never head for node2 at all while it has no route to the subnet.',
        },
      ],
    },
    {
      kind: 'short',
      id: 'parent-option',
      prompt: 'Which `-o` option of `docker network create -d macvlan` names the host interface the network hangs off?',
      accept: ['parent', '-o parent', 'parent=eth0', '-o parent=eth0', '-o parent=<interface>', 'parent=<interface>'],
      explanation: '`-o parent=eth0` (or a sub-interface such as `eth0.30`). Choose the mode with `-o macvlan_mode=` (bridge by default) or, for ipvlan, `-o ipvlan_mode=` (l2 by default).',
    },
  ],
};
