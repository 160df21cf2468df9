/**
 * Break-fix labs on one Docker host: the faults sit in a container's
 * network attachment, a port binding, the host firewall, a DNS setting,
 * the daemon's config and the application's own listening address. Each
 * variant n changes names, ports and subnets, and in some labs which fault
 * of the family it has (src/courseware/breakfix.ts).
 */
import { pick, type BreakFixLab } from '../../../src/courseware/breakfix';
import { apps, layers, sites, subnets } from './variants';

export const webDb: BreakFixLab = {
  id: 'web-db',
  title: 'The app cannot reach its database',
  variants: 3,
  variant(n) {
    const a = pick(n, apps);
    const subnet = pick(n, subnets, 1);
    const onBridge = n % 2 === 0; // even variants leave db on the default bridge, odd ones on a network of its own
    return {
      symptom: `The \`${a.app}\` container cannot connect to \`${a.db}:${a.port}\`. The \`${a.db}\` container runs fine.`,
      setup: [
        `docker network create --subnet ${subnet} ${a.net}`,
        `docker run -d --name ${a.app} --network ${a.net} nginx`,
        ...(onBridge ? [] : [`docker network create ${a.db}net`]),
        `docker run -d --name ${a.db}${onBridge ? '' : ` --network ${a.db}net`} ${a.image}`,
      ],
      checks: [
        { kind: 'container-running', id: 'db-up', container: a.db },
        { kind: 'can-reach', id: 'reach', from: { container: a.app }, to: a.db, port: a.port, label: `${a.app} connects to ${a.db} by name on port ${a.port}` },
      ],
      hints: [
        `Start inside the client: \`docker run --rm --net container:${a.app} nicolaka/netshoot drill ${a.db}\` tells you whether the name resolves at all.`,
        `A name that does not resolve on a user-defined network is rarely a DNS server problem: compare the two containers' networks, \`docker inspect -f '{{json .NetworkSettings.Networks}}' ${a.app}\` and the same for ${a.db}.`,
        `\`docker network inspect ${a.net}\` lists who is attached to it.`,
      ],
      solution: [`docker network connect ${a.net} ${a.db}`],
      wrongFixes: [[`docker restart ${a.app} ${a.db}`], [`docker network connect bridge ${a.app}`]],
      diagnosis: {
        prompt: 'Which layer was broken?',
        choices: layers('attach', `${a.db} was not on ${a.net}, so ${a.app} had neither a route to it nor an answer from the embedded DNS for its name.`),
      },
    };
  },
};

export const wrongPort: BreakFixLab = {
  id: 'wrong-port',
  title: 'The site is not reachable from the laptop',
  variants: 3,
  variant(n) {
    const s = pick(n, sites);
    const wrong = pick(n, [8080, 5000, 443], 1);
    return {
      symptom: `Opening \`http://node1:${s.port}/\` on the laptop fails. The \`${s.name}\` container is up.`,
      setup: [`docker run -d --name ${s.name} -p ${s.port}:${wrong} ${s.image}`],
      checks: [
        { kind: 'container-running', id: 'up', container: s.name },
        { kind: 'can-reach', id: 'laptop', from: { laptop: true }, to: 'node1', port: s.port, label: `the laptop connects to node1 on port ${s.port}` },
      ],
      hints: [
        `Reproduce it from node1 itself: \`curl -v localhost:${s.port}\`. Does the connection open, and what comes back?`,
        `\`docker port ${s.name}\` shows what the host port leads to; \`docker run --rm --net container:${s.name} nicolaka/netshoot ss -tlnp\` shows what the server really listens on.`,
        'Published ports cannot be changed on a running container.',
      ],
      solution: [`docker rm -f ${s.name}`, `docker run -d --name ${s.name} -p ${s.port}:80 ${s.image}`],
      wrongFixes: [[`iptables -I INPUT -p tcp --dport ${s.port} -j ACCEPT`], [`docker restart ${s.name}`]],
      diagnosis: {
        prompt: 'Which layer was broken?',
        choices: layers('ports', `Port ${s.port} led to container port ${wrong}, where nothing listens; ${s.image} serves on port 80.`),
      },
    };
  },
};

