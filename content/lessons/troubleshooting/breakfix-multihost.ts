/**
 * Break-fix labs on three Docker hosts joined in a swarm, with an attachable
 * overlay: the faults sit in the underlay between the hosts — VXLAN (UDP
 * 4789) dropped one way or the other, or gossip (7946) blocked.
 */
import { pick, type BreakFixLab } from '../../../src/courseware/breakfix';

/** node1 initialises the swarm; node2 and node3 join with the worker token. */
export const SWARM3 = [
  'docker swarm init',
  'ssh node2 docker swarm join --token $(docker swarm join-token -q worker) 192.168.1.11:2377',
  'ssh node3 docker swarm join --token $(docker swarm join-token -q worker) 192.168.1.11:2377',
];

const overlays = [
  { net: 'appnet', subnet: '10.30.0.0/24', api: 'api' },
  { net: 'backend', subnet: '10.40.8.0/24', api: 'catalog' },
  { net: 'mesh', subnet: '10.50.2.0/24', api: 'search' },
];

type UnderlayFault = 'vxlan-in' | 'vxlan-out' | 'gossip';

/** The firewall rules of one fault, on the host they are set on; `bad` is the node whose traffic they catch. */
function faultRules(fault: UnderlayFault, bad: string): { where: string; lines: string[] } {
  if (fault === 'vxlan-in') return { where: bad, lines: ['INPUT -p udp --dport 4789 -j DROP'] };
  if (fault === 'vxlan-out') return { where: 'node1', lines: [`OUTPUT -d 192.168.1.${bad === 'node3' ? 13 : 12} -p udp --dport 4789 -j DROP`] };
  // Gossip needs only one open direction (memberlist's push/pull goes both ways), so the fault closes both.
  return { where: bad, lines: ['INPUT -p tcp --dport 7946 -j DROP', 'OUTPUT -p tcp --dport 7946 -j DROP'] };
}

/** Plausible fixes that leave the fault in place: ports opened for the wrong protocol, a restart. */
function wrongFixesFor(fault: UnderlayFault, where: string, bad: string): string[][] {
  const ssh = where === 'node1' ? '' : `ssh ${where} `;
  const restart = [`ssh ${bad} docker restart client-${bad}`];
  if (fault === 'gossip') return [[`${ssh}iptables -I INPUT -p udp --dport 7946 -j ACCEPT`], [`${ssh}iptables -I INPUT -p udp --dport 4789 -j ACCEPT`], restart];
  const chain = fault === 'vxlan-in' ? 'INPUT' : 'OUTPUT';
  return [[`${ssh}iptables -I ${chain} -p tcp --dport 4789 -j ACCEPT`], [`${ssh}iptables -A ${chain} -p udp --dport 4789 -j ACCEPT`], restart];
}

export const overlayPort: BreakFixLab = {
  id: 'overlay-underlay',
  title: 'It works on two nodes but not on the third',
  hosts: 3,
  variants: 3,
  variant(n) {
    const o = pick(n, overlays);
    const bad = pick(n, ['node3', 'node2']);
    const good = bad === 'node3' ? 'node2' : 'node3';
    // Which underlay fault: VXLAN dropped on the broken node's way in, on node1's way out to it, or gossip blocked.
    const fault = (['vxlan-in', 'vxlan-out', 'gossip'] as const)[(n - 1) % 3];
    const rules = faultRules(fault, bad);
    const ssh = rules.where === 'node1' ? '' : `ssh ${rules.where} `;
    const gossip = fault === 'gossip';
    return {
      symptom: `The \`${o.api}\` container on node1 answers the client on ${good}; the client on ${bad} cannot reach it.`,
      setup: [
        ...SWARM3,
        `docker network create -d overlay --attachable --subnet ${o.subnet} ${o.net}`,
        `docker run -d --name ${o.api} --network ${o.net} nginx`,
        `ssh ${good} docker run -dit --name client-${good} --network ${o.net} alpine`,
        // Gossip is exchanged when an endpoint joins: the rules go in before the client on the broken node starts.
        ...(gossip ? rules.lines.map((l) => `${ssh}iptables -A ${l}`) : []),
        `ssh ${bad} docker run -dit --name client-${bad} --network ${o.net} alpine`,
        ...(gossip ? [] : rules.lines.map((l) => `${ssh}iptables -A ${l}`)),
      ],
      checks: [
        { kind: 'can-reach', id: 'good', from: { container: `client-${good}` }, to: o.api, port: 80, label: `client-${good} still connects to ${o.api}` },
        { kind: 'can-reach', id: 'bad', from: { container: `client-${bad}` }, to: o.api, port: 80, label: `client-${bad} connects to ${o.api} on port 80` },
      ],
      hints: [
        `Compare the two clients from inside: name resolution (\`nslookup ${o.api}\`) first, then \`ping\` by address.`,
        'Between hosts an overlay needs two things from the underlay: gossip (TCP and UDP 7946), which tells each node where the containers run, and VXLAN (UDP 4789), which carries their frames. Which one does your first test point at?',
        '`iptables -L -n -v` on each host involved; look at the INPUT and OUTPUT chains and their counters.',
      ],
      solution: rules.lines.map((l) => `${ssh}iptables -D ${l}`),
      wrongFixes: wrongFixesFor(fault, rules.where, bad),
      diagnosis: {
        prompt: 'Which layer was broken?',
        choices: [
          {
            text: 'The underlay\'s data plane: VXLAN (UDP 4789) between two hosts was dropped',
            correct: !gossip,
            explanation: gossip ? `Not here: the name of ${o.api} did not even resolve on ${bad}; VXLAN was never tried.` : `Right. \`iptables -A ${rules.lines[0]}\` on ${rules.where} dropped the encapsulated frames, so nothing on ${o.net} crossed between node1 and ${bad}.`,
          },
          {
            text: 'The underlay\'s control plane: gossip (7946) between the nodes was blocked',
            correct: gossip,
            explanation: gossip ? `Right. ${bad} dropped TCP 7946 both ways, so it never learnt where ${o.api} runs: its embedded DNS had no record and vxlan0 no peer entry for it.` : `Not here: the name resolved on ${bad}, so gossip worked; the address did not answer.`,
          },
          { text: `The client on ${bad} was not attached to ${o.net}`, correct: false, explanation: 'Not here: `docker inspect` shows its endpoint on the overlay.' },
          { text: `${o.api} listened only on 127.0.0.1`, correct: false, explanation: `Not here: then the client on ${good} would fail too.` },
        ],
      },
    };
  },
};

