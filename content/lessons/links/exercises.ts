import type { Exercise } from '../../../src/courseware/types';

export const exercises = {
  linkAlias: {
    id: 'links-alias',
    title: 'A link under another name',
    task:
      'An old reporting app expects its database under the name `pg`. Run a `training/webapp` container named `report` (command `python app.py`) linked to `db` so that, inside `report`, `pg` resolves to the database and the `PG_…` variables are set.',
    lab: 'main',
    checks: [
      { kind: 'container-running', id: 'report-running', container: 'report', image: 'training/webapp' },
      { kind: 'env-has', id: 'report-pg-name', container: 'report', name: 'PG_NAME', value: '/report/pg' },
      { kind: 'env-has', id: 'report-pg-addr', container: 'report', name: 'PG_PORT_5432_TCP_ADDR', value: '172.17.0.2' },
      { kind: 'name-resolves', id: 'report-resolves-pg', from: { container: 'report' }, name: 'pg', to: '172.17.0.2' },
    ],
    hints: [
      'The part after the colon in `--link NAME:ALIAS` decides both the hosts-file name and the variable prefix.',
      'Links only work on the default bridge, so do not pass `--network`.',
      'Start it detached: `docker run -d --name report --link …:… training/webapp python app.py`.',
    ],
    solution: ['docker run -d --name report --link db:pg training/webapp python app.py'],
  },
  modernize: {
    id: 'links-modernize',
    title: 'Replace the link with a network',
    task:
      'Do it the modern way. Create a user-defined network named `shop`, attach the running `db` to it, and run a `training/webapp` container named `api` (command `python app.py`) on `shop` without any `--link`, so that `api` reaches `db` by name on port 5432.',
    lab: 'main',
    checks: [
      { kind: 'network-exists', id: 'shop-exists', network: 'shop', driver: 'bridge' },
      { kind: 'container-on-network', id: 'db-on-shop', container: 'db', network: 'shop' },
      { kind: 'container-running', id: 'api-running', container: 'api', image: 'training/webapp' },
      { kind: 'container-on-network', id: 'api-on-shop', container: 'api', network: 'shop' },
      { kind: 'name-resolves', id: 'api-resolves-db', from: { container: 'api' }, name: 'db' },
      { kind: 'can-reach', id: 'api-reaches-db', from: { container: 'api' }, to: 'db', port: 5432, proto: 'tcp' },
    ],
    hints: [
      'Names on a user-defined network come from the embedded DNS server, for every container attached to it.',
      '`db` keeps running: `docker network connect` adds the network to it.',
      'Start `api` with `--network shop`; no link is needed.',
    ],
    solution: [
      'docker network create shop',
      'docker network connect shop db',
      'docker run -d --name api --network shop training/webapp python app.py',
    ],
  },
} satisfies Record<string, Exercise>;
