/**
 * Break-fix labs about names that lead to the wrong place. A stale entry:
 * `--add-host` writes a fixed line into the container's /etc/hosts, which
 * the C library reads before it asks any DNS server ("files dns" in
 * nsswitch.conf; musl reads it first too). When the database moves, the
 * embedded DNS learns its new address at once, but the fixed line still
 * sends the client to the old one, where nothing answers.
 */
import { pick, type BreakFixLab } from '../../../src/courseware/breakfix';
import { apps, layers, subnets } from './variants';

/** The address the database had before it was recreated: on the subnet, now unused. */
function staleAddress(subnet: string, n: number): string {
  const prefix = subnet.split('.').slice(0, 3).join('.');
  return `${prefix}.${pick(n, [9, 23, 41], 2)}`;
}

export const staleHosts: BreakFixLab = {
  id: 'stale-hosts',
  title: 'After the database moved',
  variants: 3,
  variant(n) {
    const a = pick(n, apps);
    const subnet = pick(n, subnets, 1);
    const stale = staleAddress(subnet, n);
    const other = pick(n, ['worker', 'cron', 'admin'], 1);
    return {
      symptom: `\`${a.db}\` was recreated this morning. Since then \`${a.app}\` hangs when it connects to \`${a.db}:${a.port}\`; \`${other}\`, on the same network, works.`,
      setup: [
        `docker network create --subnet ${subnet} ${a.net}`,
        `docker run -d --name ${a.db} --network ${a.net} ${a.image}`,
        `docker run -dit --name ${a.app} --network ${a.net} --add-host ${a.db}:${stale} alpine`,
        `docker run -dit --name ${other} --network ${a.net} alpine`,
      ],
      checks: [
        { kind: 'can-reach', id: 'other', from: { container: other }, to: a.db, port: a.port, label: `${other} still connects to ${a.db}` },
        { kind: 'can-reach', id: 'reach', from: { container: a.app }, to: a.db, port: a.port, label: `${a.app} connects to ${a.db} on port ${a.port}` },
      ],
      hints: [
        `A hang, not a refusal: packets go nowhere. Which address does \`${a.app}\` actually use? \`docker exec ${a.app} ping -c1 ${a.db}\` prints it.`,
        `Compare it with what the embedded DNS answers: \`docker run --rm --net container:${a.app} nicolaka/netshoot drill ${a.db}\`, and with \`docker inspect ${a.db}\`.`,
        `The resolver reads \`/etc/hosts\` before it asks any DNS server. Where does a line in it come from? \`docker inspect -f '{{.HostConfig.ExtraHosts}}' ${a.app}\`.`,
      ],
      solution: [`docker rm -f ${a.app}`, `docker run -dit --name ${a.app} --network ${a.net} alpine`],
      wrongFixes: [
        [`docker restart ${a.app}`],
        [`docker restart ${a.db}`],
        [`docker network disconnect ${a.net} ${a.app}`, `docker network connect ${a.net} ${a.app}`],
      ],
      diagnosis: {
        prompt: 'Which layer was broken?',
        choices: layers('dns', `\`${a.app}\` was started with \`--add-host ${a.db}:${stale}\`, the database's old address. /etc/hosts wins over the embedded DNS, and Docker keeps the entry for the container's whole life.`),
      },
    };
  },
};
