import type { Exercise } from '../../../src/courseware/types';

export const exercises = {
  sharedAlias: {
    id: 'dns-shared-alias',
    title: 'One name for both search nodes',
    task:
      '`client` should reach the search service as `search` and be spread over both `search1` and `search2`. Without removing any container, give both of them the alias `search` on the `shop` network.',
    lab: 'main',
    checks: [
      { kind: 'container-on-network', id: 'search1-alias', container: 'search1', network: 'shop', alias: 'search' },
      { kind: 'container-on-network', id: 'search2-alias', container: 'search2', network: 'shop', alias: 'search' },
      { kind: 'name-resolves', id: 'client-resolves-search', from: { container: 'client' }, name: 'search' },
    ],
    hints: [
      'An alias belongs to a container’s endpoint on one network, and is set when the endpoint is created.',
      'So take each container off `shop` and put it back with an alias: `docker network disconnect`, then `docker network connect --alias …`.',
      'If you restarted the Docker daemon earlier, `client`, `search1` and `search2` may be stopped: `docker start` them first.',
    ],
    solution: [
      'docker network disconnect shop search1',
      'docker network connect --alias search shop search1',
      'docker network disconnect shop search2',
      'docker network connect --alias search shop search2',
    ],
  },
  lanPrinter: {
    id: 'dns-lan-printer',
    title: 'A name the DNS does not know',
    task:
      'The office printer at `192.168.1.50` has no DNS record. Run a long-lived `alpine` container named `office` on the `shop` network in which the name `printer.lan` resolves to `192.168.1.50`.',
    lab: 'main',
    checks: [
      { kind: 'container-running', id: 'office-running', container: 'office', image: 'alpine' },
      { kind: 'container-on-network', id: 'office-on-shop', container: 'office', network: 'shop' },
      { kind: 'name-resolves', id: 'office-resolves-printer', from: { container: 'office' }, name: 'printer.lan', to: '192.168.1.50' },
      { kind: 'file-contains', id: 'office-hosts', where: { container: 'office' }, path: '/etc/hosts', text: 'printer.lan' },
    ],
    hints: [
      'Names that no DNS server knows can go into the container’s `/etc/hosts`.',
      'Editing the file by hand works but is lost when the container is recreated. A `docker run` flag writes the line for you.',
      'The flag is `--add-host NAME:IP`.',
    ],
    solution: ['docker run -dit --name office --network shop --add-host printer.lan:192.168.1.50 alpine'],
  },
  daemonDns: {
    id: 'dns-daemon-dns',
    title: 'DNS servers for every container',
    task:
      'Make `1.1.1.1` the DNS server for every new container by configuring the Docker daemon (not a `docker run` flag). Prove it with a new long-lived `alpine` container named `probe` on the default bridge whose `/etc/resolv.conf` lists `nameserver 1.1.1.1`.',
    lab: 'main',
    editFile: { path: '/etc/docker/daemon.json', language: 'json' },
    checks: [
      { kind: 'file-contains', id: 'daemon-json-dns', where: { host: 'node1' }, path: '/etc/docker/daemon.json', text: '1.1.1.1' },
      { kind: 'container-running', id: 'probe-running', container: 'probe', image: 'alpine' },
      { kind: 'file-contains', id: 'probe-resolv', where: { container: 'probe' }, path: '/etc/resolv.conf', text: 'nameserver 1.1.1.1' },
    ],
    hints: [
      'The file is `/etc/docker/daemon.json` and the key is `dns`, a list of addresses. It must be valid JSON.',
      'The daemon reads its configuration only at start-up: `systemctl restart docker`.',
      'Containers created before the restart keep their old file. Run a new `probe` afterwards and read its `/etc/resolv.conf`.',
    ],
    solution: [
      `echo '{"dns": ["1.1.1.1"]}' > /etc/docker/daemon.json`,
      'systemctl restart docker',
      'docker run -dit --name probe alpine',
    ],
  },
} satisfies Record<string, Exercise>;
