/**
 * Swarm services on the network, on a three-host lab: service discovery
 * (VIP, tasks.<name>, dnsrr, network inspect --verbose); VIP load balancing
 * through IPVS in the network's load-balancer sandbox (whoami shows which
 * task answered); the routing mesh on a node without a task and from the
 * laptop; host-mode publishing; what service rm takes away; service logs.
 */
import { describe, expect, it } from 'vitest';
import { sh } from './docker-helpers';
import { hostnameOf, ok, psRows, swarm3, webLab } from './helpers/swarm-services';

describe('service discovery and VIP load balancing', () => {
  it('the service name resolves to its VIP, tasks.<name> to every task', async () => {
    const lab = await webLab();
    expect(await ok(lab, 'docker exec client dig +short web')).toBe('10.0.1.2\n');
    const tasks = (await ok(lab, 'docker exec client dig +short tasks.web')).trim().split('\n').sort();
    const ips = ['node1', 'node2', 'node3'].flatMap((h) => lab.query.containers(h).filter((c) => c.name.startsWith('web.'))).map((c) => c.endpoints.find((e) => e.network === 'appnet')!.ip).sort();
    expect(tasks).toEqual(ips);
    expect(tasks).toHaveLength(3);
  });

  it('network inspect --verbose lists the services this node knows on the network, with VIP, LB index and tasks', async () => {
    const lab = await webLab();
    const services = JSON.parse(await ok(lab, 'ssh node3 docker network inspect --verbose appnet'))[0].Services;
    const tasks = ['node1', 'node2', 'node3'].flatMap((h) => lab.query.containers(h)).filter((c) => c.name.startsWith('web.'));
    expect(Object.keys(services)).toEqual(['web']);
    expect(services.web).toMatchObject({ VIP: '10.0.1.2', Ports: [], LocalLBIndex: 256 });
    expect(services.web.Tasks.map((t: { Name: string }) => t.Name)).toEqual(tasks.map((c) => c.name).sort());
    expect(services.web.Tasks.map((t: { Info: Record<string, string> }) => t.Info['Host IP']).sort()).toEqual(['192.168.1.11', '192.168.1.12', '192.168.1.13']);
    const ingress = JSON.parse(await ok(lab, 'docker network inspect -v -f "{{json .Services}}" ingress'));
    expect(ingress.web.Ports).toEqual(['Target: 80, Publish: 8080']);
    expect(JSON.parse(await ok(lab, 'docker network inspect appnet'))[0].Services).toBeUndefined();
  });

  it('network aliases answer as the service name does, tasks.<alias> too', async () => {
    const lab = await swarm3();
    await ok(lab, 'docker service create -d --name web --replicas 2 --network name=appnet,alias=api traefik/whoami');
    await ok(lab, 'docker run -d --name client --network appnet nicolaka/netshoot sleep 1d');
    expect(await ok(lab, 'docker exec client dig +short api')).toBe(await ok(lab, 'docker exec client dig +short web'));
    expect((await ok(lab, 'docker exec client dig +short tasks.api')).trim().split('\n')).toHaveLength(2);
    expect(hostnameOf(await ok(lab, 'docker exec client curl -s api'))).toMatch(/^[0-9a-f]{12}$/);
    const net = (await ok(lab, 'docker network inspect -f {{.Id}} appnet')).trim();
    expect(JSON.parse(await ok(lab, 'docker service inspect -f "{{json .Spec.TaskTemplate.Networks}}" web'))).toEqual([{ Target: net, Aliases: ['api'] }]);
  });

  it('with --endpoint-mode dnsrr the name gives the task addresses and there is no VIP', async () => {
    const lab = await swarm3();
    await ok(lab, 'docker service create -d --name db --replicas 2 --network appnet --endpoint-mode dnsrr nginx');
    await ok(lab, 'docker run -d --name client --network appnet nicolaka/netshoot sleep 1d');
    const names = (await ok(lab, 'docker exec client dig +short db')).trim().split('\n').sort();
    expect(names).toEqual((await ok(lab, 'docker exec client dig +short tasks.db')).trim().split('\n').sort());
    expect(names).toHaveLength(2);
    expect(JSON.parse(await ok(lab, 'docker service inspect db'))[0].Endpoint.VirtualIPs).toBeUndefined();
    expect((await sh(lab, 'docker service create -d --endpoint-mode dnsrr -p 9000:80 nginx')).err).toBe(
      "Error response from daemon: rpc error: code = InvalidArgument desc = EndpointSpec: port published with ingress mode can't be used with dnsrr mode\n",
    );
  });

  it('successive requests to the VIP reach the tasks in turn (IPVS round robin), seen from the node\'s LB address', async () => {
    const lab = await webLab();
    const bodies: string[] = [];
    for (let i = 0; i < 4; i++) bodies.push(await ok(lab, 'docker exec client curl -s web'));
    const hosts = bodies.map(hostnameOf);
    expect(new Set(hosts.slice(0, 3)).size).toBe(3);
    expect(hosts[3]).toBe(hosts[0]);
    const taskHosts = ['node1', 'node2', 'node3'].flatMap((h) => lab.query.containers(h)).filter((c) => c.name.startsWith('web.')).map((c) => c.id.slice(0, 12));
    expect([...hosts.slice(0, 3)].sort()).toEqual([...taskHosts].sort());
    // The LB sandbox SNATs to its own address on appnet (node1's lb-appnet endpoint).
    const lb = JSON.parse(await ok(lab, 'docker network inspect appnet'))[0].Containers['lb-appnet'];
    expect(lb.Name).toBe('appnet-endpoint');
    for (const b of bodies) expect(b).toMatch(new RegExp(`\\nRemoteAddr: ${lb.IPv4Address.split('/')[0].replace(/\./g, '\\.')}:\\d+\\nGET / HTTP/1\\.1\\r\\nHost: web\\r\\nUser-Agent: curl/[\\d.]+\\r\\nAccept: \\*/\\*\\r\\n\\r\\n$`));
    expect(bodies[0]).toMatch(/^Hostname: [0-9a-f]{12}\nIP: 127\.0\.0\.1\nIP: 10\.0\.0\.\d+\nIP: 10\.0\.1\.\d+\nIP: 172\.18\.0\.\d+\n/);
    // whoami's other routes: /bench answers 1, /health an empty 200.
    expect(await ok(lab, 'docker exec client curl -s web/bench')).toBe('1');
    expect(await ok(lab, 'docker exec client curl -s -o /dev/null -w %{http_code}:%{size_download} web/health')).toBe('200:0');
  });

  it('a standalone container on a node without tasks reaches the VIP through that node\'s new load balancer', async () => {
    const lab = await swarm3();
    await ok(lab, 'docker service create -d --name web --replicas 2 --network appnet --constraint node.hostname!=node3 traefik/whoami');
    await ok(lab, 'ssh node3 docker run -d --name c3 --network appnet nicolaka/netshoot sleep 1d');
    const seen = new Set<string>();
    for (let i = 0; i < 2; i++) seen.add(hostnameOf(await ok(lab, 'ssh node3 docker exec c3 curl -s web')));
    expect(seen.size).toBe(2);
    expect(await ok(lab, 'ssh node3 docker exec c3 ping -c 1 web')).toContain('1 received');
  });

  it('an exercise probe does not move the round robin; a removed task leaves the rotation', async () => {
    const lab = await webLab();
    const first = hostnameOf(await ok(lab, 'docker exec client curl -s web'));
    expect(lab.query.canReach({ container: 'client' }, 'web', 80).ok).toBe(true);
    const second = hostnameOf(await ok(lab, 'docker exec client curl -s web'));
    expect(second).not.toBe(first);
    await ok(lab, 'docker service scale -d web=1');
    const seen = new Set<string>();
    for (let i = 0; i < 3; i++) seen.add(hostnameOf(await ok(lab, 'docker exec client curl -s web')));
    expect(seen.size).toBe(1);
  });
});