export const loopbackPublish: BreakFixLab = {
  id: 'loopback-publish',
  title: 'It works on the server, not for colleagues',
  variants: 3,
  variant(n) {
    const s = pick(n, sites);
    return {
      symptom: `\`curl localhost:${s.port}\` on node1 shows the page, but from the laptop \`http://node1:${s.port}/\` is refused.`,
      setup: [`docker run -d --name ${s.name} -p 127.0.0.1:${s.port}:80 ${s.image}`],
      checks: [
        { kind: 'can-reach', id: 'local', from: { host: 'node1' }, to: 'localhost', port: s.port, label: `node1 itself connects to localhost:${s.port}` },
        { kind: 'can-reach', id: 'laptop', from: { laptop: true }, to: 'node1', port: s.port, label: `the laptop connects to node1 on port ${s.port}` },
      ],
      hints: [
        '"Refused" means a host answered with a reset: look at what listens on node1 with `ss -tlnp`.',
        `Compare the address column of \`docker ps\` (or \`docker port ${s.name}\`) with the address the laptop uses.`,
      ],
      solution: [`docker rm -f ${s.name}`, `docker run -d --name ${s.name} -p ${s.port}:80 ${s.image}`],
      wrongFixes: [[`iptables -I INPUT -p tcp --dport ${s.port} -j ACCEPT`], [`docker restart ${s.name}`]],
      diagnosis: {
        prompt: 'Which layer was broken?',
        choices: layers('ports', `The port was published on 127.0.0.1 only, so only node1 itself could use it.`),
      },
    };
  },
};

export const dockerUser: BreakFixLab = {
  id: 'docker-user',
  title: 'The laptop times out',
  variants: 3,
  variant(n) {
    const s = pick(n, sites);
    const rule = pick(n, ['-p tcp --dport 80 -j DROP', '-i eth0 -p tcp --dport 80 -j DROP', '-s 192.168.1.0/24 -p tcp -j DROP'], 1);
    return {
      symptom: `From the laptop, \`http://node1:${s.port}/\` hangs until it times out. On node1, \`curl localhost:${s.port}\` works.`,
      setup: [`docker run -d --name ${s.name} -p ${s.port}:80 ${s.image}`, `iptables -I DOCKER-USER ${rule}`],
      checks: [
        { kind: 'container-running', id: 'up', container: s.name },
        { kind: 'can-reach', id: 'laptop', from: { laptop: true }, to: 'node1', port: s.port, label: `the laptop connects to node1 on port ${s.port}` },
      ],
      hints: [
        'A timeout (not a refusal) means packets vanish somewhere. Which tables does a packet for a published port cross on its way in?',
        '`iptables -L FORWARD -n -v --line-numbers` and the chains it jumps to; watch the packet counters while the laptop tries again.',
        'Rules are read from the top: the first one that matches decides.',
      ],
      solution: [`iptables -D DOCKER-USER ${rule}`],
      wrongFixes: [[`iptables -A DOCKER-USER -p tcp --dport 80 -j ACCEPT`], [`iptables -I INPUT -p tcp --dport ${s.port} -j ACCEPT`], [`docker restart ${s.name}`]],
      diagnosis: {
        prompt: 'Which layer was broken?',
        choices: layers('firewall', `A DROP rule in DOCKER-USER (\`${rule}\`) caught the forwarded traffic before Docker's own ACCEPT rules; local connections go through docker-proxy and never cross FORWARD.`),
      },
    };
  },
};

