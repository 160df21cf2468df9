import type { Exercise } from '../../../src/courseware/types';

const NODE1 = '192.168.1.11';
const NODE2 = '192.168.1.12';
const NODE3 = '192.168.1.13';

export const exercises = {
  mesh: {
    id: 'publishing-mesh',
    title: 'A shop on every node',
    task:
      'Run a service `shop` of `traefik/whoami` with **2** replicas on the **workers only** (`node.role==worker`), and publish it on port **8000** so that the laptop reaches it on port 8000 of **node1**, the manager, where none of its tasks runs.',
    lab: 'main',
    checks: [
      { kind: 'service-running', id: 'shop-runs', service: 'shop', replicas: 2, published: 8000, publishMode: 'ingress', notOnHost: 'node1', label: 'shop runs 2 tasks on the workers, published on 8000 through the routing mesh' },
      { kind: 'can-reach', id: 'laptop-node1', from: { laptop: true }, to: NODE1, port: 8000, proto: 'tcp', label: 'the laptop reaches shop through node1:8000' },
      { kind: 'can-reach', id: 'laptop-node3', from: { laptop: true }, to: NODE3, port: 8000, proto: 'tcp', label: 'the laptop reaches shop through node3:8000' },
    ],
    hints: [
      'Placement is chosen with `--constraint`; publishing with `-p` or `--publish`.',
      'The routing mesh is the default publish mode: `-p 8000:80` is enough.',
      'Check with `docker service ps shop` (no task on node1) and `ssh laptop curl -s http://192.168.1.11:8000`.',
    ],
    solution: ['docker service create -d --name shop --replicas 2 --constraint node.role==worker -p 8000:80 traefik/whoami'],
  },
  agent: {
    id: 'publishing-agent',
    title: 'An agent on each node, seen as itself',
    task:
      'A metrics collector on the LAN scrapes each node on port **9100** and must reach the agent **of that node**, not any agent. Run `agent` (`traefik/whoami`) as a **global** service that publishes port 9100 (target 80) in **host mode**, so the laptop reaches port 9100 on all three nodes.',
    lab: 'main',
    checks: [
      { kind: 'service-running', id: 'agent-runs', service: 'agent', mode: 'global', published: 9100, publishMode: 'host' },
      { kind: 'can-reach', id: 'laptop-agent-node1', from: { laptop: true }, to: NODE1, port: 9100, proto: 'tcp', label: 'the laptop reaches node1:9100' },
      { kind: 'can-reach', id: 'laptop-agent-node2', from: { laptop: true }, to: NODE2, port: 9100, proto: 'tcp', label: 'the laptop reaches node2:9100' },
      { kind: 'can-reach', id: 'laptop-agent-node3', from: { laptop: true }, to: NODE3, port: 9100, proto: 'tcp', label: 'the laptop reaches node3:9100' },
    ],
    hints: [
      'One task per node is what `--mode global` gives you.',
      'The short `-p` form always means the routing mesh. Host mode needs the long form: `--publish mode=host,published=…,target=…`.',
      'Through the mesh, node2:9100 could answer with node3’s agent. In host mode, `curl` from the laptop shows the agent of the node you asked, and `RemoteAddr` is the laptop itself.',
    ],
    solution: ['docker service create -d --name agent --mode global --publish mode=host,published=9100,target=80 traefik/whoami'],
  },
  pinned: {
    id: 'publishing-pinned',
    title: 'Only on node2',
    task:
      'A licence server may only run on **node2**, and only node2 may answer for it. Run `license` (`traefik/whoami`, 1 replica) on node2, publishing port **7000** (target 80) so that the laptop reaches it at node2:7000, while port 7000 stays closed on node1 and node3.',
    lab: 'main',
    checks: [
      { kind: 'service-running', id: 'license-runs', service: 'license', replicas: 1, published: 7000, publishMode: 'host' },
      { kind: 'can-reach', id: 'laptop-license-node2', from: { laptop: true }, to: NODE2, port: 7000, proto: 'tcp', label: 'the laptop reaches node2:7000' },
      { kind: 'cannot-reach', id: 'node1-closed', from: { laptop: true }, to: NODE1, port: 7000, proto: 'tcp', label: 'node1:7000 stays closed' },
      { kind: 'cannot-reach', id: 'node3-closed', from: { laptop: true }, to: NODE3, port: 7000, proto: 'tcp', label: 'node3:7000 stays closed' },
    ],
    hints: [
      'Pin the task with a constraint on `node.hostname`.',
      'Through the routing mesh every node would answer on 7000. Which publish mode opens the port only where the task runs?',
      '`--publish mode=host,published=7000,target=80`.',
    ],
    solution: ['docker service create -d --name license --constraint node.hostname==node2 --publish mode=host,published=7000,target=80 traefik/whoami'],
  },
} satisfies Record<string, Exercise>;
