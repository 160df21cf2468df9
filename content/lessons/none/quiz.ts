import type { Quiz } from '../../../src/courseware/types';

export const quiz: Quiz = {
  id: 'none-quiz',
  title: 'The none network',
  questions: [
    {
      kind: 'single',
      id: 'interfaces',
      prompt: 'Which interfaces does `ip addr` list inside a container started with `--network none`?',
      choices: [
        {
          text: 'Only `lo`',
          correct: true,
          explanation: 'The container gets its own namespace, and a new namespace starts with just the loopback interface. The null driver adds nothing.',
        },
        {
          text: '`lo` and an `eth0` without an address',
          correct: false,
          explanation: 'No veth pair is created at all, so there is no `eth0`.',
        },
        {
          text: 'All of the host’s interfaces',
          correct: false,
          explanation: 'That is host mode. `none` keeps a private, empty namespace.',
        },
      ],
    },
    {
      kind: 'single',
      id: 'sendto',
      prompt: 'Why does `ping -c 1 8.8.8.8` in a `none` container fail with `sendto: Network unreachable` instead of timing out?',
      choices: [
        {
          text: 'The routing table is empty, so the kernel has nowhere to send the packet and fails at once.',
          correct: true,
          explanation: 'A timeout would mean the packet left and no answer came back. Here it never leaves the container.',
        },
        {
          text: 'An iptables rule on the host rejects the packet.',
          correct: false,
          explanation: 'The packet never reaches the host; there is no interface it could leave by.',
        },
        {
          text: 'DNS fails first.',
          correct: false,
          explanation: '8.8.8.8 is an address, so no lookup is needed. A name such as google.com would fail with `bad address` instead.',
        },
      ],
    },
    {
      kind: 'multiple',
      id: 'uses',
      prompt: 'Which tasks suit `--network none`? (Choose all that apply.)',
      choices: [
        {
          text: 'A job that converts files from a mounted volume and writes the results back',
          correct: true,
          explanation: 'It needs no network, and without one it cannot leak data or download anything.',
        },
        {
          text: 'Generating a private key',
          correct: true,
          explanation: 'Secrets made in a networkless container cannot be sent anywhere by the process that made them.',
        },
        {
          text: 'A web server that users open through `-p 8080:80`',
          correct: false,
          explanation: 'Published ports need an endpoint to forward to; a `none` container has none.',
        },
        {
          text: 'Proving a test suite works without internet access',
          correct: true,
          explanation: 'If the tests pass under `--network none`, they do not secretly depend on the network.',
        },
        {
          text: 'A client that must find other containers by name',
          correct: false,
          explanation: 'Name resolution needs the embedded DNS server on a user-defined network.',
        },
      ],
    },
    {
      kind: 'single',
      id: 'connect',
      prompt: '`vault` runs with `--network none`. What does `docker network connect backend vault` do?',
      choices: [
        {
          text: 'It fails: a container cannot be on several networks when one of them is `none`.',
          correct: true,
          explanation: 'Docker refuses with “container cannot be connected to multiple networks with one of the networks in private (none) mode”. Recreate the container instead.',
        },
        {
          text: 'It adds `eth0` on `backend` and leaves the container on `none` too.',
          correct: false,
          explanation: 'Mixing `none` with a real network would break the promise of having no network, so Docker does not allow it.',
        },
        {
          text: 'It moves the container from `none` to `backend`.',
          correct: false,
          explanation: '`connect` only ever adds endpoints; it never replaces the network mode.',
        },
      ],
    },
    {
      kind: 'short',
      id: 'driver',
      prompt: 'What is the name of the driver behind the `none` network?',
      accept: ['null'],
      explanation: '`docker network ls` shows the network `none` with the driver `null`, and `docker info` lists `null` among the network plugins.',
    },
  ],
};
