import type { Quiz } from '../../../src/courseware/types';

export const quiz: Quiz = {
  id: 'bridge-quiz',
  title: 'Bridge networks',
  questions: [
    {
      kind: 'single',
      id: 'veth-peer',
      prompt: 'Inside a container, `ip link` shows `8: eth0@if9`. What is interface 9?',
      choices: [
        {
          text: 'The host-side end of the container’s veth pair, plugged into the bridge',
          correct: true,
          explanation: '`@if9` names the peer’s index. On the host, `ip link` or `bridge link` shows `9: vethXXXXXXX@if8` with `master docker0`.',
        },
        {
          text: 'The container’s second network interface',
          correct: false,
          explanation: 'A second network would show up inside the container as `eth1`. The number after `@if` is the other end of the cable.',
        },
        {
          text: 'The `docker0` bridge itself',
          correct: false,
          explanation: '`docker0` has its own index on the host (3 in this lab). The veth’s host end is attached to it as a port.',
        },
      ],
    },
    {
      kind: 'multiple',
      id: 'user-defined-only',
      prompt: 'Which of these work on a user-defined bridge but not on the default `bridge` network? (Choose all that apply.)',
      choices: [
        {
          text: 'Resolving other containers by name',
          correct: true,
          explanation: 'The embedded DNS server answers for containers on user-defined networks only.',
        },
        {
          text: 'Giving a container a fixed address with `--ip`',
          correct: true,
          explanation: 'On the default bridge Docker refuses: user-specified IP addresses need a user-defined network.',
        },
        {
          text: 'Reaching the internet',
          correct: false,
          explanation: 'Both kinds of bridge get a MASQUERADE rule, so both can reach the internet.',
        },
        {
          text: 'Reaching another container on the same network by IP address',
          correct: false,
          explanation: 'Containers on the same bridge reach each other by IP on either kind of network.',
        },
        {
          text: 'Network-scoped aliases (`--alias`, `--network-alias`)',
          correct: true,
          explanation: 'Aliases are DNS names, and the default bridge has no embedded DNS, so Docker refuses them there.',
        },
      ],
    },
    {
      kind: 'single',
      id: 'masquerade',
      prompt: 'Why can a container on `172.17.0.0/16` ping `google.com` although nobody on the internet knows that subnet?',
      choices: [
        {
          text: 'A MASQUERADE rule rewrites the source address to the host’s own address as packets leave the host.',
          correct: true,
          explanation: '`-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE`; connection tracking reverses it for the replies.',
        },
        {
          text: 'Docker announces the container subnets to the LAN router.',
          correct: false,
          explanation: 'Docker does not run any routing protocol. The router only ever sees node1’s address.',
        },
        {
          text: 'docker-proxy forwards every outgoing connection.',
          correct: false,
          explanation: 'docker-proxy only handles some traffic to published ports. Outbound traffic is routed and masqueraded by the kernel.',
        },
      ],
    },
    {
      kind: 'single',
      id: 'cross-bridge',
      prompt: 'A container on `demo-net` pings a container on the default bridge by its IP address. What happens?',
      choices: [
        {
          text: 'The ping gets no reply: the bridge driver’s rules drop traffic that enters a bridge from another network.',
          correct: true,
          explanation: 'In Docker 28 the rule `-A DOCKER ! -i docker0 -o docker0 -j DROP` (and one per bridge) does it. Only published ports are let in.',
        },
        {
          text: 'It works, because the host routes between all its bridges.',
          correct: false,
          explanation: 'The host could route it, but the filter rules stop it; that is what network isolation means here.',
        },
        {
          text: 'It works only if both containers were started with `--link`.',
          correct: false,
          explanation: 'Links only work between containers on the default bridge, and they do not open any path between networks.',
        },
      ],
    },
    {
      kind: 'single',
      id: 'mac-28',
      prompt: 'How does Docker 28 choose the MAC address of a container’s endpoint on a bridge network?',
      choices: [
        {
          text: 'It generates a random, locally administered address.',
          correct: true,
          explanation: 'Docker 28 switched to random MACs. Docker 27 and older derived it from the IP (02:42: followed by the four address bytes).',
        },
        {
          text: 'It always uses 02:42 followed by the four bytes of the IP address.',
          correct: false,
          explanation: 'That was the rule up to Docker 27. You will still see it in older tutorials and on overlay networks.',
        },
        {
          text: 'It copies the MAC of the host’s eth0.',
          correct: false,
          explanation: 'Every endpoint on a bridge needs its own MAC, or the bridge could not tell them apart.',
        },
      ],
    },
    {
      kind: 'short',
      id: 'prune',
      prompt: 'Which command removes every user-defined network that no container is using?',
      accept: ['docker network prune', 'docker network prune -f', 'docker network prune --force'],
      explanation: '`docker network prune` asks for confirmation (add `-f` to skip it) and prints the names under `Deleted Networks:`. The predefined networks are never pruned.',
    },
  ],
};