export const wrongDns: BreakFixLab = {
  id: 'wrong-dns',
  title: 'The app cannot reach an outside API',
  variants: 4,
  variant(n) {
    const a = pick(n, apps);
    const ext = pick(n, ['example.com', 'google.com', 'docker.com'], 1);
    const dns = pick(n, ['10.9.9.9', '192.168.1.53', '172.31.255.53'], 2);
    // Odd variants give the container its own --dns; even ones set it daemon-wide in daemon.json.
    const daemonWide = n % 2 === 0;
    const run = `docker run -dit --name ${a.app} --network ${a.net} alpine`;
    return {
      symptom: `\`${a.app}\` reaches \`${a.db}\` fine, but every call to \`http://${ext}/\` fails after a pause.`,
      setup: [
        ...(daemonWide ? [`echo '{"dns": ["${dns}"]}' > /etc/docker/daemon.json`, 'systemctl restart docker'] : []),
        `docker network create ${a.net}`,
        `docker run -d --name ${a.db} --network ${a.net} ${a.image}`,
        daemonWide ? run : run.replace(' alpine', ` --dns ${dns} alpine`),
      ],
      checks: [
        { kind: 'can-reach', id: 'db', from: { container: a.app }, to: a.db, port: a.port, label: `${a.app} still connects to ${a.db} by name` },
        { kind: 'can-reach', id: 'ext', from: { container: a.app }, to: ext, port: 80, label: `${a.app} connects to ${ext} on port 80` },
      ],
      hints: [
        `Separate names from the network: does \`docker exec ${a.app} ping -c1 8.8.8.8\` work where \`docker exec ${a.app} ping -c1 ${ext}\` does not?`,
        `\`docker exec ${a.app} cat /etc/resolv.conf\`: the comments say which servers the embedded DNS forwards to.`,
        `Where did that server come from? \`docker inspect -f '{{.HostConfig.Dns}}' ${a.app}\` lists the container's own; an empty list means the daemon's defaults.`,
      ],
      solution: daemonWide
        ? ["echo '{}' > /etc/docker/daemon.json", 'systemctl restart docker', `docker start ${a.db} ${a.app}`]
        : [`docker rm -f ${a.app}`, run],
      wrongFixes: [
        [`docker restart ${a.app}`],
        [`docker exec ${a.app} sh -c 'echo nameserver 8.8.8.8 > /etc/resolv.conf'`],
        ...(daemonWide ? [[`docker rm -f ${a.app}`, run], ["echo '{}' > /etc/docker/daemon.json"]] : []),
      ],
      diagnosis: {
        prompt: 'Which layer was broken?',
        choices: layers('dns', daemonWide
          ? `daemon.json set \`"dns": ["${dns}"]\`, a server that does not answer, for every container without its own --dns: the embedded DNS still answers container names but forwards every other name there.`
          : `The container was started with \`--dns ${dns}\`, a server that does not answer: the embedded DNS still answers container names but forwards every other name there.`),
      },
    };
  },
};

const daemonSettings = [
  { key: 'bip', good: '{"bip": "10.66.0.1/24"}', text: '"bip"' },
  { key: 'dns', good: '{"dns": ["192.168.1.1"]}', text: '"dns"' },
  { key: 'bip', good: '{"bip": "172.30.0.1/24"}', text: '"bip"' },
];

/** Three ways people break JSON: a trailing comma, an unquoted key, a missing closing brace. */
function typo(good: string, n: number): string {
  const kind = n % 3;
  if (kind === 1) return good.replace(/}$/, ',}');
  if (kind === 2) return good.replace(/"(\w+)":/, '$1:');
  return good.replace(/}$/, '');
}

export const daemonJson: BreakFixLab = {
  id: 'daemon-json',
  title: 'Nothing runs after maintenance',
  variants: 3,
  variant(n) {
    const s = pick(n, sites);
    const d = pick(n, daemonSettings, 1);
    const broken = typo(d.good, n);
    return {
      symptom: `After a colleague "tuned the Docker settings" and restarted Docker, \`http://node1:${s.port}/\` is down and \`docker ps\` answers with an error. The new setting (${d.key}) must stay.`,
      setup: [
        `docker run -d --name ${s.name} -p ${s.port}:80 ${s.image}`,
        `echo '${broken}' > /etc/docker/daemon.json`,
        'systemctl restart docker || true',
      ],
      checks: [
        { kind: 'file-contains', id: 'setting', where: { host: 'node1' }, path: '/etc/docker/daemon.json', text: d.text, label: `daemon.json keeps the ${d.key} setting` },
        { kind: 'container-running', id: 'up', container: s.name },
        { kind: 'can-reach', id: 'laptop', from: { laptop: true }, to: 'node1', port: s.port, label: `the laptop connects to node1 on port ${s.port}` },
      ],
      hints: [
        'When the docker CLI cannot talk to the daemon, ask systemd: `systemctl status docker`.',
        '`journalctl -u docker` shows the daemon\'s last words before it gave up.',
        'Once the daemon runs again, look at `docker ps -a`: does a container come back on its own without a restart policy?',
      ],
      solution: [`echo '${d.good}' > /etc/docker/daemon.json`, 'systemctl restart docker', `docker start ${s.name}`],
      wrongFixes: [['systemctl restart docker'], ['systemctl start docker', `docker start ${s.name}`], ['rm /etc/docker/daemon.json', 'systemctl restart docker', `docker start ${s.name}`]],
      diagnosis: {
        prompt: 'Which layer was broken?',
        choices: layers('daemon', 'dockerd refused to start: /etc/docker/daemon.json was not valid JSON. Its containers stay stopped until started again (no restart policy).'),
      },
    };
  },
};

