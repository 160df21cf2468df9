/**
 * Logs and state as a student reads them while troubleshooting: the access
 * log lines of requests that really reached nginx or httpd (`docker logs`),
 * the daemon's event stream (`docker events`), and dockerd's journal
 * (`journalctl -u docker`), each following what another terminal does.
 */
import { describe, expect, it } from 'vitest';
import { newLab, sh } from './helpers/engine';
import { createLab } from '../src/emulator/index';
import type { EmulatedLab } from '../src/emulator/lab';

type Result = { out: string; err: string; status: number };

/**
 * Starts `line` as if typed in a first tab, lets it start waiting, runs
 * `others` one by one as if typed in a second tab, then presses Ctrl-C.
 */
async function followWhile(lab: EmulatedLab, line: string, others: string[]): Promise<Result & { others: Result[] }> {
  let out = '';
  let err = '';
  const abort = new AbortController();
  const running = lab.run(line, { stdout: (t) => (out += t), stderr: (t) => (err += t), signal: abort.signal });
  await new Promise((r) => setTimeout(r, 0));
  const results: Result[] = [];
  for (const o of others) results.push(await sh(lab, o));
  // The first tab sees the last line end before the key press.
  await new Promise((r) => setTimeout(r, 0));
  abort.abort();
  const status = await running;
  return { out, err, status, others: results };
}

async function lab1(lines: string[], seed = 1): Promise<EmulatedLab> {
  const lab = newLab(seed);
  for (const l of ['docker pull -q nginx', 'docker pull -q alpine', 'docker pull -q httpd', ...lines]) {
    const r = await sh(lab, l);
    if (r.status !== 0) throw new Error(`${l}: ${r.err}`);
  }
  return lab;
}

const WEB = ['docker network create mynet', 'docker run -d --name web --network mynet -p 8080:80 nginx'];
const ACCESS = (src: string, req: string, status: number, bytes: number, agent: string) =>
  new RegExp(`^${src.replace(/\./g, '\\.')} - - \\[12/Jan/2026:09:00:\\d\\d \\+0000\\] "${req}" ${status} ${bytes} "-" "${agent.replace(/[./]/g, (c) => `\\${c}`)}" "-"$`);