/** A download big enough to need full-size TCP segments. */
const DOWNLOAD = 100_000;

export const overlayMtu: BreakFixLab = {
  id: 'overlay-mtu',
  title: 'Small requests work, big ones hang',
  hosts: 3,
  variants: 3,
  variant(n) {
    const o = pick(n, overlays, 1);
    const bad = pick(n, ['node3', 'node2'], 1);
    const good = bad === 'node3' ? 'node2' : 'node3';
    // A NIC MTU a tunnel or provider would have: PPPoE-ish 1400, WireGuard-ish 1420, GRE 1476. All below VXLAN's 1500.
    const mtu = pick(n, [1400, 1420, 1476]);
    const client = `client-${bad}`;
    return {
      symptom: `The client on ${good} downloads reports from \`${o.api}\` (node1) fine. The client on ${bad} can ping \`${o.api}\` and connect to it, but every download hangs.`,
      setup: [
        ...SWARM3,
        `docker network create -d overlay --attachable --subnet ${o.subnet} ${o.net}`,
        `docker run -d --name ${o.api} --network ${o.net} nginx`,
        `ssh ${good} docker run -dit --name client-${good} --network ${o.net} alpine`,
        `ssh ${bad} docker run -dit --name ${client} --network ${o.net} alpine`,
        // A provisioning script copied the tunnel's MTU onto the LAN interface of one node.
        `ssh ${bad} ip link set eth0 mtu ${mtu}`,
      ],
      checks: [
        { kind: 'can-reach', id: 'good', from: { container: `client-${good}` }, to: o.api, port: 80, bytes: DOWNLOAD, label: `client-${good} still downloads ${DOWNLOAD} bytes from ${o.api}` },
        { kind: 'can-reach', id: 'bad', from: { container: client }, to: o.api, port: 80, bytes: DOWNLOAD, label: `${client} downloads ${DOWNLOAD} bytes from ${o.api}` },
      ],
      hints: [
        `Small packets pass and big ones do not: find the size where it stops. \`docker exec ${client} ping -c1 -s 1000 ${o.api}\`, then 1300, 1400…`,
        `Every overlay frame crosses the hosts' own network inside VXLAN, 50 bytes bigger than it was. Compare the \`mtu\` of each interface on the way: \`docker exec ${client} ip link\`, then \`ip link show eth0\` on every host.`,
        `\`tcpdump -ni eth0 udp port 4789\` on node1 while you ping: the big replies leave node1; do they arrive?`,
      ],
      solution: [`ssh ${bad} ip link set eth0 mtu 1500`],
      wrongFixes: [
        [`ssh ${bad} ip link set eth0 mtu 1450`],
        [`ssh ${bad} iptables -I INPUT -p udp --dport 4789 -j ACCEPT`],
        [`ssh ${bad} docker restart ${client}`],
      ],
      diagnosis: {
        prompt: 'Which layer was broken?',
        choices: [
          { text: `The underlay's MTU: ${bad}'s network interface was too small for VXLAN's frames`, correct: true, explanation: `Right. ${bad}'s eth0 had MTU ${mtu}. The overlay's MTU is 1450, so full-size packets become 1500-byte VXLAN frames, which ${bad}'s interface dropped without a word; pings and handshakes are small and passed. Give the NIC its 1500 back, or create the overlay with \`--opt com.docker.network.driver.mtu=${mtu}\` so that its frames fit.` },
          { text: 'A firewall dropped VXLAN (UDP 4789) between the hosts', correct: false, explanation: 'Not here: then small packets would be lost too, and the ping worked.' },
          { text: `Name resolution: ${o.api} resolved to the wrong address on ${bad}`, correct: false, explanation: 'Not here: the ping by name reached the right container.' },
          { text: `${o.api} listened only on 127.0.0.1`, correct: false, explanation: 'Not here: the connection opened, so something listened on the overlay address.' },
        ],
      },
    };
  },
};
