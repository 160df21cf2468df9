import type { Quiz } from '../../../src/courseware/types';

export const quiz: Quiz = {
  id: 'overlay-quiz',
  title: 'Overlay networks',
  questions: [
    {
      kind: 'multiple',
      id: 'swarm-ports',
      prompt: 'A firewall sits between the hosts of a swarm whose overlay networks are not encrypted. Which must it let through? (Choose all that apply.)',
      choices: [
        {
          text: 'TCP 2377 to the managers',
          correct: true,
          explanation: 'The management plane: nodes join and managers keep the cluster state on 2377. Blocked, `docker swarm join` times out.',
        },
        {
          text: 'TCP and UDP 7946 between all nodes',
          correct: true,
          explanation: 'Gossip: node liveness and which container addresses sit behind which host. Without it, names and peers across hosts are never learnt.',
        },
        {
          text: 'UDP 4789 between all nodes',
          correct: true,
          explanation: 'The data plane: every container packet that crosses hosts travels as a VXLAN datagram to port 4789.',
        },
        {
          text: 'TCP 2375 to every node',
          correct: false,
          explanation: '2375 is the unencrypted Docker API socket, if someone exposes it. A swarm never needs it, and it should stay closed.',
        },
        {
          text: 'IP protocol 50 (ESP)',
          correct: false,
          explanation: 'ESP is needed only for networks created with `--opt encrypted`. For unencrypted overlays it carries nothing.',
        },
      ],
    },
    {
      kind: 'single',
      id: 'first-vni',
      prompt: 'On a fresh swarm you create your first overlay network. Which VXLAN network identifier (VNI) does it get?',
      choices: [
        {
          text: '4097',
          correct: true,
          explanation: 'Docker allocates VNIs from 4096 upwards, and `swarm init` already gave 4096 to `ingress`. It shows in `com.docker.network.driver.overlay.vxlanid_list`.',
        },
        {
          text: '4096',
          correct: false,
          explanation: '4096 is the first VNI, but the `ingress` network created by `swarm init` took it.',
        },
        {
          text: '256',
          correct: false,
          explanation: 'That was the first VNI before Docker 1.13. It was moved to 4096, out of the range of ordinary VLAN IDs.',
        },
        {
          text: '1',
          correct: false,
          explanation: 'VNIs below 4096 are never handed out by Docker’s overlay allocator.',
        },
      ],
    },
    {
      kind: 'single',
      id: 'lazy',
      prompt: 'You created the attachable overlay `ovnet` on the manager, but `docker network ls` on a worker does not list it. Why?',
      choices: [
        {
          text: 'The swarm extends a network to a node only when a task or container there uses it.',
          correct: true,
          explanation: 'Start a container with `--network ovnet` on the worker and the network appears there; remove the last one and it goes away again.',
        },
        {
          text: 'The worker did not join the swarm properly.',
          correct: false,
          explanation: 'A worker that never joined would have no `ingress` either. Here it simply has nothing on `ovnet` yet.',
        },
        {
          text: 'Overlay networks are listed on managers only.',
          correct: false,
          explanation: 'Workers list the overlays they take part in, with the same swarm-wide ID as the manager.',
        },
        {
          text: 'The network must be created again on each worker.',
          correct: false,
          explanation: 'Workers cannot create overlay networks at all: Docker refuses with `Cannot create a multi-host network from a worker node`.',
        },
      ],
    },
    {
      kind: 'single',
      id: 'mtu',
      prompt: 'Why does a container’s `eth0` on an overlay network have an MTU of 1450 when the hosts’ `eth0` have 1500?',
      choices: [
        {
          text: 'Each frame is wrapped in outer IP, UDP and VXLAN headers, which with the inner Ethernet header take 50 bytes of the 1500.',
          correct: true,
          explanation: 'The wrapped packet must still fit the underlay’s 1500-byte MTU, so the inner one gets 1500 − 50 = 1450.',
        },
        {
          text: 'IPsec encryption needs room for its trailer.',
          correct: false,
          explanation: 'Unencrypted overlays have 1450 too. Encryption adds ESP overhead on top of VXLAN’s 50 bytes.',
        },
        {
          text: 'Docker lowers the MTU on all user-defined networks.',
          correct: false,
          explanation: 'User-defined bridges keep 1500. The 50 bytes are specific to the VXLAN encapsulation.',
        },
      ],
    },
    {
      kind: 'single',
      id: 'way-out',
      prompt: 'A container on an (not internal) overlay network pings `google.com`. Which way do the packets leave its host?',
      choices: [
        {
          text: 'Through its second interface on `docker_gwbridge`, routed and masqueraded by its own host.',
          correct: true,
          explanation: 'Its default route points to `172.18.0.1` on `eth1`. The overlay (`eth0`) carries only traffic to other containers on that network.',
        },
        {
          text: 'Through the VXLAN tunnel to a manager, which sends it to the internet.',
          correct: false,
          explanation: 'Managers are not gateways. Outbound traffic never enters the tunnel.',
        },
        {
          text: 'Through the `ingress` network.',
          correct: false,
          explanation: '`ingress` carries the routing mesh of published service ports, not containers’ outbound traffic.',
        },
      ],
    },
    {
      kind: 'single',
      id: 'not-attachable',
      prompt: '`docker run --network backend alpine` fails with `network backend not manually attachable`. What fixes it?',
      choices: [
        {
          text: 'Create the overlay network with `--attachable` (remove and re-create `backend`).',
          correct: true,
          explanation: 'Without the flag only swarm services may use the network. Attachable overlays also accept standalone containers.',
        },
        {
          text: 'Run the container on a manager node.',
          correct: false,
          explanation: 'Managers refuse just the same: the restriction belongs to the network, not to the node.',
        },
        {
          text: 'Add `--opt encrypted` to the network.',
          correct: false,
          explanation: 'Encryption changes how packets travel between hosts, not who may join the network.',
        },
      ],
    },
    {
      kind: 'multiple',
      id: 'encrypted',
      prompt: 'What is true of an overlay network created with `--opt encrypted`? (Choose all that apply.)',
      choices: [
        {
          text: 'Its traffic between hosts travels as IPsec ESP, IP protocol 50.',
          correct: true,
          explanation: 'The VXLAN datagrams are wrapped in ESP, so a host firewall must let protocol 50 through.',
        },
        {
          text: 'The managers create and rotate its keys.',
          correct: true,
          explanation: 'Keys are handed out over the TLS-protected management plane and rotated every 12 hours.',
        },
        {
          text: 'Without it, the swarm’s management plane is unencrypted.',
          correct: false,
          explanation: 'The management plane on 2377 always uses mutual TLS. The option is about the containers’ data plane.',
        },
        {
          text: 'It costs nothing: the kernel encrypts for free.',
          correct: false,
          explanation: 'Every packet is encrypted and decrypted, which costs CPU time and some throughput. That is why the option is per network.',
        },
      ],
    },
    {
      kind: 'single',
      id: 'kv-store',
      prompt: 'An old tutorial starts every daemon with `--cluster-store=consul://…` before creating an overlay network. What is that?',
      choices: [
        {
          text: 'The pre-swarm way (Docker 1.9 to 1.11 era): an external key-value store held the networks’ state. The flags were removed in Docker 23.',
          correct: true,
          explanation: 'Since Docker 1.12 the swarm keeps that state in its own Raft store and spreads it by gossip.',
        },
        {
          text: 'The current way to make overlays work without a swarm.',
          correct: false,
          explanation: 'A current Docker refuses unknown flags like `--cluster-store`; overlays need swarm mode.',
        },
        {
          text: 'An option that encrypts the overlay’s keys.',
          correct: false,
          explanation: 'It pointed the daemon at Consul, etcd or ZooKeeper, where all hosts kept their network state.',
        },
      ],
    },
    {
      kind: 'short',
      id: 'token',
      prompt: 'On a manager, which command prints only the token a worker needs to join?',
      accept: ['docker swarm join-token -q worker', 'docker swarm join-token --quiet worker', 'docker swarm join-token worker -q', 'docker swarm join-token worker --quiet'],
      explanation: '`docker swarm join-token -q worker` prints the token alone; without `-q` it prints the whole `docker swarm join` command to copy.',
    },
  ],
};
