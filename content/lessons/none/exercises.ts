import type { Exercise } from '../../../src/courseware/types';

export const exercises = {
  cutOff: {
    id: 'none-cut-off',
    title: 'Cut the cruncher off',
    task:
      '`cruncher` only ever processes files it is given, yet it sits on the default bridge with full internet access. Replace it with a long-lived `alpine` container, still named `cruncher`, that has no network at all.',
    lab: 'main',
    checks: [
      { kind: 'container-running', id: 'cruncher-running', container: 'cruncher', image: 'alpine' },
      { kind: 'network-mode', id: 'cruncher-none', container: 'cruncher', mode: 'none' },
      { kind: 'cannot-reach', id: 'cruncher-no-internet', from: { container: 'cruncher' }, to: '8.8.8.8' },
      { kind: 'cannot-reach', id: 'cruncher-no-lan', from: { container: 'cruncher' }, to: '192.168.1.1' },
    ],
    hints: [
      'Try `docker network connect none cruncher` and read the error: `none` cannot be added to a container that has a network.',
      'The network mode is chosen when a container is created, so remove `cruncher` and create it again.',
      'Use `--network none`, and keep alpine alive with `-dit` or `sleep 1d`.',
    ],
    solution: ['docker rm -f cruncher', 'docker run -dit --name cruncher --network none alpine'],
  },
  letIn: {
    id: 'none-let-in',
    title: 'The vault needs its database',
    task:
      'The team decided `vault` must talk to the redis container `db` on the `backend` network after all. Replace `vault` with a long-lived `alpine` container of the same name that reaches `db` by name on port 6379.',
    lab: 'main',
    checks: [
      { kind: 'container-running', id: 'vault-running', container: 'vault', image: 'alpine' },
      { kind: 'container-on-network', id: 'vault-on-backend', container: 'vault', network: 'backend' },
      { kind: 'name-resolves', id: 'vault-resolves-db', from: { container: 'vault' }, name: 'db' },
      { kind: 'can-reach', id: 'vault-reaches-db', from: { container: 'vault' }, to: 'db', port: 6379, proto: 'tcp' },
    ],
    hints: [
      '`docker network connect backend vault` will be refused while `vault` is on `none`.',
      'Recreate the container instead: remove it, then run it again on the right network.',
      '`backend` is a user-defined network, so once `vault` is on it the name `db` resolves by itself.',
    ],
    solution: ['docker rm -f vault', 'docker run -dit --name vault --network backend alpine'],
  },
} satisfies Record<string, Exercise>;
