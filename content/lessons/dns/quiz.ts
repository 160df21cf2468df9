import type { Quiz } from '../../../src/courseware/types';

export const quiz: Quiz = {
  id: 'dns-quiz',
  title: 'DNS in containers',
  questions: [
    {
      kind: 'single',
      id: 'nameserver',
      prompt: 'Which nameserver does `/etc/resolv.conf` list in a container on a user-defined bridge network?',
      choices: [
        {
          text: '`127.0.0.11`, Docker’s embedded DNS server',
          correct: true,
          explanation: 'It answers for container names and aliases and forwards everything else to the ExtServers.',
        },
        {
          text: 'The host’s nameservers, copied from its own file',
          correct: false,
          explanation: 'That is what containers on the default bridge get. On user-defined networks the host’s servers become the ExtServers.',
        },
        {
          text: '`172.18.0.1`, the network’s gateway',
          correct: false,
          explanation: 'The gateway routes packets; Docker does not run a DNS server on it.',
        },
      ],
    },
    {
      kind: 'single',
      id: 'loopback-host',
      prompt: 'The host’s `/etc/resolv.conf` contains only `nameserver 127.0.0.53`. What does a container on the default bridge get?',
      choices: [
        {
          text: '`nameserver 8.8.8.8` and `nameserver 8.8.4.4`',
          correct: true,
          explanation: 'A loopback server would point at the container’s own loopback, so Docker drops it; with nothing left it falls back to Google’s public servers.',
        },
        {
          text: '`nameserver 127.0.0.53`',
          correct: false,
          explanation: 'Inside the container 127.0.0.53 is the container’s own loopback, where nothing listens, so Docker removes it.',
        },
        {
          text: '`nameserver 127.0.0.11`',
          correct: false,
          explanation: 'The embedded server is only used on user-defined networks.',
        },
      ],
    },
    {
      kind: 'multiple',
      id: 'what-resolves',
      prompt: '`client` is only on the `shop` network. Which names can it resolve through 127.0.0.11? (Choose all that apply.)',
      choices: [
        { text: 'The name of another container on `shop`', correct: true, explanation: 'Container names are registered on every user-defined network the container joins.' },
        { text: 'A network alias given on `shop`', correct: true, explanation: 'Aliases are DNS names scoped to that network.' },
        {
          text: 'The name of a container that is only on the default bridge',
          correct: false,
          explanation: 'Names are only visible to containers that share a network with the target, and the default bridge has no DNS records at all.',
        },
        {
          text: 'The `--hostname` of a container on `shop`',
          correct: false,
          explanation: 'A hostname is private to its container; others use the container’s name or aliases.',
        },
        { text: '`google.com`', correct: true, explanation: 'Names the embedded server does not know are forwarded to the external servers.' },
      ],
    },
    {
      kind: 'short',
      id: 'ndots',
      prompt: 'Which resolver option does Docker add to `/etc/resolv.conf` on user-defined networks? (Write it as it appears after `options`.)',
      accept: ['ndots:0'],
      explanation: '`ndots:0` makes the resolver try every name as written before any search domain, so container names reach the embedded server first.',
    },
    {
      kind: 'single',
      id: 'alias-rr',
      prompt: 'Two containers on `shop` were started with `--network-alias cache`. What does `nslookup cache` return from another container on `shop`?',
      choices: [
        {
          text: 'Both addresses, in an order that changes between answers',
          correct: true,
          explanation: 'The embedded server returns every container with the alias and shuffles them: DNS round-robin.',
        },
        {
          text: 'Only the address of the container that started first',
          correct: false,
          explanation: 'All containers with the alias are returned, not just one.',
        },
        {
          text: 'An error, because an alias must be unique on a network',
          correct: false,
          explanation: 'Sharing an alias is allowed and is exactly how you spread a name over several containers.',
        },
      ],
    },
    {
      kind: 'single',
      id: 'daemon-json',
      prompt: 'You add `"dns": ["1.1.1.1"]` to `/etc/docker/daemon.json`. When do containers start using it?',
      choices: [
        {
          text: 'After the daemon is restarted, for containers that are created or started from then on',
          correct: true,
          explanation: 'The daemon reads the file at start-up. Restarting it stops containers without a restart policy; they pick the setting up when started again.',
        },
        {
          text: 'Immediately, in every running container',
          correct: false,
          explanation: 'Nothing watches the file; the running daemon keeps its old settings.',
        },
        {
          text: 'Only for containers started with `--dns`',
          correct: false,
          explanation: 'The daemon setting is the default for containers that do not pass `--dns`; a container’s own flag wins.',
        },
      ],
    },
  ],
};