describe('publishing', () => {
  it('the routing mesh answers on a node without a task, and from the laptop', async () => {
    const lab = await swarm3();
    await ok(lab, 'docker service create -d --name web --constraint node.hostname==node1 -p 8080:80 traefik/whoami');
    expect(await ok(lab, 'ssh node3 docker ps -q')).toBe('');
    const task = lab.query.containers('node1').find((c) => c.name.startsWith('web.1.'))!;
    const fromNode3 = await ok(lab, 'ssh node3 curl -s 192.168.1.13:8080');
    expect(hostnameOf(fromNode3)).toBe(task.id.slice(0, 12));
    const fromLaptop = await ok(lab, 'ssh laptop curl -s 192.168.1.12:8080');
    expect(hostnameOf(fromLaptop)).toBe(task.id.slice(0, 12));
    // The task sees node2's ingress sandbox as the client.
    const sbox = JSON.parse(await ok(lab, 'ssh node2 docker network inspect ingress'))[0].Containers['ingress-sbox'].IPv4Address.split('/')[0];
    expect(fromLaptop).toContain(`\nRemoteAddr: ${sbox}:`);
    expect(await ok(lab, 'ssh node3 iptables -t nat -S DOCKER-INGRESS')).toBe(
      '-N DOCKER-INGRESS\n-A DOCKER-INGRESS -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.18.0.2:8080\n-A DOCKER-INGRESS -j RETURN\n',
    );
    expect(await ok(lab, 'ssh node3 iptables -S FORWARD')).toBe('-P FORWARD DROP\n-A FORWARD -j DOCKER-USER\n-A FORWARD -j DOCKER-INGRESS\n-A FORWARD -j DOCKER-FORWARD\n');
    expect(hostnameOf(await ok(lab, 'curl -s 192.168.1.11:8080'))).toBe(task.id.slice(0, 12));
  });

  it('the mesh keeps answering on a node whose only task was replaced', async () => {
    const lab = await swarm3();
    await ok(lab, 'docker service create -d --name web --constraint node.hostname==node1 -p 8080:80 traefik/whoami');
    const before = hostnameOf(await ok(lab, 'ssh laptop curl -s 192.168.1.11:8080'));
    await ok(lab, 'docker service update -d --force web');
    const after = hostnameOf(await ok(lab, 'ssh laptop curl -s 192.168.1.11:8080'));
    expect(after).not.toBe(before);
    await ok(lab, 'docker rm -f $(docker ps -q --filter name=web.1.)');
    expect(hostnameOf(await ok(lab, 'ssh laptop curl -s 192.168.1.11:8080'))).not.toBe(after);
    await ok(lab, 'docker service scale -d web=0');
    expect((await sh(lab, 'ssh laptop curl -s -m 1 192.168.1.11:8080')).code).not.toBe(0);
    await ok(lab, 'docker service scale -d web=1');
    expect(hostnameOf(await ok(lab, 'ssh laptop curl -s 192.168.1.11:8080'))).toMatch(/^[0-9a-f]{12}$/);
  });

  it('the load balancers mark what IPVS takes in mangle, as Docker does: published ports at PREROUTING, VIPs at INPUT', async () => {
    const lab = await webLab();
    const priv = 'docker run --rm --privileged -v /var/run/docker/netns:/var/run/docker/netns nicolaka/netshoot nsenter --net=/var/run/docker/netns/';
    const vips = JSON.parse(await ok(lab, 'docker service inspect -f "{{json .Endpoint.VirtualIPs}}" web')).map((v: { Addr: string }) => v.Addr.split('/')[0]);
    const marks = '-P PREROUTING ACCEPT\n-P INPUT ACCEPT\n-P FORWARD ACCEPT\n-P OUTPUT ACCEPT\n-P POSTROUTING ACCEPT\n';
    expect(await ok(lab, `${priv}ingress_sbox iptables -t mangle -S`)).toBe(
      `${marks}-A PREROUTING -p tcp -m tcp --dport 8080 -j MARK --set-xmark 0x100/0xffffffff\n-A INPUT -d ${vips[0]}/32 -j MARK --set-xmark 0x100/0xffffffff\n`,
    );
    const net = (await ok(lab, 'docker network inspect -f {{.Id}} appnet')).trim();
    expect(await ok(lab, `${priv}lb_${net.slice(0, 9)} iptables -t mangle -S INPUT`)).toBe(`-P INPUT ACCEPT\n-A INPUT -d ${vips[1]}/32 -j MARK --set-xmark 0x100/0xffffffff\n`);
    // What IPVS took leaves with the sandbox's own address (the ipvs match).
    const lbIp = JSON.parse(await ok(lab, 'docker network inspect appnet'))[0].Containers['lb-appnet'].IPv4Address.split('/')[0];
    expect(await ok(lab, `${priv}lb_${net.slice(0, 9)} iptables -t nat -S POSTROUTING`)).toBe(`-P POSTROUTING ACCEPT\n-A POSTROUTING -d 10.0.1.0/24 -m ipvs --ipvs -j SNAT --to-source ${lbIp}\n`);
    await ok(lab, 'ssh laptop curl -s 192.168.1.11:8080');
    expect(await ok(lab, `${priv}ingress_sbox iptables -t mangle -nvL PREROUTING`)).toMatch(/\n +[1-9]\d* +\d+ MARK +6 +-- +\* +\* +0\.0\.0\.0\/0 +0\.0\.0\.0\/0 +tcp dpt:8080 MARK set 0x100\n$/);
    // Without the mark IPVS takes nothing: the request is refused by the sandbox itself.
    await ok(lab, `${priv}ingress_sbox iptables -t mangle -F PREROUTING`);
    expect((await sh(lab, 'ssh laptop curl -s -m 1 192.168.1.11:8080')).code).not.toBe(0);
  });

  it('--hostname placeholders name each task after its node: whoami tells which node answered', async () => {
    const lab = await swarm3();
    await ok(lab, 'docker service create -d --name web --replicas 3 --hostname "{{.Node.Hostname}}-{{.Service.Name}}" -e SLOT={{.Task.Slot}} -p 8080:80 traefik/whoami');
    const seen = new Set<string>();
    for (let i = 0; i < 3; i++) seen.add(hostnameOf(await ok(lab, 'ssh laptop curl -s 192.168.1.11:8080')));
    expect([...seen].sort()).toEqual(['node1-web', 'node2-web', 'node3-web']);
    const id = (await ok(lab, 'ssh node2 docker ps -q')).trim();
    expect(JSON.parse(await ok(lab, `ssh node2 docker inspect ${id}`))[0].Config.Env).toContain('SLOT=2');
    expect(JSON.parse(await ok(lab, 'docker service inspect web'))[0].Spec.TaskTemplate.ContainerSpec.Hostname).toBe('{{.Node.Hostname}}-{{.Service.Name}}');
  });

  it('the mesh answers again on a node whose daemon restarted (DOCKER-INGRESS back ahead of Docker\'s bridge rules)', async () => {
    const lab = await swarm3();
    await ok(lab, 'docker service create -d --name web --replicas 2 --constraint node.hostname!=node3 -p 8080:80 traefik/whoami');
    await ok(lab, 'ssh node3 systemctl restart docker');
    expect(await ok(lab, 'ssh node3 iptables -S FORWARD')).toBe('-P FORWARD DROP\n-A FORWARD -j DOCKER-USER\n-A FORWARD -j DOCKER-INGRESS\n-A FORWARD -j DOCKER-FORWARD\n');
    expect(await ok(lab, 'ssh laptop curl -s -o /dev/null -w %{http_code} 192.168.1.13:8080')).toBe('200');
  });

  it('a firewall on the task\'s node dropping 4789 breaks the mesh from other nodes only', async () => {
    const lab = await swarm3();
    await ok(lab, 'docker service create -d --name web --constraint node.hostname==node1 -p 8080:80 traefik/whoami');
    await ok(lab, 'iptables -I INPUT -p udp --dport 4789 -j DROP');
    expect((await sh(lab, 'ssh laptop curl -s -m 2 192.168.1.13:8080')).code).not.toBe(0);
    expect(hostnameOf(await ok(lab, 'ssh laptop curl -s 192.168.1.11:8080'))).toMatch(/^[0-9a-f]{12}$/);
  });

  it('mode=host publishes only on the nodes running a task', async () => {
    const lab = await swarm3();
    await ok(lab, 'docker service create -d --name edge --constraint node.hostname==node2 --publish published=8081,target=80,mode=host traefik/whoami');
    const row = psRows(await ok(lab, 'docker service ps edge'))[0];
    expect(row[row.length - 1]).toBe('*:8081->80/tcp');
    expect(await ok(lab, 'docker service ls --format "{{.Ports}}|"')).toBe('|\n');
    expect(hostnameOf(await ok(lab, 'ssh laptop curl -s 192.168.1.12:8081'))).toMatch(/^[0-9a-f]{12}$/);
    const elsewhere = await sh(lab, 'ssh laptop curl -s 192.168.1.13:8081');
    expect(elsewhere.code).toBe(7);
    expect(await ok(lab, 'ssh node3 iptables -t nat -S')).not.toContain('8081');
    // Without a published port the node picks one, and the task's PORTS says which.
    await ok(lab, 'docker service create -d --name any --constraint node.hostname==node3 --publish target=80,mode=host traefik/whoami');
    expect(await ok(lab, 'docker service ps --format {{.Ports}} any')).toBe('*:32768->80/tcp\n');
    expect(hostnameOf(await ok(lab, 'ssh laptop curl -s 192.168.1.13:32768'))).toMatch(/^[0-9a-f]{12}$/);
  });

  it('service rm takes the tasks, the VIPs and the mesh rules away', async () => {
    const lab = await webLab();
    expect(await ok(lab, 'docker service rm web')).toBe('web\n');
    expect(await ok(lab, 'docker service ls -q')).toBe('');
    expect(await ok(lab, 'ssh node2 docker ps -a -q')).toBe('');
    expect(await ok(lab, 'ssh node2 iptables -t nat -S DOCKER-INGRESS')).toBe('-N DOCKER-INGRESS\n-A DOCKER-INGRESS -j RETURN\n');
    expect((await sh(lab, 'docker exec client dig +short web')).out).toBe('');
    expect((await sh(lab, 'ssh laptop curl -s 192.168.1.12:8080')).code).toBe(7);
  });

  it('host-mode ports: one task per node, more stay pending; an ingress port may not reuse one', async () => {
    const lab = await swarm3();
    await ok(lab, 'docker service create -d --name edge --replicas 4 --publish published=8081,target=80,mode=host traefik/whoami');
    expect((await ok(lab, 'docker service ps --no-trunc --format "{{.Name}}|{{.Node}}|{{.Error}}" edge')).trimEnd().split('\n')).toEqual([
      'edge.1|node1|', 'edge.2|node2|', 'edge.3|node3|', 'edge.4||"no suitable node (host-mode port already in use on 3 nodes)"',
    ]);
    const id = (await ok(lab, 'docker service inspect -f {{.ID}} edge')).trim();
    expect((await sh(lab, 'docker service create -d -p 8081:80 nginx')).err).toBe(
      `Error response from daemon: rpc error: code = InvalidArgument desc = port '8081' is already in use by service 'edge' (${id}) as a host-published port\n`,
    );
    await ok(lab, 'docker node update --availability drain node3');
    await ok(lab, 'docker service create -d --name pinned --constraint node.hostname==node3 nginx');
    expect(await ok(lab, 'docker service ps --no-trunc --format {{.Error}} pinned')).toBe(
      '"no suitable node (scheduling constraints not satisfied on 2 nodes; 1 node not available for new tasks)"\n',
    );
  });

  it('service rm empties the load balancers: no IPVS service, no VIP alias, no names', async () => {
    const lab = await webLab();
    const net = (await ok(lab, 'docker network inspect -f {{.Id}} appnet')).trim();
    const priv = 'docker run --rm --privileged -v /var/run/docker/netns:/var/run/docker/netns nicolaka/netshoot nsenter --net=/var/run/docker/netns/';
    const lbIpvs = `${priv}lb_${net.slice(0, 9)} ipvsadm -Ln`;
    const meshIpvs = `${priv}ingress_sbox ipvsadm -Ln`;
    expect(await ok(lab, lbIpvs)).toContain('FWM  256 rr');
    expect(await ok(lab, meshIpvs)).toContain('FWM  256 rr');
    expect(await ok(lab, `${priv}lb_${net.slice(0, 9)} ip -4 -o addr show eth0`)).toContain('10.0.1.2/32');
    await ok(lab, 'docker service rm web');
    const header = 'IP Virtual Server version 1.2.1 (size=4096)\nProt LocalAddress:Port Scheduler Flags\n  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n';
    expect(await ok(lab, lbIpvs)).toBe(header);
    expect(await ok(lab, meshIpvs)).toBe(header);
    expect(await ok(lab, `${priv}lb_${net.slice(0, 9)} ip -4 -o addr show eth0`)).not.toContain('/32');
    expect((await sh(lab, 'docker exec client dig +short tasks.web')).out).toBe('');
    // A new service takes the next address (libnetwork allocates serially), and its name answers it.
    await ok(lab, 'docker service create -d --name api --network appnet nginx');
    const vip = (await ok(lab, 'docker service inspect -f "{{range .Endpoint.VirtualIPs}}{{.Addr}}{{end}}" api')).trim().split('/')[0];
    expect(await ok(lab, 'docker exec client dig +short api')).toBe(`${vip}\n`);
    expect(await ok(lab, lbIpvs)).toMatch(/^(.*\n){3}FWM  257 rr\n {2}-> 10\.0\.1\.\d+:0 /);
  });

  it('the ingress network can be replaced (Docker\'s "customize the ingress network"): confirm, remove, create --ingress', async () => {
    const lab = await swarm3();
    const old = (await ok(lab, 'docker network inspect -f {{.Id}} ingress')).trim();
    expect((await sh(lab, 'docker network create -d overlay --ingress --subnet 10.11.0.0/16 --gateway 10.11.0.2 my-ingress')).err).toBe(
      `Error response from daemon: rpc error: code = AlreadyExists desc = ingress network (${old}) is already present\n`,
    );
    const warning = 'WARNING! Before removing the routing-mesh network, make sure all the nodes in your swarm run the same docker engine version. Otherwise, removal may not be effective and functionality of newly create ingress networks will be impaired.\nAre you sure you want to continue? [y/N] ';
    expect(await sh(lab, 'docker network rm ingress', { readLine: async () => 'n' })).toEqual({ out: warning, err: '', code: 0 });
    expect(await sh(lab, 'docker network rm ingress', { readLine: async () => 'y' })).toEqual({ out: `${warning}ingress\n`, err: '', code: 0 });
    expect((await sh(lab, 'docker network create -d overlay --ingress --attachable x-ingress')).err).toBe('Error response from daemon: rpc error: code = InvalidArgument desc = ingress network cannot be attachable\n');
    await ok(lab, 'docker network create -d overlay --ingress --subnet 10.11.0.0/16 --gateway 10.11.0.2 my-ingress');
    expect(await ok(lab, 'ssh node3 docker network inspect -f {{.Ingress}}-{{.Scope}} my-ingress')).toBe('true-swarm\n');
    await ok(lab, 'docker service create -d --name web --constraint node.hostname==node1 -p 8080:80 traefik/whoami');
    const answer = await ok(lab, 'ssh laptop curl -s 192.168.1.13:8080');
    expect(answer).toMatch(/\nIP: 10\.11\.\d+\.\d+\n/);
    expect(answer).toMatch(/\nRemoteAddr: 10\.11\.\d+\.\d+:\d+\n/);
  });

  it('a network a service uses cannot be removed; once the service is gone it can', async () => {
    const lab = await swarm3();
    await ok(lab, 'docker service create -d --name web --network appnet nginx');
    const [net, svc] = [(await ok(lab, 'docker network inspect -f {{.Id}} appnet')).trim(), (await ok(lab, 'docker service inspect -f {{.ID}} web')).trim()];
    expect((await sh(lab, 'docker network rm appnet')).err).toBe(`Error response from daemon: rpc error: code = FailedPrecondition desc = network ${net} is in use by service ${svc}\n`);
    await ok(lab, 'docker service rm web');
    expect(await ok(lab, 'docker network rm appnet')).toBe('appnet\n');
  });

  it('service logs prefixes each task\'s lines', async () => {
    const lab = await swarm3();
    await ok(lab, 'docker service create -d --name web --replicas 2 traefik/whoami');
    const lines = (await ok(lab, 'docker service logs web')).trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^web\.1\.[0-9a-z]{12}@node1 {4}\| Starting up on port 80$/);
    expect(lines[1]).toMatch(/^web\.2\.[0-9a-z]{12}@node2 {4}\| Starting up on port 80$/);
    // Slots line up: one more space for each digit a slot has fewer than the replica count.
    await ok(lab, 'docker service scale -d web=10');
    const padded = (await ok(lab, 'docker service logs --no-task-ids web')).trimEnd().split('\n');
    expect(padded.filter((l) => l.startsWith('web.1@') || l.startsWith('web.10@'))).toEqual(['web.1@node1     | Starting up on port 80', 'web.10@node1    | Starting up on port 80']);
    const taskId = psRows(await ok(lab, 'docker service ps web'))[1][0];
    expect(await ok(lab, `docker service logs ${taskId}`)).toMatch(new RegExp(`^web\\.2\\.${taskId}@node2    \\| Starting up on port 80\\n$`));
  });
});

