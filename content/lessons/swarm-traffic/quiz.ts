import type { Quiz } from '../../../src/courseware/types';

export const quiz: Quiz = {
  id: 'swarm-traffic-quiz',
  title: 'Swarm traffic and firewalls',
  questions: [
    {
      kind: 'single',
      id: 'worker-2377',
      prompt: 'A worker node’s firewall drops everything on INPUT except replies to its own connections. Which of these must it accept for the swarm, with unencrypted overlays?',
      choices: [
        { text: 'TCP and UDP 7946, and UDP 4789', correct: true, explanation: 'Gossip and VXLAN arrive at every node of a network. 2377 is dialled by the worker, so its replies are already accepted.' },
        { text: 'TCP 2377, TCP and UDP 7946, and UDP 4789', correct: false, explanation: '2377 is a server port of the managers only; nothing connects to a worker on it.' },
        { text: 'TCP 2377 only', correct: false, explanation: 'The worker would join, and its containers could neither resolve nor reach containers on other hosts.' },
        { text: 'Nothing: replies to its own connections are enough', correct: false, explanation: 'Gossip and VXLAN datagrams from other nodes are not replies: each node sends its own to the others.' },
      ],
    },
    {
      kind: 'single',
      id: 'symptom-4789',
      prompt: '`docker node ls` shows every node Ready, `ping beta` from a container on another host resolves `beta` but gets no reply. Which port is most likely blocked?',
      choices: [
        { text: 'UDP 4789', correct: true, explanation: 'The name resolved, so gossip (7946) works; the packets themselves travel as VXLAN on UDP 4789.' },
        { text: 'TCP 7946', correct: false, explanation: 'Without gossip the name would not resolve at all (`bad address`).' },
        { text: 'TCP 2377', correct: false, explanation: 'A blocked 2377 shows up in `docker node ls` (a node that cannot join, or turns Down), not in container traffic.' },
        { text: 'TCP 80', correct: false, explanation: 'ping is ICMP inside the overlay; no port 80 is involved.' },
      ],
    },
    {
      kind: 'multiple',
      id: 'planes',
      prompt: 'Match planes and traffic. Which statements are true? (Choose all that apply.)',
      choices: [
        { text: 'The management plane runs on TCP 2377, from every node to the managers, always with mutual TLS', correct: true, explanation: 'Joining, heartbeats, task assignments and the managers’ Raft store use it.' },
        { text: 'The control plane is gossip on TCP and UDP 7946 between the nodes', correct: true, explanation: 'It spreads which container address and MAC sit behind which host, and which nodes are alive.' },
        { text: 'The data plane is VXLAN on UDP 4789, or ESP for encrypted overlays', correct: true, explanation: 'The containers’ own packets, wrapped.' },
        { text: 'ESP runs on UDP 4500', correct: false, explanation: 'ESP is IP protocol 50 and has no ports. UDP 4500 is used only when IPsec is wrapped to cross NAT, which Docker’s overlays do not do.' },
      ],
    },
    {
      kind: 'single',
      id: 'join-timeout',
      prompt: 'A manager’s firewall DROPs TCP 2377. What does `docker swarm join` on a new node do?',
      choices: [
        { text: 'It waits, then reports `Timeout was reached before node joined`, and keeps trying in the background', correct: true, explanation: 'A dropped packet gets no answer, so the client waits. Once the port opens the join completes by itself.' },
        { text: 'It fails at once with `connection refused`', correct: false, explanation: 'That is what a REJECT rule or a closed port gives. DROP gives no answer at all.' },
        { text: 'It joins, but the node is Down', correct: false, explanation: 'It never gets in: the node is not listed at all.' },
      ],
    },
    {
      kind: 'short',
      id: 'esp-rule',
      prompt: 'Complete the rule that lets encrypted overlay traffic in: `iptables -A INPUT -p … -j ACCEPT`',
      accept: ['esp', '50'],
      explanation: '`-p esp` (or `-p 50`): ESP is its own IP protocol, so port rules never match it.',
    },
    {
      kind: 'single',
      id: 'policy-accept',
      prompt: 'Why is `iptables -P INPUT ACCEPT` a bad fix for a swarm that does not form?',
      choices: [
        { text: 'It opens every port of the host to the network, not only the swarm’s', correct: true, explanation: 'In the lab that would expose the admin pages; on a real server, everything that listens.' },
        { text: 'Docker refuses to run with an ACCEPT policy', correct: false, explanation: 'Docker works with either policy; it only adds its own chains.' },
        { text: 'It does not help: the swarm still needs ESP', correct: false, explanation: 'It does make the swarm work (ESP included). That is exactly the problem: it makes everything else reachable too.' },
      ],
    },
  ],
};
