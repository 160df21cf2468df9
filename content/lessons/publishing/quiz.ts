import type { Quiz } from '../../../src/courseware/types';

export const quiz: Quiz = {
  id: 'publishing-quiz',
  title: 'Publishing services',
  questions: [
    {
      kind: 'single',
      id: 'mesh-node',
      prompt: 'A service publishes `-p 8080:80` and runs 2 tasks on a 5-node swarm. On which nodes does port 8080 answer?',
      choices: [
        { text: 'On all 5 nodes', correct: true, explanation: 'The routing mesh programs the port on every node; a node without a task forwards over the `ingress` network.' },
        { text: 'Only on the 2 nodes that run a task', correct: false, explanation: 'That is host mode (`mode=host`), not the default.' },
        { text: 'Only on the managers', correct: false, explanation: 'Workers take part in the mesh like managers.' },
      ],
    },
    {
      kind: 'single',
      id: 'remote-addr',
      prompt: 'Through the routing mesh, which source address does a task see on a request from a laptop at 192.168.1.50?',
      choices: [
        { text: 'An address of the receiving node’s `ingress_sbox` on the `ingress` network (10.0.0.x)', correct: true, explanation: 'IPVS in `ingress_sbox` rewrites the source so replies return through the same node; the client’s address is lost.' },
        { text: '192.168.1.50', correct: false, explanation: 'Only host mode (or a plain `docker run -p`) keeps the client’s address.' },
        { text: 'The service’s VIP on `ingress`', correct: false, explanation: 'The VIP is where the request is sent inside the mesh, not its source.' },
        { text: 'The address of the receiving node on the LAN', correct: false, explanation: 'The receiving node’s LAN address is not used; the packet leaves `ingress_sbox` on the overlay.' },
      ],
    },
    {
      kind: 'multiple',
      id: 'mesh-parts',
      prompt: 'Which pieces does a request through the routing mesh pass through? (Choose all that apply.)',
      choices: [
        { text: 'A DNAT rule in the node’s `DOCKER-INGRESS` chain', correct: true, explanation: 'It sends the published port to `ingress_sbox` on `docker_gwbridge` (172.18.0.2).' },
        { text: 'IPVS in `ingress_sbox`, balancing over the service’s VIP', correct: true, explanation: 'The same kernel load balancer as for VIPs inside overlay networks.' },
        { text: 'The `ingress` overlay network, over VXLAN when the task is on another node', correct: true, explanation: '`ingress` (10.0.0.0/24) carries the request to the task’s `ingress` leg.' },
        { text: 'The embedded DNS server at 127.0.0.11', correct: false, explanation: 'The laptop connects to an address; no name lookup happens in the swarm. `ingress` has no service discovery at all.' },
      ],
    },
    {
      kind: 'single',
      id: 'host-mode-when',
      prompt: 'A logging agent must run on every node, be reached on port 5140 of each node, and see the address of the machine that sends to it. How do you publish it?',
      choices: [
        { text: '`--mode global --publish mode=host,published=5140,target=5140`', correct: true, explanation: 'Global gives one task per node; host mode opens the port on that node only, straight into its task, keeping the sender’s address.' },
        { text: '`--replicas 3 -p 5140:5140`', correct: false, explanation: 'The routing mesh would hide the senders’ addresses and send each request to any of the agents.' },
        { text: '`--mode global -p 5140:5140`', correct: false, explanation: 'One agent per node, but the mesh still balances across all of them and rewrites the source.' },
        { text: '`--endpoint-mode dnsrr -p 5140:5140`', correct: false, explanation: 'Docker refuses it: ingress publishing cannot be used with dnsrr.' },
      ],
    },
    {
      kind: 'short',
      id: 'publish-mode-word',
      prompt: 'Which word goes after `mode=` in `--publish mode=…,published=8080,target=80` to bypass the routing mesh?',
      accept: ['host'],
      explanation: '`mode=host`. The default is `mode=ingress`, the routing mesh.',
    },
    {
      kind: 'single',
      id: 'host-replicas',
      prompt: 'A replicated service publishes port 8080 in host mode. Why can’t two of its tasks run on the same node?',
      choices: [
        { text: 'Both would need port 8080 on that node’s own addresses, and only one can bind it', correct: true, explanation: 'Host mode publishes on the node itself, like `docker run -p`; the scheduler spreads such tasks over different nodes.' },
        { text: 'Host mode allows only one replica in total', correct: false, explanation: 'It allows as many replicas as there are nodes with the port free.' },
        { text: 'Tasks in host mode share the node’s network namespace', correct: false, explanation: 'Publish mode is not network mode: the task keeps its own namespace, and the port is mapped into it.' },
      ],
    },
  ],
};
