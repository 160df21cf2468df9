import type { Quiz } from '../../../src/courseware/types';

export const quiz: Quiz = {
  id: 'troubleshooting-quiz',
  title: 'Troubleshooting',
  questions: [
    {
      kind: 'single',
      id: 'first-split',
      prompt: '`web` cannot talk to `db`. What do you find out first?',
      choices: [
        { text: 'Whether the name `db` turns into the right address from inside `web`, and then whether that address answers', correct: true, explanation: 'Service discovery or the network layer: each test clears one of them, and the rest of the search follows from which one failed.' },
        { text: 'Whether restarting both containers helps', correct: false, explanation: 'A restart changes things before you know what was wrong, and keeps most faults (a network, a published port, `--dns`, `--add-host`) exactly as they were.' },
        { text: 'Whether the host can ping `db`', correct: false, explanation: 'The host asks other DNS servers and has other routes: look from inside the client\'s namespace first, then outward.' },
      ],
    },
    {
      kind: 'single',
      id: 'refused',
      prompt: '`nc -zv api 8000` from `web` answers `Connection refused`. What does that prove?',
      choices: [
        { text: 'The packet reached a kernel that has no socket listening on that address and port (or a REJECT rule answered)', correct: true, explanation: 'A reset came back, so the path works; look at what listens on the server with `ss -tlnp` in its namespace.' },
        { text: 'A firewall dropped the packet', correct: false, explanation: 'A DROP is silent: the client waits and times out. A refusal is an answer.' },
        { text: 'The name `api` does not resolve', correct: false, explanation: 'Then nc would say so before connecting; it printed the address it tried.' },
      ],
    },
    {
      kind: 'single',
      id: 'netshoot',
      prompt: 'The `api` image has no `ss`. How do you list its listening sockets?',
      choices: [
        { text: '`docker run --rm --net container:api nicolaka/netshoot ss -tlnp`', correct: true, explanation: 'A container started in `api`\'s network namespace sees its sockets, interfaces and routes, with netshoot\'s tools.' },
        { text: '`docker run --rm --network bridge nicolaka/netshoot ss -tlnp`', correct: false, explanation: 'That is a new container with its own namespace: it lists its own (empty) sockets.' },
        { text: '`ss -tlnp` on the host', correct: false, explanation: 'The host shows its own sockets (sshd, docker-proxy), not those inside a container\'s namespace.' },
      ],
    },
    {
      kind: 'multiple',
      id: 'timeout-causes',
      prompt: 'The laptop\'s connection to a published port hangs until it times out, while `curl localhost:PORT` on the host works. Which can cause that? (Choose all that apply.)',
      choices: [
        { text: 'A DROP rule in DOCKER-USER', correct: true, explanation: 'Packets from outside are forwarded to the container and cross DOCKER-USER first; local connections go through docker-proxy and never do.' },
        { text: 'A DROP rule inserted at the top of FORWARD', correct: true, explanation: 'It comes before the jump to DOCKER-USER and Docker\'s own chains, so it catches the forwarded packets first.' },
        { text: 'A DROP rule in the host\'s INPUT chain for the published port', correct: false, explanation: 'DNAT happens in PREROUTING, so the packet is forwarded, not delivered locally: INPUT never sees it.' },
        { text: 'The port published on 127.0.0.1 only', correct: false, explanation: 'Then the laptop gets a refusal at once: nothing listens on the address it used.' },
        { text: 'A container port on which nothing listens', correct: false, explanation: 'The container\'s kernel answers with a reset: a refusal, and from the host too.' },
      ],
    },
    {
      kind: 'single',
      id: 'mtu',
      prompt: 'Across an overlay, pings and TCP handshakes work but downloads stall. What do you check?',
      choices: [
        { text: 'The MTU of every interface on the way, with pings of growing size (`ping -s`)', correct: true, explanation: 'VXLAN adds 50 bytes: a full-size overlay packet is a 1500-byte frame on the underlay, and a smaller link drops it without a word.' },
        { text: 'The embedded DNS server', correct: false, explanation: 'Names resolved: the handshake reached the right address.' },
        { text: 'UDP 4789 in the firewalls', correct: false, explanation: 'If VXLAN were dropped, small packets would be lost too.' },
      ],
    },
  ],
};
