import type { Quiz } from '../../../src/courseware/types';

export const quiz: Quiz = {
  id: 'ports-quiz',
  title: 'Publishing ports',
  questions: [
    {
      kind: 'single',
      id: 'expose',
      prompt: 'An image has `EXPOSE 80`. You run it on the default bridge with no `-p` or `-P`. Can the laptop reach port 80 of the container?',
      choices: [
        {
          text: 'No. EXPOSE is metadata; nothing listens on the host until a port is published.',
          correct: true,
          explanation: '`docker ps` shows `80/tcp` with no host side. The container’s address is private to node1.',
        },
        {
          text: 'Yes, on port 80 of the host.',
          correct: false,
          explanation: 'That needs `-p 80:80`. EXPOSE never creates a mapping by itself.',
        },
        {
          text: 'Yes, on a random host port.',
          correct: false,
          explanation: 'That is what `-P` would do with the exposed port. Without it, nothing is published.',
        },
      ],
    },
    {
      kind: 'single',
      id: 'loopback',
      prompt: 'Who can connect to a port published with `-p 127.0.0.1:8080:80`?',
      choices: [
        {
          text: 'Only programs running on the host itself',
          correct: true,
          explanation: 'The host listens on its loopback address only, and Docker 28 also drops remote packets aimed at such ports.',
        },
        {
          text: 'Every machine on the LAN',
          correct: false,
          explanation: 'LAN machines connect to 192.168.1.11, where nothing listens on 8080 in this case.',
        },
        {
          text: 'Only other containers',
          correct: false,
          explanation: 'A container’s own 127.0.0.1 is its own loopback, not the host’s.',
        },
      ],
    },
    {
      kind: 'multiple',
      id: 'all-addresses',
      prompt: 'For an nginx container, which of these publish port 80 on every host address, so the PORTS column starts with `0.0.0.0:`? (Choose all that apply.)',
      choices: [
        { text: '`-p 8080:80`', correct: true, explanation: 'No host IP means all addresses: `0.0.0.0:8080->80/tcp, [::]:8080->80/tcp`.' },
        { text: '`-p 80`', correct: true, explanation: 'All addresses, with a host port from the ephemeral range.' },
        { text: '`-P`', correct: true, explanation: 'nginx exposes 80/tcp, so `-P` publishes it on a free ephemeral port on all addresses.' },
        {
          text: '`-p 127.0.0.1:8080:80`',
          correct: false,
          explanation: 'This listens on loopback only: `127.0.0.1:8080->80/tcp`.',
        },
        {
          text: '`--expose 80`',
          correct: false,
          explanation: '`--expose` only adds exposed-port metadata; nothing is published.',
        },
      ],
    },
    {
      kind: 'single',
      id: 'dnat',
      prompt: 'A packet from the laptop for 192.168.1.11:8080 reaches nginx at 172.17.0.5:80. Which rule changed its destination?',
      choices: [
        {
          text: 'A DNAT rule in the `DOCKER` chain of the `nat` table',
          correct: true,
          explanation: '`-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.5:80`. Connection tracking undoes it on the replies.',
        },
        {
          text: 'The MASQUERADE rule in POSTROUTING',
          correct: false,
          explanation: 'MASQUERADE rewrites the *source* of traffic leaving the containers’ subnet. It is not involved in incoming connections.',
        },
        {
          text: 'A static route on the LAN router',
          correct: false,
          explanation: 'The router only knows node1’s address. The rewrite happens on node1.',
        },
      ],
    },
    {
      kind: 'short',
      id: 'ephemeral',
      prompt: 'On a host with the default Linux settings and no other ephemeral mappings, which host port does `docker run -d -P nginx` publish port 80 on?',
      accept: ['32768'],
      explanation: 'Docker takes ephemeral ports in order from `/proc/sys/net/ipv4/ip_local_port_range`, which starts at 32768 by default.',
    },
    {
      kind: 'single',
      id: 'allocated',
      prompt: '`docker run -d -p 8080:80 httpd` ends with `Bind for 0.0.0.0:8080 failed: port is already allocated`. What is the state afterwards?',
      choices: [
        {
          text: 'The container exists in the `Created` state; another container already publishes host port 8080.',
          correct: true,
          explanation: 'The create step succeeded (its ID was printed) but the start failed. Remove it or recreate it with a free host port.',
        },
        {
          text: 'Nothing was created, and a host process such as sshd holds the port.',
          correct: false,
          explanation: 'A non-Docker process produces “address already in use” instead. And the container was created before the start failed.',
        },
        {
          text: 'The container is running but unreachable.',
          correct: false,
          explanation: 'Docker refuses to start a container whose port mappings cannot be set up.',
        },
      ],
    },
  ],
};