describe('service logs', () => {
  it('-t, --tail per task, and -f with the requests another terminal sends through the mesh, until the service goes', async () => {
    const lab = await swarm3();
    await ok(lab, 'docker service create -d --name web --replicas 2 -p 8080:80 nginx');
    const startup = (await ok(lab, 'docker service logs --no-task-ids web')).trimEnd().split('\n');
    expect(startup.length).toBeGreaterThan(4);
    // --tail 1 is each task's last line, nginx's last startup notice on stderr (startup-logs.ts)
    expect((await ok(lab, 'docker service logs --no-task-ids --tail 1 web 2>&1')).trimEnd().split('\n').map((l) => l.split('    | ')[0]).sort()).toEqual(['web.1@node1', 'web.2@node2']);
    expect(await ok(lab, 'docker service logs -t --tail 1 web 2>&1')).toMatch(/^(2026-01-12T09:\d\d:\d\d\.\d{9}Z web\.\d\.[0-9a-z]{12}@node\d {4}\| .+\n){2}$/);
    let out = '';
    const abort = new AbortController();
    const following = lab.run('docker service logs -f --tail 0 --no-task-ids web', { stdout: (t) => (out += t), stderr: (t) => (out += t), signal: abort.signal });
    await new Promise((r) => setTimeout(r, 0));
    await ok(lab, 'ssh laptop curl -s 192.168.1.13:8080');
    await ok(lab, 'ssh laptop curl -s 192.168.1.13:8080/');
    await new Promise((r) => setTimeout(r, 0));
    abort.abort();
    expect(await following).toBe(130);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(l).toMatch(/^web\.\d@node\d {4}\| 10\.0\.0\.\d+ - - \[.*\] "GET \/ HTTP\/1\.1" 200 615 "-" "curl\/[\d.]+" "-"$/);
    // Round robin: the two requests reached both tasks.
    expect(lines.map((l) => l.split('@')[0]).sort()).toEqual(['web.1', 'web.2']);
    let ended = '';
    const untilRm = lab.run('docker service logs -f --tail 0 web', { stdout: (t) => (ended += t), stderr: () => {} });
    await new Promise((r) => setTimeout(r, 0));
    await ok(lab, 'docker service rm web');
    expect(await untilRm).toBe(0);
  });
});
