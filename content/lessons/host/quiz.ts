import type { Quiz } from '../../../src/courseware/types';

export const quiz: Quiz = {
  id: 'host-quiz',
  title: 'Host networking',
  questions: [
    {
      kind: 'single',
      id: 'publish-ignored',
      prompt: 'What happens to `-p 8080:80` in `docker run -d --network host -p 8080:80 nginx`?',
      choices: [
        {
          text: 'Docker prints a warning and ignores it; nginx answers on the host’s port 80.',
          correct: true,
          explanation: '`WARNING: Published ports are discarded when using host network mode`. The container’s ports are the host’s ports, so there is nothing to map.',
        },
        {
          text: 'Docker refuses to create the container.',
          correct: false,
          explanation: 'It is only a warning; the container is created and started.',
        },
        {
          text: 'nginx answers on both 8080 and 80.',
          correct: false,
          explanation: 'No mapping is created, so nothing listens on 8080 unless nginx itself is configured to.',
        },
      ],
    },
    {
      kind: 'single',
      id: 'second-copy',
      prompt: 'You start a second nginx with `--network host` while the first one is running. What do you see?',
      choices: [
        {
          text: 'The second container starts, nginx fails to bind port 80, and the container exits; its logs say the address is in use.',
          correct: true,
          explanation: 'Docker does not track which ports host-mode processes open. The kernel refuses the second bind and the process gives up.',
        },
        {
          text: '`docker run` fails with “port is already allocated”.',
          correct: false,
          explanation: 'That error comes from Docker’s port allocator, which is only involved when you publish ports from a bridge network.',
        },
        {
          text: 'Both run, and the kernel balances connections between them.',
          correct: false,
          explanation: 'Without special socket options two processes cannot listen on the same address and port.',
        },
      ],
    },
    {
      kind: 'multiple',
      id: 'good-reasons',
      prompt: 'Which are good reasons to choose host networking? (Choose all that apply.)',
      choices: [
        {
          text: 'A latency-sensitive service where the veth hop and NAT matter',
          correct: true,
          explanation: 'Host mode removes the bridge, the veth pair and the address rewriting from the path.',
        },
        {
          text: 'A VoIP server that needs a range of thousands of UDP ports',
          correct: true,
          explanation: 'Publishing huge ranges is slow and heavy; in host mode the process simply opens them.',
        },
        {
          text: 'Isolating an untrusted service from the host’s other services',
          correct: false,
          explanation: 'The opposite: a host-mode container can reach everything the host can, including services bound to 127.0.0.1.',
        },
        {
          text: 'Running five copies of the same web server on port 80',
          correct: false,
          explanation: 'Only one process can listen on port 80 of the host. Use bridge networks and different host ports.',
        },
        {
          text: 'A monitoring agent that reads the host’s interface counters',
          correct: true,
          explanation: 'Tools that are about the host’s network need to see the host’s interfaces.',
        },
      ],
    },
    {
      kind: 'short',
      id: 'hostname',
      prompt: 'What does `docker run --rm --network host alpine hostname` print on this course’s host?',
      accept: ['node1'],
      explanation: 'Docker gives a host-mode container the host’s own hostname, `node1`, instead of the usual short container ID.',
    },
    {
      kind: 'single',
      id: 'connect',
      prompt: 'What does `docker network connect bridge proxy` do when `proxy` runs with `--network host`?',
      choices: [
        {
          text: 'It fails: a container that shares the host’s namespace cannot be connected to any other network.',
          correct: true,
          explanation: 'There is no sandbox of its own to put a new endpoint in.',
        },
        {
          text: 'It adds an `eth1` on the default bridge inside the container.',
          correct: false,
          explanation: 'That is what happens for a bridge-mode container. In host mode it would mean adding interfaces to the host itself.',
        },
        {
          text: 'It silently switches the container to bridge mode.',
          correct: false,
          explanation: 'A container’s network mode never changes after creation.',
        },
      ],
    },
  ],
};
