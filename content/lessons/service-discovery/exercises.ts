import type { Exercise } from '../../../src/courseware/types';

export const exercises = {
  catalog: {
    id: 'sd-catalog',
    title: 'A service behind one name',
    task:
      'Run a service `catalog` of `traefik/whoami` with **3** replicas on `appnet`, so that `client` reaches it by name on port 80 through its virtual IP, and `tasks.catalog` resolves to its tasks.',
    lab: 'main',
    checks: [
      { kind: 'service-running', id: 'catalog-runs', service: 'catalog', replicas: 3, endpointMode: 'vip', network: 'appnet' },
      { kind: 'name-resolves', id: 'tasks-catalog', from: { container: 'client' }, name: 'tasks.catalog', label: 'tasks.catalog resolves from client' },
      { kind: 'can-reach', id: 'client-reaches-catalog', from: { container: 'client' }, to: 'catalog', port: 80, proto: 'tcp' },
    ],
    hints: [
      'Services are created on the manager, node1, with `docker service create`.',
      'Three flags matter: the name, the number of replicas and the network. The default endpoint mode is already the VIP.',
      'Check with `docker exec client dig +short catalog` (one address) and `docker exec client dig +short tasks.catalog` (three).',
    ],
    solution: ['docker service create -d --name catalog --replicas 3 --network appnet traefik/whoami'],
  },
  dnsrr: {
    id: 'sd-dnsrr',
    title: 'Let the client choose',
    task:
      'A search client keeps its own list of servers and wants every address, not a virtual IP. Run a service `search` of `traefik/whoami` with **2** replicas on `appnet`, in DNS round robin mode, so that `client` reaches it by name on port 80.',
    lab: 'main',
    checks: [
      { kind: 'service-running', id: 'search-runs', service: 'search', replicas: 2, endpointMode: 'dnsrr', network: 'appnet' },
      { kind: 'can-reach', id: 'client-reaches-search', from: { container: 'client' }, to: 'search', port: 80, proto: 'tcp' },
    ],
    hints: [
      'The mode is chosen when the service is created, with `--endpoint-mode`.',
      'Its two values are `vip` (the default) and `dnsrr`.',
      '`docker exec client dig +short search` should print two addresses, in a different order from time to time.',
    ],
    solution: ['docker service create -d --name search --replicas 2 --endpoint-mode dnsrr --network appnet traefik/whoami'],
  },
  billing: {
    id: 'sd-billing',
    title: 'Bring billing into view',
    task:
      'The lab’s `billing` service (2 replicas) was created without a network, so `client` cannot find it. Without removing the service, make `client` reach `billing` by name on port 80, and raise it to **3** replicas while you are at it.',
    lab: 'main',
    checks: [
      { kind: 'service-running', id: 'billing-on-appnet', service: 'billing', replicas: 3, network: 'appnet' },
      { kind: 'name-resolves', id: 'client-resolves-billing', from: { container: 'client' }, name: 'billing' },
      { kind: 'can-reach', id: 'client-reaches-billing', from: { container: 'client' }, to: 'billing', port: 80, proto: 'tcp' },
    ],
    hints: [
      'A service’s names exist only on its networks. `docker service inspect -f "{{json .Spec.TaskTemplate.Networks}}" billing` prints `null`: it has none.',
      '`docker service update` can add a network to a running service; look at `docker service update --help` for the flag.',
      'The same command, or `docker service scale`, changes the number of replicas.',
    ],
    solution: ['docker service update -d --network-add appnet --replicas 3 billing'],
  },
} satisfies Record<string, Exercise>;
