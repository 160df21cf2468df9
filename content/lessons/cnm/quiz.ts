import type { Quiz } from '../../../src/courseware/types';

export const quiz: Quiz = {
  id: 'cnm-quiz',
  title: 'The Container Network Model',
  questions: [
    {
      kind: 'single',
      id: 'sandbox',
      prompt: 'On Linux, what does Docker create for a CNM sandbox?',
      choices: [
        {
          text: 'A network namespace',
          correct: true,
          explanation: 'The sandbox is the container’s own network stack, and Linux isolates a stack in a network namespace. `SandboxKey` points at it.',
        },
        {
          text: 'A veth pair',
          correct: false,
          explanation: 'A veth pair is how the bridge driver builds an endpoint: the cable between a sandbox and a network.',
        },
        {
          text: 'A Linux bridge',
          correct: false,
          explanation: 'A bridge such as `docker0` is what the bridge driver builds for a network, shared by many sandboxes.',
        },
        {
          text: 'An iptables chain',
          correct: false,
          explanation: 'Drivers do program iptables, but rules are not the sandbox. The sandbox is the whole isolated stack.',
        },
      ],
    },
    {
      kind: 'single',
      id: 'counting',
      prompt: 'A running container is attached to three user-defined bridge networks. How many sandboxes and endpoints does it have?',
      choices: [
        {
          text: 'One sandbox and three endpoints',
          correct: true,
          explanation: 'The container has one network stack; each network it joins adds one endpoint (one more `ethN` inside it).',
        },
        {
          text: 'Three sandboxes and three endpoints',
          correct: false,
          explanation: 'A container has a single sandbox however many networks it joins.',
        },
        {
          text: 'One sandbox and one endpoint shared by the three networks',
          correct: false,
          explanation: 'An endpoint belongs to exactly one network, so three networks need three endpoints.',
        },
      ],
    },
    {
      kind: 'multiple',
      id: 'builtin-drivers',
      prompt: 'Which names appear on the `Network:` line of `docker info` on a fresh Docker 28 host? (Choose all that apply.)',
      choices: [
        { text: '`bridge`', correct: true, explanation: 'The default driver for new networks and for `docker0`.' },
        { text: '`null`', correct: true, explanation: 'The driver behind the `none` network.' },
        {
          text: '`none`',
          correct: false,
          explanation: '`none` is the name of a network. Its driver is called `null`, and the Plugins line lists drivers.',
        },
        { text: '`overlay`', correct: true, explanation: 'Built in, although you can only create overlay networks once the host is in a swarm.' },
        { text: '`ipvlan`', correct: true, explanation: 'Built in alongside `macvlan`.' },
        {
          text: '`weave`',
          correct: false,
          explanation: 'Weave Net was a third-party plugin. Plugins appear only after you install them.',
        },
      ],
    },
    {
      kind: 'single',
      id: 'who-picks-ip',
      prompt: 'Which part of libnetwork chooses a new container’s IP address?',
      choices: [
        {
          text: 'The network’s IPAM driver',
          correct: true,
          explanation: 'IPAM hands out subnets to networks and addresses to endpoints; the built-in one is called `default`.',
        },
        {
          text: 'A DHCP server running on the bridge',
          correct: false,
          explanation: 'Docker does not run DHCP on its networks. Addresses are assigned by IPAM and configured directly in the namespace.',
        },
        {
          text: 'The container’s first process, at start-up',
          correct: false,
          explanation: 'The address is configured before the process starts; the process finds `eth0` already set up.',
        },
      ],
    },
    {
      kind: 'short',
      id: 'default-subnet',
      prompt: 'Which subnet does the default `bridge` network use on a fresh host? (CIDR notation)',
      accept: ['172.17.0.0/16'],
      explanation: '`docker0` takes the first pool, 172.17.0.0/16, with the gateway 172.17.0.1. New networks then get 172.18.0.0/16, 172.19.0.0/16 and so on.',
    },
    {
      kind: 'single',
      id: 'scope',
      prompt: 'What does a network’s scope of `swarm` mean?',
      choices: [
        {
          text: 'A swarm manager defines it, and it spans the nodes that run tasks attached to it.',
          correct: true,
          explanation: 'Overlay networks created on a swarm manager have swarm scope and exist across hosts.',
        },
        {
          text: 'It can only be used by containers of one Compose project.',
          correct: false,
          explanation: 'Compose projects get ordinary local networks; scope is about where the network exists.',
        },
        {
          text: 'Only this host’s engine knows it.',
          correct: false,
          explanation: 'That is `local` scope, which bridge, host and null networks have.',
        },
      ],
    },
  ],
};
