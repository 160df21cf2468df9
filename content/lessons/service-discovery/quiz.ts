import type { Quiz } from '../../../src/courseware/types';

export const quiz: Quiz = {
  id: 'service-discovery-quiz',
  title: 'Service discovery and load balancing',
  questions: [
    {
      kind: 'single',
      id: 'vip-answer',
      prompt: 'A service `web` runs 3 tasks on `appnet` in the default endpoint mode. What does `dig +short web` print in a container on `appnet`?',
      choices: [
        { text: 'One address: the service’s virtual IP', correct: true, explanation: 'In `vip` mode the name answers the VIP the swarm allocated on that network; IPVS spreads the connections behind it.' },
        { text: 'Three addresses, one per task', correct: false, explanation: 'That is what `tasks.web` answers, and what `web` answers in `dnsrr` mode.' },
        { text: 'The address of the manager node', correct: false, explanation: 'Service names resolve to addresses on the overlay network, never to a node’s LAN address.' },
        { text: 'Nothing: services have no DNS names, only tasks do', correct: false, explanation: 'Every service registers its name (and `tasks.<name>`) on each network it is attached to.' },
      ],
    },
    {
      kind: 'single',
      id: 'tasks-prefix',
      prompt: 'Which name gives you the address of every running task of the service `web`, whatever its endpoint mode?',
      choices: [
        { text: '`tasks.web`', correct: true, explanation: 'The embedded DNS answers `tasks.<service>` with each running task’s address, in both modes.' },
        { text: '`web.tasks`', correct: false, explanation: 'The prefix comes first: `tasks.web`.' },
        { text: '`web.1`', correct: false, explanation: '`web.1` is the name of one task slot in `docker service ps`, not a DNS name that lists tasks.' },
        { text: '`_web._tcp`', correct: false, explanation: 'Swarm’s DNS serves A records; it has no SRV records for services.' },
      ],
    },
    {
      kind: 'multiple',
      id: 'why-vip',
      prompt: 'Why is the VIP the default endpoint mode? (Choose all that apply.)',
      choices: [
        { text: 'The address never changes while tasks are replaced, so clients that cache DNS answers keep working', correct: true, explanation: 'Tasks get new addresses when they move; the VIP stays for the life of the service.' },
        { text: 'IPVS balances every new connection over the running tasks, whatever the client does', correct: true, explanation: 'Round robin per connection, in the kernel, with the list kept current by the swarm.' },
        { text: 'The routing mesh, which publishes ports on every node, is built on it', correct: true, explanation: 'That is why a `dnsrr` service can publish only in `mode=host`.' },
        { text: 'The VIP balances individual HTTP requests inside one kept-alive connection', correct: false, explanation: 'IPVS works at layer 4: one connection goes to one task. Balancing requests needs a layer-7 proxy.' },
      ],
    },
    {
      kind: 'single',
      id: 'remote-addr',
      prompt: '`client` (10.0.1.3) runs `curl web`, and `whoami` reports `RemoteAddr: 10.0.1.2:60474`. What is `10.0.1.2`?',
      choices: [
        { text: 'The load-balancer endpoint of client’s node on that network, which IPVS connections leave from', correct: true, explanation: '`docker network inspect` lists it as `<network>-endpoint`. The connection is rewritten to come from it, so the reply takes the same way back.' },
        { text: 'The service’s virtual IP', correct: false, explanation: 'The VIP is where the client sent the request (`dig +short web`), not the source the task sees.' },
        { text: 'The network’s gateway', correct: false, explanation: 'Overlay containers do not route through an overlay gateway; their way out is `eth1` on `docker_gwbridge`.' },
        { text: 'Another task of the service', correct: false, explanation: 'Tasks do not forward each other’s requests.' },
      ],
    },
    {
      kind: 'short',
      id: 'dnsrr-flag',
      prompt: 'Complete the flag that gives a new service no virtual IP, so that its name answers with its tasks’ addresses: `--endpoint-mode …`',
      accept: ['dnsrr', '--endpoint-mode dnsrr'],
      explanation: '`--endpoint-mode dnsrr`: DNS round robin. The embedded DNS shuffles the task addresses in every answer.',
    },
    {
      kind: 'single',
      id: 'no-network',
      prompt: 'A service was created without `--network`. A container on `appnet` looks its name up. What happens?',
      choices: [
        { text: 'NXDOMAIN: the service’s names exist only on the networks it is attached to', correct: true, explanation: 'Discovery is scoped per network. `docker service update --network-add appnet <service>` fixes it.' },
        { text: 'It resolves to the service’s VIP on the ingress network', correct: false, explanation: 'The ingress network has no service discovery at all.' },
        { text: 'It resolves, but connections are refused', correct: false, explanation: 'The name does not resolve in the first place.' },
      ],
    },
  ],
};