describe('docker logs', () => {
  it('nginx logs each request that reached it, in its combined format; a 404 also in its error log', async () => {
    const lab = await lab1([...WEB, 'docker run -d --name client --network mynet alpine sleep 1d']);
    await sh(lab, 'curl -s localhost:8080');
    await sh(lab, 'docker exec client wget -qO- web/nope');
    await sh(lab, 'curl -sI localhost:8080');
    const r = await sh(lab, 'docker logs web');
    const access = r.out.split('\n').filter((l) => l.includes(' - - ['));
    // Through the published port the source is docker0's side of the NAT (the host), from the client its own address.
    expect(access[0]).toMatch(ACCESS('172.18.0.1', 'GET / HTTP/1.1', 200, 615, 'curl/7.88.1'));
    expect(access[1]).toMatch(ACCESS('172.18.0.3', 'GET /nope HTTP/1.1', 404, 153, 'Wget'));
    expect(access[2]).toMatch(ACCESS('172.18.0.1', 'HEAD / HTTP/1.1', 200, 0, 'curl/7.88.1'));
    expect(access).toHaveLength(3);
    // stderr: nginx's startup notices (startup-logs.ts), then the 404's error line
    expect(r.err.split('\n').filter((l) => !l.includes('[notice]')).join('\n')).toMatch(/^2026\/01\/12 09:00:\d\d \[error\] 29#29: \*2 open\(\) "\/usr\/share\/nginx\/html\/nope" failed \(2: No such file or directory\), client: 172\.18\.0\.3, server: localhost, request: "GET \/nope HTTP\/1\.1", host: "web"\n$/);
  });

  it('a request that never arrives (wrong port, stopped server) logs nothing', async () => {
    const lab = await lab1(WEB);
    const before = (await sh(lab, 'docker logs web')).out;
    expect((await sh(lab, 'curl -s localhost:8081')).status).toBe(7);
    expect((await sh(lab, 'docker logs web')).out).toBe(before);
  });

  it('httpd logs in the common format', async () => {
    const lab = await lab1(['docker network create mynet', 'docker run -d --name ap --network mynet httpd']);
    await sh(lab, 'docker run --rm --network mynet alpine wget -qO- ap');
    const lines = (await sh(lab, 'docker logs ap')).out.trim().split('\n');
    expect(lines[lines.length - 1]).toMatch(/^172\.18\.0\.3 - - \[12\/Jan\/2026:09:00:\d\d \+0000\] "GET \/ HTTP\/1\.1" 200 45$/);
  });

  it('-t, --tail and --since pick lines; the stamps do not depend on --tail', async () => {
    const lab = await lab1(WEB);
    await sh(lab, 'curl -s localhost:8080');
    await lab.run('sleep 60');
    await sh(lab, 'curl -s localhost:8080/a');
    const all = (await sh(lab, 'docker logs -t web')).out.trim().split('\n');
    const last = (await sh(lab, 'docker logs -t --tail 1 web')).out;
    expect(last).toBe(`${all[all.length - 1]}\n`);
    expect(last).toMatch(/^2026-01-12T09:01:\d\d\.\d{9}Z 172\.18\.0\.1 - - .*"GET \/a HTTP\/1\.1" 404 /);
    expect((await sh(lab, 'docker logs --since 30s web')).out).toMatch(/^172\.18\.0\.1 - - .*"GET \/a HTTP\/1\.1" 404 [^\n]*\n$/);
    expect(await sh(lab, 'docker logs --since yesterday web')).toEqual({ out: '', err: 'invalid value for "since": failed to parse value as time or duration: "yesterday"\n', status: 1 });
    // --details: the (empty) attributes and a space before each line.
    expect((await sh(lab, 'docker logs --details --tail 1 web')).out).toBe(` ${last.slice(31)}`);
    expect((await sh(lab, 'docker logs --details -t --tail 1 web')).out).toBe(`${last.slice(0, 31)} ${last.slice(31)}`);
  });

  it('-f alone lets lab time pass: a client polling every second shows up once a second', async () => {
    const lab = await lab1([...WEB, "docker run -d --name poller --network mynet alpine sh -c 'while true; do wget -qO- web >/dev/null; sleep 1; done'"]);
    const f = await sh(lab, 'docker logs -f --tail 0 web');
    expect(f.status).toBe(130);
    const lines = f.out.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const l of lines) expect(l).toMatch(ACCESS('172.18.0.3', 'GET / HTTP/1.1', 200, 615, 'Wget'));
    const seconds = lines.map((l) => Number(/:09:00:(\d\d) /.exec(l)?.[1] ?? /:09:01:(\d\d) /.exec(l)![1]));
    expect(new Set(seconds).size).toBe(lines.length);
  });

  it('-f prints the requests another terminal sends until Ctrl-C; it ends by itself when the container stops', async () => {
    const lab = await lab1(WEB);
    const f = await followWhile(lab, 'docker logs -f --tail 0 web', ['curl -s localhost:8080', 'curl -s localhost:8080/x']);
    expect(f.status).toBe(130);
    const lines = f.out.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(ACCESS('172.18.0.1', 'GET / HTTP/1.1', 200, 615, 'curl/7.88.1'));
    expect(lines[1]).toContain('"GET /x HTTP/1.1" 404 153');
    expect(f.err).toContain('open() "/usr/share/nginx/html/x" failed');
    const stopped = await followWhile(lab, 'docker logs -f --tail 0 web', ['docker stop web']);
    expect(stopped.status).toBe(0);
  });
});

