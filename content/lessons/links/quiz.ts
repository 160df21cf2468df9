import type { Quiz } from '../../../src/courseware/types';

export const quiz: Quiz = {
  id: 'links-quiz',
  title: 'Legacy links',
  questions: [
    {
      kind: 'short',
      id: 'inspect-links',
      prompt: 'After `docker run -d --name web --link db:db training/webapp python app.py`, what does `docker inspect -f "{{ .HostConfig.Links }}" web` print?',
      accept: ['[/db:/web/db]'],
      explanation: 'Each link is stored as `/source:/recipient/alias` and Go prints the list in square brackets.',
    },
    {
      kind: 'single',
      id: 'alias-var',
      prompt: 'A container is started with `--link redis-main:cache`. Which variable holds the source’s address for port 6379?',
      choices: [
        {
          text: '`CACHE_PORT_6379_TCP_ADDR`',
          correct: true,
          explanation: 'Variable names come from the alias, upper-cased, not from the source container’s name.',
        },
        {
          text: '`REDIS_MAIN_PORT_6379_TCP_ADDR`',
          correct: false,
          explanation: 'That would be the prefix for `--link redis-main` with no alias (the dash becomes an underscore).',
        },
        {
          text: '`CACHE_ADDR`',
          correct: false,
          explanation: 'There is no such variable; addresses are given per exposed port.',
        },
      ],
    },
    {
      kind: 'multiple',
      id: 'why-replaced',
      prompt: 'Which are real weaknesses of legacy links? (Choose all that apply.)',
      choices: [
        {
          text: 'They only work between containers on the default bridge.',
          correct: true,
          explanation: 'Linking to a container on another network fails; on user-defined networks `--link` only adds a DNS alias.',
        },
        {
          text: 'The environment variables are a snapshot and go stale when the source moves.',
          correct: true,
          explanation: 'Only the `/etc/hosts` line is updated; the variables keep their start-time values.',
        },
        {
          text: 'Every environment variable of the source, secrets included, is copied into the recipient.',
          correct: true,
          explanation: 'They appear as `<ALIAS>_ENV_<NAME>` variables.',
        },
        {
          text: 'The source must publish its ports with `-p`.',
          correct: false,
          explanation: 'Links use the exposed ports and the private address; nothing needs to be published.',
        },
        {
          text: 'They are one-way: the source learns nothing about the recipient.',
          correct: true,
          explanation: 'Only the recipient gets variables and a hosts entry.',
        },
      ],
    },
    {
      kind: 'single',
      id: 'docker29',
      prompt: 'What changes for links in Docker Engine 29?',
      choices: [
        {
          text: 'The `<ALIAS>_…` environment variables are no longer set unless the daemon is told to keep them.',
          correct: true,
          explanation: 'The stopgap is `DOCKER_KEEP_DEPRECATED_LEGACY_LINKS_ENV_VARS=1` in the daemon’s environment. Hosts entries stay.',
        },
        {
          text: 'The `--link` flag is rejected as unknown.',
          correct: false,
          explanation: 'The flag is still accepted in 29; what disappears is the environment variables.',
        },
        {
          text: 'Links start working across hosts.',
          correct: false,
          explanation: 'Links never span hosts. Use overlay networks for that.',
        },
      ],
    },
    {
      kind: 'single',
      id: 'hosts-entry',
      prompt: 'Which line does `--link db:database` add to the recipient’s `/etc/hosts`, if `db` is 172.17.0.2 with the short ID 8d1f3a5c7e9b?',
      choices: [
        {
          text: '`172.17.0.2 database 8d1f3a5c7e9b db` (tab after the address)',
          correct: true,
          explanation: 'Alias first, then the source’s hostname, then its name because it differs from the alias.',
        },
        {
          text: '`172.17.0.2 db`',
          correct: false,
          explanation: 'The alias always comes first, and the hostname is included too.',
        },
        {
          text: 'None: links only set environment variables.',
          correct: false,
          explanation: 'Links also write a hosts entry, which is what makes the alias resolve.',
        },
      ],
    },
  ],
};
