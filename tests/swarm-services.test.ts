/**
 * Swarm services as a student types them on a three-host lab: create with
 * Docker 28's converge progress, ls/ps/inspect/scale/update/rm, node ps,
 * deterministic spreading, rescheduling on drain, leave and a node going
 * Down, global mode, constraints, host-port scheduling; docker info's Swarm
 * section; determinism and snapshots. Service discovery, load balancing,
 * publishing and logs: swarm-services-network.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { createLab } from '../src/emulator/index';
import type { EmulatedLab } from '../src/emulator/lab';
import { sh } from './docker-helpers';
import { BAR, ID, hostnameOf, ok, psRows, swarm3, webLab } from './helpers/swarm-services';

describe('docker service create, ls, ps', () => {
  it('prints the ID and the converge progress, then lists the service and its tasks spread over the nodes', async () => {
    const lab = await swarm3();
    const out = await ok(lab, 'docker service create --name web --replicas 3 -p 8080:80 nginx');
    const id = out.split('\n')[0];
    expect(out).toMatch(new RegExp(
      `^(${ID})\\noverall progress: 3 out of 3 tasks \\n1/3: running   ${BAR} \\n2/3: running   ${BAR} \\n3/3: running   ${BAR} \\nverify: Service \\1 converged \\n$`,
    ));
    expect(await ok(lab, 'docker service ls')).toBe(
      'ID             NAME      MODE         REPLICAS   IMAGE          PORTS\n' +
      `${id.slice(0, 12)}   web       replicated   3/3        nginx:latest   *:8080->80/tcp\n`,
    );
    const ps = await ok(lab, 'docker service ps web');
    expect(ps.split('\n')[0]).toBe('ID             NAME      IMAGE          NODE      DESIRED STATE   CURRENT STATE           ERROR     PORTS');
    expect(psRows(ps).map((r) => [r[1], r[3], r[4], r[5]])).toEqual([
      ['web.1', 'node1', 'Running', 'Running 5 seconds ago'],
      ['web.2', 'node2', 'Running', 'Running 5 seconds ago'],
      ['web.3', 'node3', 'Running', 'Running 5 seconds ago'],
    ]);
    const taskId = psRows(ps)[1][0];
    expect(await ok(lab, 'ssh node2 docker ps --format {{.Names}}')).toMatch(new RegExp(`^web\\.2\\.${taskId}[0-9a-z]{13}\\n$`));
    expect(await ok(lab, 'docker service ls -q')).toBe(`${id}\n`.slice(0, 12) + '\n');
    // The executor's labels on the task's container; docker ps tells tasks apart.
    const labels = JSON.parse(await ok(lab, `ssh node2 docker inspect ${(await ok(lab, 'ssh node2 docker ps -q')).trim()}`))[0].Config.Labels;
    expect(labels).toEqual({
      'com.docker.swarm.node.id': expect.stringMatching(new RegExp(`^${ID}$`)), 'com.docker.swarm.service.id': id, 'com.docker.swarm.service.name': 'web',
      'com.docker.swarm.task': '', 'com.docker.swarm.task.id': expect.stringMatching(new RegExp(`^${taskId}`)), 'com.docker.swarm.task.name': expect.stringMatching(/^web\.2\./),
    });
    await ok(lab, 'ssh node2 docker run -d --name solo nginx');
    expect(await ok(lab, 'ssh node2 docker ps -f is-task=false --format {{.Names}}')).toBe('solo\n');
    expect(await ok(lab, 'ssh node2 docker ps -f is-task=true --format {{.Names}}')).toMatch(/^web\.2\.[0-9a-z]{25}\n$/);
  });

  it('ls folds consecutive mesh ports into ranges, tcp before udp, by published port', async () => {
    const lab = await swarm3();
    await ok(lab, 'docker service create -d --name a -p 8081:81 -p 8080:80 -p 53:53/udp -p 9000:80 --publish published=7100,target=80,mode=host nginx');
    await ok(lab, 'docker service create -d --name b -p 7000-7002:80-82 nginx');
    expect(await ok(lab, 'docker service ls --format "{{.Name}} {{.Ports}}"')).toBe('a *:8080-8081->80-81/tcp, *:9000->80/tcp, *:53->53/udp\nb *:7000-7002->80-82/tcp\n');
  });

  it('answers with Docker\'s errors', async () => {
    const lab = await swarm3();
    await ok(lab, 'docker service create -d --name web -p 8080:80 nginx');
    const worker = await sh(lab, 'ssh node2 docker service ls');
    expect(worker.code).toBe(1);
    expect(worker.err).toBe("Error response from daemon: This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state. Please run this command on a manager node or promote the current node to a manager.\n");
    const single = createLab({ seed: 1, hosts: 1 }) as EmulatedLab;
    expect((await sh(single, 'docker service create nginx')).err).toBe('Error response from daemon: This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.\n');
    expect((await sh(lab, 'docker service create -d --name web nginx')).err).toBe('Error response from daemon: rpc error: code = AlreadyExists desc = service web already exists\n');
    const id = (await ok(lab, 'docker service inspect -f "{{.ID}}" web')).trim();
    expect((await sh(lab, 'docker service create -d --name other -p 8080:80 httpd')).err).toBe(
      `Error response from daemon: rpc error: code = InvalidArgument desc = port '8080' is already in use by service 'web' (${id}) as an ingress port\n`,
    );
    expect((await sh(lab, 'docker service create -d --network bridge nginx')).err).toBe(
      'Error response from daemon: The network bridge cannot be used with services. Only networks scoped to the swarm can be used, such as those created with the overlay driver.\n',
    );
    expect((await sh(lab, 'docker service create -d --network nope nginx')).err).toBe('Error response from daemon: network nope not found\n');
    const inspect = await sh(lab, 'docker service inspect nope');
    expect([inspect.out, inspect.err, inspect.code]).toEqual(['[]\n', 'Error: no such service: nope\n', 1]);
    expect((await sh(lab, 'docker service ps nope')).err).toBe('no such service: nope\n');
    expect((await sh(lab, 'docker service rm nope')).err).toBe('Error response from daemon: service nope not found\n');
    expect((await sh(lab, 'docker service create -d --mode global --replicas 2 nginx')).err).toBe('replicas can only be used with replicated or replicated-job mode\n');
    expect((await sh(lab, 'docker service create -d --endpoint-mode rr nginx')).err).toBe('Error response from daemon: invalid resolution mode: "rr"\n');
    expect((await sh(lab, 'docker service update --endpoint-mode rr web')).err).toBe('Error response from daemon: invalid resolution mode: "rr"\n');
  });

  it('refuses malformed constraints as swarmkit does; an unknown key leaves the task pending', async () => {
    const lab = await swarm3();
    const err = async (line: string) => (await sh(lab, line)).err;
    expect(await err('docker service create -d --constraint node.hostname=node2 nginx')).toBe(
      'Error response from daemon: rpc error: code = InvalidArgument desc = constraint expected one operator from ==, !=\n',
    );
    expect(await err('docker service create -d --constraint 1node==a nginx')).toBe("Error response from daemon: rpc error: code = InvalidArgument desc = key '1node' is invalid\n");
    expect(await err('docker service create -d --constraint node.hostname== nginx')).toBe("Error response from daemon: rpc error: code = InvalidArgument desc = value '' is invalid\n");
    expect(await ok(lab, 'docker service ls -q')).toBe('');
    await ok(lab, 'docker service create -d --name odd --constraint node.foo==bar nginx');
    expect(await ok(lab, 'docker service ps --format "{{.CurrentState}}|{{.Error}}" odd')).toBe('Pending less than a second ago|"no suitable node (scheduling …"\n');
    const waiting = await ok(lab, 'docker service create --name waiting --constraint node.labels.zone==a nginx');
    expect(waiting.split('\n').slice(1).join('\n')).toMatch(new RegExp(
      '^overall progress: 0 out of 1 tasks \\n1/1: no suitable node \\(scheduling constraints not satisfied on 3 nodes\\) \\n' +
      `Operation continuing in background\\.\\nUse \`docker service ps ${ID}\` to check progress\\.\\n$`,
    ));
  });

  it('names what it cannot find, per command', async () => {
    const lab = await swarm3();
    const run = async (line: string) => {
      const r = await sh(lab, line);
      return [r.err, r.code];
    };
    expect(await run('docker service update --replicas 2 nope')).toEqual(['Error response from daemon: service nope not found\n', 1]);
    expect(await run('docker service scale nope=2')).toEqual(['nope: Error response from daemon: service nope not found\n', 1]);
    expect(await run('docker service logs nope')).toEqual(['no such task or service: nope\n', 1]);
    expect(await run('docker service scale web')).toEqual([
      "Invalid scale specifier 'web'.\nSee 'docker service scale --help'.\n\nUsage:  docker service scale SERVICE=REPLICAS [SERVICE=REPLICAS...]\n\nScale one or multiple replicated services\n", 1,
    ]);
  });

  it('inspect --pretty prints the CLI\'s template', async () => {
    const lab = await swarm3();
    await ok(lab, 'docker service create -d --name web --replicas 2 --network appnet --constraint node.role==worker -p 8080:80 nginx');
    const out = await ok(lab, 'docker service inspect --pretty web');
    const id = (await ok(lab, 'docker service inspect -f {{.ID}} web')).trim();
    const image = JSON.parse(await ok(lab, 'docker service inspect web'))[0].Spec.TaskTemplate.ContainerSpec.Image;
    expect(out).toBe([
      '', `ID:\t\t${id}`, 'Name:\t\tweb', 'Service Mode:\tReplicated', ' Replicas:\t2', 'Placement:', ' Constraints:\t[node.role==worker]',
      'UpdateConfig:', ' Parallelism:\t1', ' On failure:\tpause', ' Monitoring Period: 5s', ' Max failure ratio: 0', ' Update order:      stop-first',
      'RollbackConfig:', ' Parallelism:\t1', ' On failure:\tpause', ' Monitoring Period: 5s', ' Max failure ratio: 0', ' Rollback order:    stop-first',
      'ContainerSpec:', ` Image:\t\t${image}`, ' Init:\t\tfalse', 'Resources:', 'Networks: appnet ', 'Endpoint Mode:\tvip',
      'Ports:', ' PublishedPort = 8080', '  Protocol = tcp', '  TargetPort = 80', '  PublishMode = ingress ', '',
    ].join('\n'));
    expect(psRows(await ok(lab, 'docker service ps web')).map((r) => r[3])).toEqual(['node2', 'node3']);
  });

  it('inspect shows the spec, the published port and one VIP per network', async () => {
    const lab = await webLab();
    const doc = JSON.parse(await ok(lab, 'docker service inspect web'))[0];
    expect(doc.Spec).toMatchObject({ Name: 'web', Mode: { Replicated: { Replicas: 3 } }, EndpointSpec: { Mode: 'vip', Ports: [{ Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080, PublishMode: 'ingress' }] } });
    expect(doc.Spec.TaskTemplate.ContainerSpec.Image).toMatch(/^traefik\/whoami:latest@sha256:[0-9a-f]{64}$/);
    const ingress = (await ok(lab, 'docker network inspect -f "{{.Id}}" ingress')).trim();
    const appnet = (await ok(lab, 'docker network inspect -f "{{.Id}}" appnet')).trim();
    expect(doc.Endpoint.VirtualIPs).toEqual([{ NetworkID: ingress, Addr: '10.0.0.5/24' }, { NetworkID: appnet, Addr: '10.0.1.2/24' }]);
    expect(await ok(lab, 'docker service inspect -f "{{.Spec.Name}} {{len .Endpoint.VirtualIPs}}" web')).toBe('web 2\n');
  });
});

describe('scheduling', () => {
  it('scale spreads new tasks over the nodes with the fewest, and scaling down removes tasks and containers', async () => {
    const lab = await swarm3();
    await ok(lab, 'docker service create -d --name web --replicas 2 nginx');
    const up = await ok(lab, 'docker service scale web=5');
    expect(up).toMatch(new RegExp(`^web scaled to 5\\noverall progress: 5 out of 5 tasks \\n(\\d/5: running   ${BAR} \\n){5}verify: Service web converged \\n$`));
    expect(psRows(await ok(lab, 'docker service ps web')).map((r) => `${r[1]}@${r[3]}`)).toEqual(['web.1@node1', 'web.2@node2', 'web.3@node3', 'web.4@node1', 'web.5@node2']);
    expect(await ok(lab, 'docker service scale -d web=1')).toBe('web scaled to 1\n');
    expect(psRows(await ok(lab, 'docker service ps web')).map((r) => `${r[1]}@${r[3]}`)).toEqual(['web.1@node1']);
    expect(await ok(lab, 'ssh node2 docker ps -a -q')).toBe('');
    expect(await ok(lab, 'docker service ls --format "{{.Replicas}}"')).toBe('1/1\n');
  });

  it('a drained node hands its tasks over; the old ones stay as history', async () => {
    const lab = await swarm3();
    await ok(lab, 'docker service create -d --name web --replicas 3 nginx');
    expect(await ok(lab, 'docker node update --availability drain node2')).toBe('node2\n');
    const rows = psRows(await ok(lab, 'docker service ps web'));
    expect(rows.map((r) => [r[1], r[3], r[4], r[5].split(' ')[0]])).toEqual([
      ['web.1', 'node1', 'Running', 'Running'],
      ['web.2', 'node1', 'Running', 'Running'],
      ['\\_ web.2', 'node2', 'Shutdown', 'Shutdown'],
      ['web.3', 'node3', 'Running', 'Running'],
    ]);
    expect(await ok(lab, 'ssh node2 docker ps -q')).toBe('');
    // (ssh hands the words to the remote shell, which splits them again: no spaces in the template.)
    expect(await ok(lab, 'ssh node2 docker ps -a --format {{.Names}}:{{.State}}')).toMatch(/^web\.2\.[0-9a-z]{25}:exited\n$/);
    expect(psRows(await ok(lab, 'docker service ps -f desired-state=running web'))).toHaveLength(3);
    await ok(lab, 'docker node update --availability active node2');
    expect(psRows(await ok(lab, 'docker service ps -f desired-state=running web')).map((r) => r[3])).toEqual(['node1', 'node1', 'node3']);
  });

  it('node ps lists the tasks of a node (the current one by default); a slot keeps five tasks at most', async () => {
    const lab = await swarm3();
    await ok(lab, 'docker service create -d --name web --replicas 3 nginx');
    await ok(lab, 'docker service create -d --name api --replicas 2 httpd');
    expect(psRows(await ok(lab, 'docker node ps')).map((r) => `${r[1]}@${r[3]}`)).toEqual(['api.1@node1', 'web.1@node1']);
    expect(psRows(await ok(lab, 'docker node ps node2 node3')).map((r) => `${r[1]}@${r[3]}`)).toEqual(['api.2@node2', 'web.2@node2', 'web.3@node3']);
    expect((await sh(lab, 'ssh node2 docker node ps')).err).toContain('This node is not a swarm manager');
    const missing = await sh(lab, 'docker node ps nope');
    expect([missing.out, missing.err, missing.code]).toEqual(['', 'Error response from daemon: node nope not found\n', 1]);
    for (let i = 0; i < 6; i++) await ok(lab, 'docker service update -d --force web');
    const slot1 = psRows(await ok(lab, 'docker service ps web')).filter((r) => /web\.1$/.test(r[1]));
    expect(slot1.map((r) => r[4])).toEqual(['Running', 'Shutdown', 'Shutdown', 'Shutdown', 'Shutdown']);
    // The reaped tasks' containers went with them.
    let containers = 0;
    for (const node of ['node1', 'node2', 'node3']) containers += (await ok(lab, `ssh ${node} docker ps -a --filter name=web.1. -q`)).split('\n').filter(Boolean).length;
    expect(containers).toBe(5);
    expect(psRows(await ok(lab, 'docker node ps -f desired-state=running')).map((r) => r[1])).toEqual(['api.1', 'web.1']);
    // Filters: node (a hostname the daemon resolves), name and id prefixes; keys ANDed.
    expect(psRows(await ok(lab, 'docker service ps -f node=node3 -f desired-state=running web api')).map((r) => `${r[1]}@${r[3]}`)).toEqual(['web.3@node3']);
    expect(psRows(await ok(lab, 'docker service ps -f name=api.2 api')).map((r) => r[1])).toEqual(['api.2']);
    expect((await sh(lab, 'docker service ps -f node=node9 web')).err).toBe('Error response from daemon: node node9 not found\n');
    expect((await sh(lab, 'docker service ps -f color=red web')).err).toBe("Error response from daemon: invalid filter 'color'\n");
    // --no-resolve: IDs instead of the service's and the node's names.
    const svc = (await ok(lab, 'docker service inspect -f {{.ID}} api')).trim();
    const node2 = (await ok(lab, 'docker node inspect -f {{.ID}} node2')).trim();
    expect(await ok(lab, 'docker service ps --no-resolve -f name=api.2 --format "{{.Name}} {{.Node}}" api')).toBe(`${svc}.2 ${node2}\n`);
  });

  it('a node that leaves loses its tasks to the others', async () => {
    const lab = await swarm3();
    await ok(lab, 'docker service create -d --name web --replicas 3 nginx');
    await ok(lab, 'docker service update -d --force web');
    await ok(lab, 'ssh node3 docker run -d --name mine nginx');
    expect((await ok(lab, 'ssh node3 docker ps -a -q')).split('\n').filter(Boolean)).toHaveLength(3);
    await ok(lab, 'ssh node3 docker swarm leave');
    expect(psRows(await ok(lab, 'docker service ps -f desired-state=running web')).map((r) => `${r[1]}@${r[3]}`)).toEqual(['web.1@node1', 'web.2@node2', 'web.3@node1']);
    // Leave removes every container of the node's tasks, the old ones too; the others stay.
    expect(await ok(lab, 'ssh node3 docker ps -a --format {{.Names}}')).toBe('mine\n');
    // The managers keep the task as history, in the last state node3 reported.
    const old = psRows(await ok(lab, 'docker service ps web')).find((r) => r[3] === 'node3')!;
    expect([old[1], old[4], old[5].split(' ')[0]]).toEqual(['\\_ web.3', 'Shutdown', 'Running']);
    expect(await ok(lab, 'docker node ls --format "{{.Hostname}} {{.Status}}"')).toContain('node3 Down');
  });

  it('a node that goes Down (daemon stopped, or 2377 blocked) has its tasks replaced; back, it stops the old ones', async () => {
    const lab = await swarm3();
    await ok(lab, 'docker service create -d --name web --replicas 3 traefik/whoami');
    const placed = async () => psRows(await ok(lab, 'docker service ps web')).map((r) => `${r[1]}@${r[3]}:${r[4]}/${r[5].split(' ')[0]}`);
    await ok(lab, 'ssh node3 systemctl stop docker');
    expect(await ok(lab, 'docker node ls --format "{{.Hostname}}={{.Status}}"')).toBe('node1=Ready\nnode2=Ready\nnode3=Down\n');
    expect(await placed()).toEqual(['web.1@node1:Running/Running', 'web.2@node2:Running/Running', 'web.3@node1:Running/Running', '\\_ web.3@node3:Shutdown/Running']);
    await ok(lab, 'ssh node3 systemctl start docker');
    expect((await placed())[3]).toBe('\\_ web.3@node3:Shutdown/Shutdown');
    // Cut off from the leader, node2 goes Down; its task goes on running there until it hears back.
    await ok(lab, 'ssh node2 iptables -I OUTPUT -p tcp --dport 2377 -j DROP');
    expect(await placed()).toEqual([
      'web.1@node1:Running/Running', 'web.2@node3:Running/Running', '\\_ web.2@node2:Shutdown/Running', 'web.3@node1:Running/Running', '\\_ web.3@node3:Shutdown/Shutdown',
    ]);
    expect(await ok(lab, 'ssh node2 docker ps --format {{.Names}}')).toMatch(/^web\.2\./);
    await ok(lab, 'ssh node2 iptables -D OUTPUT -p tcp --dport 2377 -j DROP');
    expect((await placed())[2]).toBe('\\_ web.2@node2:Shutdown/Shutdown');
    expect(await ok(lab, 'ssh node2 docker ps -q')).toBe('');
  });

  it('a task whose container is removed or stopped on its node fails, and a replacement starts in its slot', async () => {
    const lab = await swarm3();
    await ok(lab, 'docker service create -d --name web --replicas 2 nginx');
    await ok(lab, 'docker rm -f $(docker ps -q --filter name=web.1.)');
    expect(await ok(lab, 'docker service ps --no-trunc --format "{{.Name}}|{{.Node}}|{{.DesiredState}}|{{.CurrentState}}|{{.Error}}" web')).toBe([
      'web.1|node1|Running|Running less than a second ago|',
      ' \\_ web.1|node1|Shutdown|Failed less than a second ago|"task: non-zero exit (137)"',
      'web.2|node2|Running|Running less than a second ago|', '',
    ].join('\n'));
    await ok(lab, 'ssh node2 docker stop $(docker ps -q --filter name=web.2.)'.replace('$(docker ps -q --filter name=web.2.)', (await ok(lab, 'ssh node2 docker ps -q')).trim()));
    const slot2 = psRows(await ok(lab, 'docker service ps web')).filter((r) => /web\.2$/.test(r[1]));
    expect(slot2.map((r) => `${r[4]}/${r[5].split(' ')[0]}`)).toEqual(['Running/Running', 'Shutdown/Complete']);
    expect(await ok(lab, 'docker service ls --format {{.Replicas}}')).toBe('2/2\n');
  });

  it('a manager restart replaces only its own tasks: with the leader down nothing is rescheduled', async () => {
    const lab = await swarm3();
    await ok(lab, 'docker service create -d --name web --replicas 3 traefik/whoami');
    const before = psRows(await ok(lab, 'docker service ps web')).map((r) => r[0]);
    await ok(lab, 'systemctl restart docker');
    const rows = psRows(await ok(lab, 'docker service ps web'));
    expect(rows.map((r) => `${r[1]}@${r[3]}:${r[5].split(' ')[0]}`)).toEqual(['web.1@node1:Running', '\\_ web.1@node1:Complete', 'web.2@node2:Running', 'web.3@node3:Running']);
    expect([rows[2][0], rows[3][0]]).toEqual([before[1], before[2]]);
  });

  it('with three managers, the leader going down hands the lead over and its tasks are rescheduled; back, it follows', async () => {
    const lab = await swarm3();
    await ok(lab, 'docker node promote node2 node3');
    await ok(lab, 'docker service create -d --name web --replicas 3 traefik/whoami');
    await ok(lab, 'systemctl stop docker');
    expect(await ok(lab, 'ssh node2 docker node ls --format {{.Hostname}}:{{.Status}}:{{.ManagerStatus}}')).toBe('node1:Down:Unreachable\nnode2:Ready:Leader\nnode3:Ready:Reachable\n');
    expect(psRows(await ok(lab, 'ssh node2 docker service ps -f desired-state=running web')).map((r) => r[3]).sort()).toEqual(['node2', 'node2', 'node3']);
    await ok(lab, 'systemctl start docker');
    expect(await ok(lab, 'docker node ls --format {{.Hostname}}:{{.Status}}:{{.ManagerStatus}}')).toBe('node1:Ready:Reachable\nnode2:Ready:Leader\nnode3:Ready:Reachable\n');
  });

  it('without quorum (one of two managers left) there is no leader and nothing moves', async () => {
    const lab = await swarm3();
    await ok(lab, 'docker node promote node2');
    await ok(lab, 'docker service create -d --name web --replicas 3 traefik/whoami');
    const before = await ok(lab, 'ssh node2 docker service ps -q web');
    await ok(lab, 'systemctl stop docker');
    // node2 alone is not a majority of two managers: no leader, so node1's task is not moved (still wanted on node1).
    expect(lab.query.services()[0].hosts.sort()).toEqual(['node1', 'node2', 'node3']);
    expect((await sh(lab, 'ssh node2 docker service ls')).err).toBe(
      "Error response from daemon: The swarm does not have a leader. It's possible that too few managers are online. Make sure more than half of the managers are online.\n",
    );
    await ok(lab, 'systemctl start docker');
    // node1 back: quorum again, node1 the first manager up becomes leader, and only its own task is replaced.
    const after = (await ok(lab, 'docker service ps -q -f desired-state=running web')).split('\n').filter(Boolean);
    expect(after).toHaveLength(3);
    expect(after.filter((id) => before.split('\n').includes(id))).toHaveLength(2);
  });

  it('global mode runs one task per active node; constraints pick the nodes', async () => {
    const lab = await swarm3();
    const out = await ok(lab, 'docker service create --name agent --mode global alpine sleep 1d');
    expect(out).toMatch(new RegExp(`^${ID}\\noverall progress: 3 out of 3 tasks \\n([0-9a-z]{12}: running   ${BAR} \\n){3}verify: Service ${ID} converged \\n$`));
    expect(await ok(lab, 'docker service ls --format "{{.Name}} {{.Mode}} {{.Replicas}}"')).toBe('agent global 3/3\n');
    await ok(lab, 'docker node update --availability drain node3');
    expect(await ok(lab, 'docker service ls --format "{{.Replicas}}"')).toBe('2/2\n');
    // A global task that cannot run on its node waits there, under the same ID, while the swarm changes around it.
    await ok(lab, 'docker service create -d --name one --constraint node.hostname==node1 --publish published=9000,target=80,mode=host nginx');
    await ok(lab, 'docker service create -d --name every --mode global --publish published=9000,target=80,mode=host nginx');
    const waiting = await ok(lab, 'docker service ps --format "{{.ID}} {{.Node}} {{.CurrentState}}" every');
    expect(waiting).toMatch(/^[0-9a-z]{12} node1 Pending .*\n[0-9a-z]{12} node2 Running .*\n$/);
    await ok(lab, 'docker node update --availability active node2');
    expect(await ok(lab, 'docker service ps --format "{{.ID}} {{.Node}} {{.CurrentState}}" every')).toBe(waiting);
    await ok(lab, 'docker service rm one every');
    await ok(lab, 'docker service create -d --name pinned --replicas 2 --constraint node.hostname==node2 nginx');
    expect(psRows(await ok(lab, 'docker service ps pinned')).map((r) => r[3])).toEqual(['node2', 'node2']);
    await ok(lab, 'docker service create -d --name boss --constraint node.role==manager nginx');
    expect(psRows(await ok(lab, 'docker service ps boss')).map((r) => r[3])).toEqual(['node1']);
    await ok(lab, 'docker service create -d --name nowhere --constraint node.hostname==node9 nginx');
    expect(await ok(lab, 'docker service ps --format "{{.Node}}|{{.DesiredState}}|{{.CurrentState}}|{{.Error}}" nowhere')).toBe(
      '|Running|Pending less than a second ago|"no suitable node (scheduling …"\n',
    );
  });

  it('node labels: a waiting task goes to the node that gets the label, and leaves it when the label goes', async () => {
    const lab = await swarm3();
    await ok(lab, 'docker service create -d --name db --constraint node.labels.disk==ssd nginx');
    const where = async () => (await ok(lab, 'docker service ps -f desired-state=running --format "{{.Node}}|{{.CurrentState}}" db')).split(' ')[0];
    expect(await where()).toBe('|Pending');
    await ok(lab, 'docker node update --label-add disk=ssd node3');
    expect(await where()).toBe('node3|Running');
    await ok(lab, 'docker node update --label-rm disk node3');
    expect(await where()).toBe('|Pending');
  });

  it('update --image replaces every task, one per slot', async () => {
    const lab = await swarm3();
    await ok(lab, 'docker service create -d --name web --replicas 2 nginx');
    const out = await ok(lab, 'docker service update --image httpd web');
    expect(out).toMatch(new RegExp(`^web\\noverall progress: 2 out of 2 tasks \\n1/2: running   ${BAR} \\n2/2: running   ${BAR} \\nverify: Service web converged \\n$`));
    const rows = psRows(await ok(lab, 'docker service ps web'));
    expect(rows.map((r) => [r[1], r[2], r[4]])).toEqual([
      ['web.1', 'httpd:latest', 'Running'], ['\\_ web.1', 'nginx:latest', 'Shutdown'],
      ['web.2', 'httpd:latest', 'Running'], ['\\_ web.2', 'nginx:latest', 'Shutdown'],
    ]);
    const doc = JSON.parse(await ok(lab, 'docker service inspect web'))[0];
    expect(doc.PreviousSpec.TaskTemplate.ContainerSpec.Image).toMatch(/^nginx:latest@sha256:/);
    expect(doc.UpdateStatus).toMatchObject({ State: 'completed', Message: 'update completed' });
    expect(await ok(lab, 'docker service inspect --pretty web')).toMatch(/\nUpdateStatus:\n State:\t\tcompleted\n Started:\t.+\n Completed:\t.+\n Message:\tupdate completed\nPlacement:\n/);
  });
});

describe('service rollback', () => {
  it('goes back to the previous spec with the rollback progress; a second rollback undoes the first', async () => {
    const lab = await swarm3();
    await ok(lab, 'docker service create -d --name web --replicas 2 nginx');
    const id = (await ok(lab, 'docker service inspect -f {{.ID}} web')).trim();
    expect((await sh(lab, 'docker service rollback web')).err).toBe(`Error response from daemon: rpc error: code = FailedPrecondition desc = service ${id} does not have a previous spec\n`);
    await ok(lab, 'docker service update -d --image httpd web');
    const EMPTY = `\\[>${' '.repeat(50)}\\]`;
    expect(await ok(lab, 'docker service rollback web')).toMatch(new RegExp(
      `^web\\nrollback: manually requested rollback \\noverall progress: rolling back update: 2 out of 2 tasks \\n1/2: running   ${EMPTY} \\n2/2: running   ${EMPTY} \\nverify: Service web converged \\n$`,
    ));
    expect(await ok(lab, 'docker service ls --format {{.Image}}')).toBe('nginx:latest\n');
    expect(JSON.parse(await ok(lab, 'docker service inspect web'))[0].UpdateStatus).toMatchObject({ State: 'rollback_completed', Message: 'rollback completed' });
    expect(await ok(lab, 'docker service update -d --rollback web')).toBe('web\n');
    expect(await ok(lab, 'docker service ls --format {{.Image}}')).toBe('httpd:latest\n');
  });
});

describe('docker info', () => {
  it('prints the Swarm section as the CLI does: the cluster on a manager, the managers\' addresses on a worker', async () => {
    const single = createLab({ seed: 1, hosts: 1 }) as EmulatedLab;
    expect(await ok(single, 'docker info')).toContain('\n Swarm: inactive\n Runtimes:');
    const lab = await swarm3();
    const nodeId = (await ok(lab, 'docker node inspect -f {{.ID}} self')).trim();
    const clusterId = (await ok(lab, 'docker info -f {{.Swarm.Cluster.ID}}')).trim();
    const manager = await ok(lab, 'docker info');
    expect(manager.slice(manager.indexOf(' Swarm:'), manager.indexOf(' Runtimes:'))).toBe([
      ' Swarm: active', `  NodeID: ${nodeId}`, '  Is Manager: true', `  ClusterID: ${clusterId}`, '  Managers: 1', '  Nodes: 3',
      '  Default Address Pool: 10.0.0.0/8  ', '  SubnetSize: 24', '  Data Path Port: 4789',
      '  Orchestration:', '   Task History Retention Limit: 5',
      '  Raft:', '   Snapshot Interval: 10000', '   Number of Old Snapshots to Retain: 0', '   Heartbeat Tick: 1', '   Election Tick: 10',
      '  Dispatcher:', '   Heartbeat Period: 5 seconds', '  CA Configuration:', '   Expiry Duration: 3 months', '   Force Rotate: 0',
      '  Autolock Managers: false', '  Root Rotation In Progress: false', '  Node Address: 192.168.1.11', '  Manager Addresses:', '   192.168.1.11:2377', '',
    ].join('\n'));
    const worker = await ok(lab, 'ssh node2 docker info');
    expect(worker.slice(worker.indexOf(' Swarm:'), worker.indexOf(' Runtimes:'))).toMatch(
      /^ Swarm: active\n {2}NodeID: [0-9a-z]{25}\n {2}Is Manager: false\n {2}Node Address: 192\.168\.1\.12\n {2}Manager Addresses:\n {3}192\.168\.1\.11:2377\n$/,
    );
    expect(await ok(lab, 'docker info -f "{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}} {{.Swarm.Nodes}}"')).toBe('active true 3\n');
  });
});

describe('state', () => {
  it('is deterministic: same seed, same commands, same transcript', async () => {
    const transcript = async () => {
      const lab = await webLab(7);
      const lines = ['docker service ls', 'docker service ps web', 'docker exec client curl -s web', 'docker exec client curl -s web', 'ssh laptop curl -s 192.168.1.13:8080', 'docker service inspect web'];
      let text = '';
      for (const l of lines) text += await ok(lab, l);
      return text;
    };
    const a = await transcript();
    expect(a).toContain('web.3');
    expect(await transcript()).toBe(a);
  });

  it('survives a snapshot round trip, load balancer included', async () => {
    const lab = await webLab();
    await ok(lab, 'docker exec client curl -s web');
    const snap = lab.snapshot();
    const copy = createLab({ seed: 9, hosts: 3 }) as EmulatedLab;
    copy.restore(JSON.parse(JSON.stringify(snap)));
    expect(JSON.stringify(copy.snapshot())).toBe(JSON.stringify(snap));
    expect(await ok(copy, 'docker service ps web')).toBe(await ok(lab, 'docker service ps web'));
    expect(await ok(copy, 'docker exec client curl -s web')).toBe(await ok(lab, 'docker exec client curl -s web'));
    expect(await ok(copy, 'ssh laptop curl -s 192.168.1.13:8080')).toBe(await ok(lab, 'ssh laptop curl -s 192.168.1.13:8080'));
    // The restored swarm goes on: a new task joins the rotation, and both labs still agree.
    for (const l of [lab, copy]) await ok(l, 'docker service scale -d web=4');
    const seen = new Set<string>();
    for (let i = 0; i < 4; i++) seen.add(hostnameOf(await ok(copy, 'docker exec client curl -s web')));
    expect(seen.size).toBe(4);
    expect(await ok(copy, 'docker service ps web')).toBe(await ok(lab, 'docker service ps web'));
  });

  it('a restored lab whose service was removed and recreated balances over the new tasks only', async () => {
    const lab = await webLab();
    const copy = createLab({ seed: 9, hosts: 3 }) as EmulatedLab;
    copy.restore(JSON.parse(JSON.stringify(lab.snapshot())));
    await ok(copy, 'docker service rm web');
    await ok(copy, 'docker service create -d --name web --replicas 2 --network appnet traefik/whoami');
    const tasks = ['node1', 'node2', 'node3'].flatMap((h) => copy.query.containers(h)).filter((c) => c.name.startsWith('web.')).map((c) => c.id.slice(0, 12));
    const seen = new Set<string>();
    for (let i = 0; i < 4; i++) seen.add(hostnameOf(await ok(copy, 'docker exec client curl -s web')));
    expect([...seen].sort()).toEqual([...tasks].sort());
  });
});