const EV = (type: string, action: string, id: string, attrs: string) => new RegExp(`^2026-01-12T09:\\d\\d:\\d\\d\\.\\d{9}Z ${type} ${action} ${id} \\(${attrs.replace(/[().]/g, (c) => `\\${c}`)}\\)$`);

describe('docker events', () => {
  it('--since replays what happened: network create, container create/connect/start, stop, rm', async () => {
    const lab = await lab1(WEB);
    await sh(lab, 'docker rm -f web');
    await sh(lab, 'docker network rm mynet');
    const net = (await sh(lab, 'docker events --since 0 --until 0s --filter type=network --format "{{.Actor.ID}}"')).out.split('\n')[0];
    expect(net).toMatch(/^[0-9a-f]{64}$/);
    const lines = (await sh(lab, 'docker events --since 0 --until 0s --filter type=network --filter type=container')).out.trim().split('\n');
    const id = /container create ([0-9a-f]{64})/.exec(lines.join('\n'))![1];
    const expected = [
      EV('network', 'create', net, 'name=mynet, type=bridge'),
      EV('container', 'create', id, 'image=nginx, name=web'),
      EV('network', 'connect', net, `container=${id}, name=mynet, type=bridge`),
      EV('container', 'start', id, 'image=nginx, name=web'),
      EV('container', 'kill', id, 'image=nginx, name=web, signal=9'),
      EV('container', 'die', id, 'execDuration=0, exitCode=137, image=nginx, name=web'),
      EV('network', 'disconnect', net, `container=${id}, name=mynet, type=bridge`),
      EV('container', 'destroy', id, 'image=nginx, name=web'),
      EV('network', 'destroy', net, 'name=mynet, type=bridge'),
    ];
    expect(lines).toHaveLength(expected.length);
    lines.forEach((l, i) => expect(l).toMatch(expected[i]));
    // The pulls are image events.
    expect((await sh(lab, 'docker events --since 0 --until 0s --filter type=image')).out).toMatch(/ image pull nginx:latest \(name=nginx\)\n/);
    await sh(lab, 'docker rmi nginx');
    const removed = (await sh(lab, "docker events --since 0 --until 0s --filter event=untag --filter event=delete --format '{{.Action}} {{.Actor.ID}} {{.Actor.Attributes.name}}'")).out.trim().split('\n');
    expect(removed).toHaveLength(2);
    expect(removed[0]).toMatch(/^untag (sha256:[0-9a-f]{64}) \1$/);
    expect(removed[1]).toBe(removed[0].replace('untag', 'delete'));
  });

  it('an interactive docker exec shell: exec_die with the shell\'s status when it exits', async () => {
    const lab = await lab1(WEB);
    await sh(lab, 'docker exec -it web bash');
    await sh(lab, 'exit 3');
    const actions = (await sh(lab, "docker events --since 0 --until 0s --filter container=web --filter event=exec_create --filter event=exec_start --filter event=exec_die --format '{{.Action}} {{.Actor.Attributes.exitCode}}'")).out;
    expect(actions).toBe('exec_create: bash  <no value>\nexec_start: bash  <no value>\nexec_die 3\n');
  });

  it('restart: stop\'s events, then start and restart; rename carries the old name', async () => {
    const lab = await lab1(WEB);
    const id = (await sh(lab, "docker inspect -f '{{.Id}}' web")).out.trim();
    await sh(lab, 'docker restart web');
    await sh(lab, 'docker rename web site');
    const q = `docker events --since 0 --until 0s --filter container=${id} --format '{{.Action}} {{.Actor.Attributes.name}} {{.Actor.Attributes.oldName}}'`;
    expect((await sh(lab, q)).out).toBe([
      'create web <no value>', 'start web <no value>', 'kill web <no value>', 'die web <no value>', 'stop web <no value>',
      'start web <no value>', 'restart web <no value>', 'rename site /web', '',
    ].join('\n'));
  });

  it('docker run without -d attaches first; --rm ends with destroy', async () => {
    const lab = await lab1([]);
    await sh(lab, 'docker run --rm --name once alpine true');
    const actions = (await sh(lab, "docker events --since 0 --until 0s --filter container=once --format '{{.Action}}'")).out;
    expect(actions).toBe('create\nattach\nstart\ndie\ndestroy\n');
    await sh(lab, 'docker create --name later alpine true');
    await sh(lab, 'docker start -a later');
    expect((await sh(lab, "docker events --since 0 --until 0s --filter container=later --format '{{.Action}}'")).out).toBe('create\nattach\nstart\ndie\n');
  });

  it('the stream ends when the daemon stops, after the events of its shutdown', async () => {
    const lab = await lab1(WEB);
    const f = await followWhile(lab, "docker events --format '{{.Type}} {{.Action}}'", ['systemctl stop docker']);
    expect(f.status).toBe(0);
    expect(f.out).toBe('container die\nnetwork disconnect\n');
  });

  it('a restarted daemon has forgotten the events from before', async () => {
    const lab = await lab1(WEB);
    expect((await sh(lab, 'docker events --since 0 --until 0s')).out).toContain('container start');
    await sh(lab, 'systemctl restart docker');
    expect((await sh(lab, 'docker events --since 0 --until 0s')).out).toBe('');
    await sh(lab, 'docker start web');
    expect((await sh(lab, "docker events --since 0 --until 0s --format '{{.Type}} {{.Action}}'")).out).toBe('network connect\ncontainer start\n');
  });

  it('filters: container= takes a name or ID prefix and only its own events; event= and image=; several values OR', async () => {
    const lab = await lab1([...WEB, 'docker run -d --name other alpine sleep 1d', 'docker stop web']);
    const q = (f: string) => sh(lab, `docker events --since 0 --until 0s ${f} --format '{{.Type}} {{.Action}} {{.Actor.Attributes.name}}'`).then((r) => r.out);
    expect(await q('--filter container=web')).toBe('container create web\ncontainer start web\ncontainer kill web\ncontainer die web\ncontainer stop web\n');
    expect(await q('--filter event=start')).toBe('container start web\ncontainer start other\n');
    expect(await q('--filter event=die --filter event=stop')).toBe('container die web\ncontainer stop web\n');
    expect(await q('--filter image=alpine --filter type=container')).toBe('container create other\ncontainer start other\n');
    expect(await q('--filter network=mynet')).toBe('network create mynet\nnetwork connect mynet\nnetwork disconnect mynet\n');
    expect(await q('--filter volume=x')).toBe('');
  });

  it('{{json .}} is the API\'s events.Message', async () => {
    const lab = await lab1(WEB);
    const first = JSON.parse((await sh(lab, 'docker events --since 0 --until 0s --filter event=start --format "{{json .}}"')).out);
    expect(Object.keys(first)).toEqual(['status', 'id', 'from', 'Type', 'Action', 'Actor', 'scope', 'time', 'timeNano']);
    expect(first).toMatchObject({ status: 'start', from: 'nginx', Type: 'container', Action: 'start', Actor: { Attributes: { image: 'nginx', name: 'web' } }, scope: 'local' });
    expect(first.time).toBe(Math.floor(first.timeNano / 1e9));
  });

  it('errors: an unknown filter key, a filter without =, a time it cannot read', async () => {
    const lab = await lab1([]);
    expect(await sh(lab, 'docker events --filter foo=bar')).toEqual({ out: '', err: "Error response from daemon: invalid filter 'foo'\n", status: 1 });
    const noEq = await sh(lab, 'docker events --filter foo');
    expect(noEq.status).toBe(125);
    expect(noEq.err).toMatch(/^invalid argument "foo" for "-f, --filter" flag: bad format of filter \(expected name=value\)\n/);
    expect(await sh(lab, 'docker events --since soon')).toEqual({ out: '', err: 'failed to parse value as time or duration: "soon"\n', status: 1 });
  });

  it('without --since it shows only what happens from now on, until Ctrl-C', async () => {
    const lab = await lab1(WEB);
    const f = await followWhile(lab, 'docker events', ['docker network disconnect mynet web', 'docker network connect mynet web', 'docker exec web true']);
    expect(f.status).toBe(130);
    const lines = f.out.trim().split('\n');
    expect(lines.map((l) => l.split(' ').slice(1, 3).join(' '))).toEqual(['network disconnect', 'network connect', 'container exec_create:', 'container exec_start:', 'container exec_die']);
    expect(lines[0]).toMatch(/\(container=[0-9a-f]{64}, name=mynet, type=bridge\)$/);
    // moby joins the command and its (here no) arguments with a space; the exec's ID ties the three together.
    const execId = /execID=([0-9a-f]{64})/.exec(lines[2])![1];
    expect(lines[2]).toMatch(new RegExp(` container exec_create: true  [0-9a-f]{64} \\(execID=${execId}, image=nginx, name=web\\)$`));
    expect(lines[3]).toContain(` container exec_start: true  `);
    expect(lines[4]).toMatch(new RegExp(` container exec_die [0-9a-f]{64} \\(execID=${execId}, exitCode=0, image=nginx, name=web\\)$`));
    const fuzzy = await sh(lab, `docker events --since 0 --until 0s --filter event=exec_start --format '{{.Action}}'`);
    expect(fuzzy.out).toBe('exec_start: true \n');
  });
});

