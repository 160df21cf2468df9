/**
 * Break-fix labs on three Docker hosts joined in a swarm, with an attachable
 * overlay: the faults sit in the underlay between the hosts.
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

export const overlayPort: BreakFixLab = {
  id: 'overlay-underlay',
  title: 'It works on two nodes but not on the third',
  hosts: 3,
  variants: 3,
  variant(n) {
    const o = pick(n, overlays);
    const bad = pick(n, ['node3', 'node2']);
    const good = bad === 'node3' ? 'node2' : 'node3';
    // Odd variants block VXLAN on the broken node's way in, even ones on node1's way out to it.
    const rule = n % 2 === 1
      ? { where: bad, line: 'INPUT -p udp --dport 4789 -j DROP' }
      : { where: 'node1', line: `OUTPUT -d 192.168.1.${bad === 'node3' ? 13 : 12} -p udp --dport 4789 -j DROP` };
    const ssh = (host: string) => (host === 'node1' ? '' : `ssh ${host} `);
    return {
      symptom: `The \`${o.api}\` container on node1 answers the client on ${good}, but the client on ${bad} gets no answer at all.`,
      setup: [
        ...SWARM3,
        `docker network create -d overlay --attachable --subnet ${o.subnet} ${o.net}`,
        `docker run -d --name ${o.api} --network ${o.net} nginx`,
        `ssh ${good} docker run -dit --name client-${good} --network ${o.net} alpine`,
        `ssh ${bad} docker run -dit --name client-${bad} --network ${o.net} alpine`,
        `${ssh(rule.where)}iptables -A ${rule.line}`,
      ],
      checks: [
        { kind: 'can-reach', id: 'good', from: { container: `client-${good}` }, to: o.api, port: 80, label: `client-${good} still connects to ${o.api}` },
        { kind: 'can-reach', id: 'bad', from: { container: `client-${bad}` }, to: o.api, port: 80, label: `client-${bad} connects to ${o.api} on port 80` },
      ],
      hints: [
        `Compare the two clients from inside: name resolution (\`nslookup ${o.api}\`) first, then \`ping\` by address.`,
        'Overlay traffic between hosts is VXLAN: UDP port 4789 on the hosts\' own network. Which host could be dropping it?',
        '`iptables -L -n -v` on each host involved; look at the INPUT and OUTPUT chains and their counters.',
      ],
      solution: [`${ssh(rule.where)}iptables -D ${rule.line}`],
      wrongFixes: [
        [`${ssh(rule.where)}iptables -I ${rule.line.split(' ')[0]} -p tcp --dport 4789 -j ACCEPT`],
        [`${ssh(rule.where)}iptables -A ${rule.line.replace('DROP', 'ACCEPT')}`],
        [`ssh ${bad} docker restart client-${bad}`],
      ],
      diagnosis: {
        prompt: 'Which layer was broken?',
        choices: [
          { text: 'The underlay: VXLAN (UDP 4789) between two hosts was dropped', correct: true, explanation: `Right. \`iptables -A ${rule.line}\` on ${rule.where} dropped the encapsulated frames, so nothing on ${o.net} crossed between node1 and ${bad}.` },
          { text: 'The overlay\'s embedded DNS did not know the name', correct: false, explanation: 'Not here: the name resolves on every node; the address does not answer.' },
          { text: `The client on ${bad} was not attached to ${o.net}`, correct: false, explanation: 'Not here: `docker inspect` shows its endpoint on the overlay.' },
          { text: `${o.api} listened only on 127.0.0.1`, correct: false, explanation: `Not here: then the client on ${good} would fail too.` },
        ],
      },
    };
  },
};
