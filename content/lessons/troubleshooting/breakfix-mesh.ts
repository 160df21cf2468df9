/**
 * A swarm service published through the routing mesh answers on the node
 * that runs its task, and not on another. On a node without a task the
 * published port leads (DNAT, FORWARD, the ingress sandbox's IPVS) into the
 * `ingress` overlay and over VXLAN to the task: anything on that way can
 * break it — VXLAN dropped, a DOCKER-USER rule on the forwarded requests,
 * gossip blocked so the node never learns where the task is — or the port
 * was never in the mesh at all (published in host mode).
 */
import { pick, type BreakFixLab } from '../../../src/courseware/breakfix';
import type { QuizChoice } from '../../../src/courseware/types';
import { SWARM3 } from './breakfix-multihost';

type MeshFault = 'vxlan' | 'docker-user' | 'gossip' | 'host-mode';

const services = [
  { svc: 'web', port: 8080, image: 'nginx' },
  { svc: 'shop', port: 8000, image: 'httpd' },
  { svc: 'api', port: 9000, image: 'nginx' },
];

/** Firewall rules of a fault, on the broken node; gossip's go in before the service exists. */
function faultRules(fault: MeshFault, port: number): string[] {
  if (fault === 'vxlan') return ['INPUT -p udp --dport 4789 -j DROP'];
  if (fault === 'docker-user') return [`DOCKER-USER -p tcp --dport ${port} -j DROP`];
  if (fault === 'gossip') return ['INPUT -p tcp --dport 7946 -j DROP', 'OUTPUT -p tcp --dport 7946 -j DROP'];
  return [];
}

function layerChoices(fault: MeshFault, bad: string, port: number): QuizChoice[] {
  const all: [MeshFault, string, string, string][] = [
    ['vxlan', `The underlay's data plane: VXLAN (UDP 4789) into ${bad} was dropped`,
      `${bad} dropped the ingress network's VXLAN frames, so the task's answers never came back to it.`,
      `No rule on UDP 4789 was in the way: VXLAN crossed between the nodes.`],
    ['docker-user', `A DOCKER-USER rule on ${bad} dropped the forwarded requests`,
      `Requests for a mesh port are forwarded to the ingress sandbox, so they cross FORWARD and DOCKER-USER on ${bad}; its DROP rule for port ${port} caught them.`,
      `\`iptables -L DOCKER-USER -n -v\` on ${bad} had no DROP for the port.`],
    ['gossip', `The underlay's control plane: gossip (7946) was blocked, so ${bad} never learnt where the task runs`,
      `${bad} dropped TCP 7946 both ways, so its ingress network had no peer entry for the task on node1.`,
      `No rule on 7946 was in the way: ${bad} knew where the task runs.`],
    ['host-mode', 'The port was published in host mode, outside the routing mesh',
      '`mode=host` binds the port only on nodes that run a task; the routing mesh (mode ingress, the default) answers on every node.',
      '`docker service inspect` shows PublishMode ingress: the port was in the routing mesh.'],
  ];
  return all.map(([key, text, right, not]) => ({ text, correct: key === fault, explanation: key === fault ? `Right. ${right}` : `Not here. ${not}` }));
}

/** Plausible fixes that leave it broken: restarting the task, or opening the port in INPUT (mesh traffic is forwarded, never INPUT). */
function wrongFixesFor(fault: MeshFault, bad: string, svc: string, port: number): string[][] {
  const restart = [`docker service update --force ${svc}`];
  if (fault === 'gossip') return [restart, [`ssh ${bad} iptables -I INPUT -p udp --dport 7946 -j ACCEPT`]];
  return [restart, [`ssh ${bad} iptables -I INPUT -p tcp --dport ${port} -j ACCEPT`]];
}

export const meshNode: BreakFixLab = {
  id: 'mesh-node',
  title: 'The service works on node1 but not on another node',
  hosts: 3,
  variants: 4,
  variant(n) {
    const s = pick(n, services);
    const bad = n % 2 === 1 ? 'node3' : 'node2';
    const good = bad === 'node3' ? 'node2' : 'node3';
    const fault = (['vxlan', 'docker-user', 'gossip', 'host-mode'] as const)[(n - 1) % 4];
    // Appended to DOCKER-USER, a rule would sit behind Docker's RETURN: it is inserted, as people do.
    const rules = faultRules(fault, s.port).map((l) => `ssh ${bad} iptables ${l.startsWith('DOCKER-USER') ? '-I' : '-A'} ${l}`);
    const publish = fault === 'host-mode' ? `--publish mode=host,target=80,published=${s.port}` : `-p ${s.port}:80`;
    const create = `docker service create --name ${s.svc} ${publish} --replicas 1 --constraint node.hostname==node1 ${s.image}`;
    return {
      symptom: `\`http://node1:${s.port}/\` shows the \`${s.svc}\` service's page from the laptop; \`http://${bad}:${s.port}/\` does not.`,
      setup: [...SWARM3, ...(fault === 'gossip' ? [...rules, create] : [create, ...rules])],
      checks: [
        { kind: 'service-running', id: 'svc', service: s.svc, published: s.port },
        { kind: 'can-reach', id: 'node1', from: { laptop: true }, to: 'node1', port: s.port, label: `the laptop still connects to node1 on port ${s.port}` },
        { kind: 'can-reach', id: 'good', from: { laptop: true }, to: good, port: s.port, label: `the laptop connects to ${good} on port ${s.port}` },
        { kind: 'can-reach', id: 'bad', from: { laptop: true }, to: bad, port: s.port, label: `the laptop connects to ${bad} on port ${s.port}` },
      ],
      hints: [
        `Map it first: which nodes answer? \`ssh laptop curl -s -m 2 -o /dev/null -w '%{http_code}' http://${good}:${s.port}/\`, and the same for ${bad}. Refused or timed out?`,
        `\`docker service ps ${s.svc}\` shows where the task runs and \`docker service inspect --pretty ${s.svc}\` how the port is published. On a node without a task, what must happen to a request for the port to reach it?`,
        `On the failing node, the firewall with its counters: \`ssh ${bad} iptables -L -n -v\`; compare with a node that works.`,
      ],
      solution: fault === 'host-mode'
        ? [`docker service update --publish-rm ${s.port} --publish-add published=${s.port},target=80 ${s.svc}`]
        : faultRules(fault, s.port).map((l) => `ssh ${bad} iptables -D ${l}`),
      wrongFixes: wrongFixesFor(fault, bad, s.svc, s.port),
      diagnosis: { prompt: 'Which layer was broken?', choices: layerChoices(fault, bad, s.port) },
    };
  },
};