describe('journalctl -u docker', () => {
  it('the daemon\'s start at boot, in logrus text format under systemd\'s lines', async () => {
    const lab = newLab(1);
    const lines = (await sh(lab, 'journalctl -u docker')).out.trim().split('\n');
    expect(lines[0]).toBe('Jan 12 09:00:00 node1 systemd[1]: Starting docker.service - Docker Application Container Engine...');
    expect(lines[1]).toMatch(/^Jan 12 09:00:00 node1 dockerd\[812\]: time="2026-01-12T09:00:00\.\d{9}Z" level=info msg="Starting up"$/);
    expect(lines).toContainEqual(expect.stringMatching(/ level=info msg="Docker daemon" commit=45873be containerd-snapshotter=false storage-driver=overlay2 version=28\.2\.2$/));
    expect(lines[lines.length - 2]).toMatch(/level=info msg="API listen on \/run\/docker\.sock"$/);
    expect(lines[lines.length - 1]).toBe('Jan 12 09:00:00 node1 systemd[1]: Started docker.service - Docker Application Container Engine.');
    expect((await sh(lab, 'journalctl -u docker.service -n 1')).out).toBe(`${lines[lines.length - 1]}\n`);
    expect((await sh(lab, 'journalctl -u containerd')).out).toBe('-- No entries --\n');
  });

  it('-r, -o cat/short-iso, --no-hostname, -b; unknown options and output modes', async () => {
    const lab = newLab(1);
    expect((await sh(lab, 'journalctl -r -n 2 -u docker')).out).toMatch(/^Jan 12 09:00:00 node1 systemd\[1\]: Started docker\.service[^\n]*\n[^\n]*msg="API listen on \/run\/docker\.sock"\n$/);
    expect((await sh(lab, 'journalctl -u docker -o cat -n 2 --no-pager')).out).toMatch(/^time="[^"]+" level=info msg="API listen on \/run\/docker\.sock"\nStarted docker\.service - Docker Application Container Engine\.\n$/);
    expect((await sh(lab, 'journalctl -b -u docker -o short-iso -n 1')).out).toBe('2026-01-12T09:00:00+00:00 node1 systemd[1]: Started docker.service - Docker Application Container Engine.\n');
    expect((await sh(lab, 'journalctl -u docker --no-hostname -n 1')).out).toBe('Jan 12 09:00:00 systemd[1]: Started docker.service - Docker Application Container Engine.\n');
    expect(await sh(lab, 'journalctl --bogus')).toEqual({ out: '', err: "journalctl: unrecognized option '--bogus'\n", status: 1 });
    expect(await sh(lab, 'journalctl -z')).toEqual({ out: '', err: "journalctl: invalid option -- 'z'\n", status: 1 });
    expect(await sh(lab, 'journalctl -o fancy')).toEqual({ out: '', err: "Unknown output format 'fancy'.\n", status: 1 });
  });

  it('a daemon.json typo: systemctl fails, the journal says why; fixing the file starts it again', async () => {
    const lab = newLab(1);
    await sh(lab, `echo '{"dns": ["8.8.8.8"],}' > /etc/docker/daemon.json`);
    const r = await sh(lab, 'systemctl restart docker');
    expect(r.status).toBe(1);
    expect(r.err).toContain('"journalctl -xeu docker.service"');
    const tail = (await sh(lab, 'journalctl -xeu docker.service -n 5')).out.trim().split('\n').map((l) => l.replace(/^Jan 12 09:00:\d\d node1 /, ''));
    expect(tail[0]).toBe('systemd[1]: Starting docker.service - Docker Application Container Engine...');
    expect(tail[1]).toMatch(/^dockerd\[\d+\]: unable to configure the Docker daemon with file \/etc\/docker\/daemon\.json: /);
    expect(tail.slice(2)).toEqual([
      'systemd[1]: docker.service: Main process exited, code=exited, status=1/FAILURE',
      "systemd[1]: docker.service: Failed with result 'exit-code'.",
      'systemd[1]: Failed to start docker.service - Docker Application Container Engine.',
    ]);
    const stops = (await sh(lab, 'journalctl -u docker')).out;
    expect(stops).toMatch(/systemd\[1\]: Stopping docker\.service[^\n]*\n[^\n]*msg="Processing signal 'terminated'"\n/);
    await sh(lab, `echo '{"dns": ["8.8.8.8"]}' > /etc/docker/daemon.json`);
    expect((await sh(lab, 'systemctl restart docker')).status).toBe(0);
    expect((await sh(lab, 'journalctl -u docker -n 1')).out).toMatch(/Started docker\.service/);
  });

  it('systemctl status docker: running since boot, failed after the typo, each with the journal\'s last 10 lines', async () => {
    const lab = newLab(1);
    await lab.run('sleep 300');
    const up = await sh(lab, 'systemctl status docker');
    expect(up.status).toBe(0);
    const l = up.out.split('\n');
    expect(l.slice(0, 11)).toEqual([
      '● docker.service - Docker Application Container Engine',
      '     Loaded: loaded (/lib/systemd/system/docker.service; enabled; preset: enabled)',
      '     Active: active (running) since Mon 2026-01-12 09:00:00 UTC; 5min ago',
      'TriggeredBy: ● docker.socket',
      '       Docs: https://docs.docker.com',
      '   Main PID: 812 (dockerd)',
      '      Tasks: 9',
      '     Memory: 35.4M',
      '        CPU: 1.203s',
      '     CGroup: /system.slice/docker.service',
      '             └─812 /usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock',
    ]);
    expect(l[11]).toBe('');
    expect(l.slice(12, 22).join('\n') + '\n').toBe((await sh(lab, 'journalctl -u docker -n 10')).out);
    await sh(lab, `echo '{"bip": "10.10.0.1/24",' > /etc/docker/daemon.json`);
    await sh(lab, 'systemctl restart docker');
    await lab.run('sleep 5');
    const down = await sh(lab, 'systemctl status docker.service');
    expect(down.status).toBe(3);
    expect(down.out).toMatch(/^× docker\.service - Docker Application Container Engine\n.*\n {5}Active: failed \(Result: exit-code\) since Mon 2026-01-12 09:0\d:\d\d UTC; 5s ago\n/);
    expect(down.out).toMatch(/\n {3}Main PID: (\d+) \(code=exited, status=1\/FAILURE\)\n/);
    expect(down.out.trim().split('\n').pop()).toMatch(/systemd\[1\]: Failed to start docker\.service - Docker Application Container Engine\.$/);
  });

  it('a port that is already allocated, a container that ignores SIGTERM, container exits', async () => {
    const lab = await lab1([...WEB, 'docker run -d --name sleeper alpine sleep 1d']);
    expect((await sh(lab, 'docker run -d --name web2 -p 8080:80 nginx')).status).toBe(125);
    const id2 = (await sh(lab, "docker inspect -f '{{.Id}}' web2")).out.trim();
    await sh(lab, 'docker stop sleeper');
    const sleeper = (await sh(lab, "docker inspect -f '{{.Id}}' sleeper")).out.trim();
    const j = (await sh(lab, 'journalctl -u docker -n 3')).out.trim().split('\n');
    expect(j[0]).toMatch(new RegExp(`dockerd\\[812\\]: time="[^"]+" level=error msg="Handler for POST /v1\\.50/containers/${id2}/start returned error: failed to set up container networking: driver failed programming external connectivity on endpoint web2 \\([0-9a-f]{64}\\): Bind for 0\\.0\\.0\\.0:8080 failed: port is already allocated"$`));
    expect(j[1]).toMatch(new RegExp(`level=info msg="Container failed to exit within 10s of signal 15 - using the force" container=${sleeper}$`));
    expect(j[2]).toMatch(new RegExp(`level=info msg="ignoring event" container=${sleeper} module=libcontainerd namespace=moby topic=/tasks/delete type="\\*events\\.TaskDelete"$`));
  });

  it('a wrong --dns: the embedded DNS logs each failed forward with the question', async () => {
    const lab = await lab1(['docker network create mynet', 'docker run -d --name c1 --network mynet --dns 10.9.9.9 alpine sleep 1d']);
    const before = (await sh(lab, 'journalctl -u docker')).out;
    expect(before).not.toContain('[resolver]');
    expect((await sh(lab, 'docker exec c1 ping -c1 example.com')).err).toBe("ping: bad address 'example.com'\n");
    const added = (await sh(lab, 'journalctl -u docker')).out.slice(before.length).trim().split('\n');
    expect(added[0]).toMatch(/ dockerd\[812\]: time="[^"]+" level=error msg="\[resolver\] failed to query external DNS server" client-addr="udp:127\.0\.0\.1:(\d+)" dns-server="udp:10\.9\.9\.9:53" error="read udp 172\.18\.0\.2:\1->10\.9\.9\.9:53: i\/o timeout" question=";example\.com\.\\tIN\\t A"$/);
    // A name Docker knows is answered without asking anyone.
    await sh(lab, 'docker run -d --name web --network mynet nginx');
    const known = (await sh(lab, 'journalctl -u docker')).out;
    await sh(lab, 'docker exec c1 ping -c1 web');
    expect((await sh(lab, 'journalctl -u docker')).out.slice(known.length)).not.toContain('[resolver]');
  });

  it('-f follows until Ctrl-C; options combine and bad counts are refused', async () => {
    const lab = await lab1([]);
    const f = await followWhile(lab, 'journalctl -fu docker', ['docker run --rm alpine true']);
    expect(f.status).toBe(130);
    const lines = f.out.trim().split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[10]).toMatch(/msg="ignoring event" container=[0-9a-f]{64} /);
    expect(await sh(lab, 'journalctl -u docker --lines=many')).toEqual({ out: '', err: "Failed to parse lines 'many'.\n", status: 1 });
    expect(await sh(lab, 'journalctl -u docker -n many')).toEqual({ out: '', err: "Failed to add match 'many': Invalid argument\n", status: 1 });
    expect((await sh(lab, 'journalctl -n2 -u docker _PID=812')).out).toBe('-- No entries --\n');
    expect(await sh(lab, 'journalctl -u docker --since soon')).toEqual({ out: '', err: 'Failed to parse timestamp: soon\n', status: 1 });
    expect((await sh(lab, 'journalctl -u docker --since "2026-01-12 09:00:01"')).out).toBe(`${lines[10]}\n`);
    expect((await sh(lab, 'journalctl -u docker --since today -n 1')).out).toBe(`${lines[10]}\n`);
    expect((await sh(lab, 'journalctl -u docker --until "2026-01-12 09:00:00"')).out.trim().split('\n')).toHaveLength(13);
  });
});