export const internalNet: BreakFixLab = {
  id: 'internal-net',
  title: 'No downloads from the internet',
  variants: 3,
  variant(n) {
    const a = pick(n, apps);
    const subnet = pick(n, subnets, 2);
    const ext = pick(n, ['example.com', 'docker.com', 'google.com']);
    return {
      symptom: `\`${a.app}\` talks to \`${a.db}\` fine, but it cannot fetch anything from \`${ext}\`.`,
      setup: [
        `docker network create --internal --subnet ${subnet} ${a.net}`,
        `docker run -d --name ${a.db} --network ${a.net} ${a.image}`,
        `docker run -dit --name ${a.app} --network ${a.net} alpine`,
      ],
      checks: [
        { kind: 'can-reach', id: 'db', from: { container: a.app }, to: a.db, port: a.port, label: `${a.app} still connects to ${a.db} by name` },
        { kind: 'can-reach', id: 'ext', from: { container: a.app }, to: ext, port: 80, label: `${a.app} connects to ${ext} on port 80` },
      ],
      hints: [
        `From inside: \`docker exec ${a.app} ip route\`. Where would a packet for the internet go?`,
        `\`docker network inspect ${a.net}\` shows how the network was created.`,
        'A container can be on several networks at once.',
      ],
      solution: [`docker network connect bridge ${a.app}`],
      wrongFixes: [
        [`docker rm -f ${a.app}`, `docker run -dit --name ${a.app} --network ${a.net} --dns 8.8.8.8 alpine`],
        [`iptables -t nat -A POSTROUTING -s ${subnet} -j MASQUERADE`],
      ],
      diagnosis: {
        prompt: 'Which layer was broken?',
        choices: layers('internal', `${a.net} was created with --internal: no default route out, so neither the internet nor its DNS servers could be reached.`),
      },
    };
  },
};

export const loopbackBind: BreakFixLab = {
  id: 'loopback-bind',
  title: 'Same network, still refused',
  variants: 3,
  variant(n) {
    const a = pick(n, [
      { api: 'api', web: 'web', net: 'appnet', port: 8000 },
      { api: 'files', web: 'portal', net: 'internal', port: 8080 },
      { api: 'reports', web: 'dashboard', net: 'backend', port: 9000 },
    ]);
    const bind = pick(n, ['--bind 127.0.0.1', '-b 127.0.0.1'], 1);
    return {
      symptom: `\`${a.web}\` and \`${a.api}\` are on the same network, \`${a.web}\` resolves \`${a.api}\`, yet \`http://${a.api}:${a.port}/\` is refused.`,
      setup: [
        `docker network create ${a.net}`,
        `docker run -d --name ${a.api} --network ${a.net} python python -m http.server ${a.port} ${bind}`,
        `docker run -dit --name ${a.web} --network ${a.net} alpine`,
      ],
      checks: [
        { kind: 'container-running', id: 'up', container: a.api },
        { kind: 'can-reach', id: 'reach', from: { container: a.web }, to: a.api, port: a.port, label: `${a.web} connects to ${a.api} on port ${a.port}` },
      ],
      hints: [
        `"Refused" means ${a.api}'s kernel answered: the network path works. What listens in ${a.api}'s namespace?`,
        `The python image has no \`ss\`: borrow a toolbox that shares its namespace, \`docker run --rm --net container:${a.api} nicolaka/netshoot ss -tlnp\`.`,
        `\`docker inspect -f '{{.Config.Cmd}}' ${a.api}\` shows how the server was started.`,
      ],
      solution: [`docker rm -f ${a.api}`, `docker run -d --name ${a.api} --network ${a.net} python python -m http.server ${a.port}`],
      wrongFixes: [
        [`docker rm -f ${a.api}`, `docker run -d --name ${a.api} --network ${a.net} -p ${a.port}:${a.port} python python -m http.server ${a.port} ${bind}`],
        [`docker network connect bridge ${a.api}`, `docker network connect bridge ${a.web}`],
      ],
      diagnosis: {
        prompt: 'Which layer was broken?',
        choices: layers('app', `The server was started with \`${bind}\`: its socket accepted connections from its own namespace only.`),
      },
    };
  },
};