describe('determinism', () => {
  it('the same seed and commands give the same logs, events and journal', async () => {
    const transcript = async (): Promise<string> => {
      const lab = await lab1([...WEB, 'curl -s localhost:8080/x', 'docker stop web'], 5);
      let all = '';
      for (const l of ['docker logs -t web', 'docker events --since 0 --until 0s', 'journalctl -u docker']) {
        const r = await sh(lab, l);
        all += r.out + r.err;
      }
      return all;
    };
    const first = await transcript();
    expect(first).toContain('container stop');
    expect(await transcript()).toBe(first);
  });
});

describe('docker events in a swarm', () => {
  it('service create, scale, image update and remove, scope swarm, on every manager; filter service=', async () => {
    const lab = createLab({ seed: 2, hosts: 2 }) as EmulatedLab;
    const token = /--token (\S+)/.exec((await sh(lab, 'docker swarm init')).out)![1];
    await sh(lab, `ssh node2 docker swarm join --token ${token} 192.168.1.11:2377`);
    for (const l of ['docker service create -d --name web --replicas 1 nginx', 'docker service scale -d web=3', 'docker service update -d --image httpd web', 'docker service rm web']) {
      const r = await sh(lab, l);
      expect(r.status, r.err).toBe(0);
    }
    const q = "docker events --since 0 --until 0s --filter type=service --format '{{.Action}} {{.Actor.Attributes}} {{.Scope}}'";
    expect((await sh(lab, q)).out).toBe([
      'create map[name:web] swarm',
      'update map[name:web replicas.new:3 replicas.old:1] swarm',
      'update map[image.new:httpd:latest image.old:nginx:latest name:web] swarm',
      'remove map[name:web] swarm',
      '',
    ].join('\n'));
    // service= is a prefix of the actor's ID or name, for any event type (moby fuzzyMatchName): the tasks' containers match too.
    expect((await sh(lab, "docker events --since 0 --until 0s --filter service=we --filter type=service --format '{{.Action}}'")).out).toBe('create\nupdate\nupdate\nremove\n');
    expect((await sh(lab, "docker events --since 0 --until 0s --filter service=we --filter type=container --format '{{.Actor.Attributes.name}}'")).out).toMatch(/^web\.1\.[0-9a-z]{25}\n/);
    // A worker's daemon does not stream the cluster's events.
    expect((await sh(lab, `ssh node2 "docker events --since 0 --until 0s --filter type=service"`)).out).toBe('');
  });
});

describe('the daemon keeps the last 256 events', () => {
  it('300 events: --since 0 replays from the 45th (n23 created), and exactly 256 of them', async () => {
    const lab = newLab(9);
    await sh(lab, 'for i in $(seq 1 150); do docker network create n$i >/dev/null; docker network rm n$i >/dev/null; done');
    const out = (await sh(lab, "docker events --since 0 --until 0s --format '{{.Action}} {{.Actor.Attributes.name}}'")).out.split('\n').filter(Boolean);
    expect(out.length).toBe(256);
    expect(out[0]).toBe('create n23');
    expect(out.at(-1)).toBe('destroy n150');
  });
});
