/**
 * Transcript tests of `docker run`, `ps`, the lifecycle commands, logs, pull
 * and images, typed into a lab as a person would (createLab({ seed: 1 })).
 * Expected texts are Docker 28's (REFERENCE 1.1, 1.8, 2, 3.8).
 */
import { describe, expect, it } from 'vitest';
import { createLab } from '../src/emulator/index';
import { setup, sh } from './docker-helpers';

const HEX64 = /^[0-9a-f]{64}$/;

describe('docker run', () => {
  it('pulls a missing image (progress on stderr) and prints the ID on stdout with -d', async () => {
    const lab = createLab({ seed: 1 });
    const r = await sh(lab, 'docker run -d --name web nginx');
    expect(r.code).toBe(0);
    expect(r.out.trim()).toMatch(HEX64);
    const lines = r.err.trimEnd().split('\n');
    expect(lines[0]).toBe("Unable to find image 'nginx:latest' locally");
    expect(lines[1]).toBe('latest: Pulling from library/nginx');
    expect(lines.slice(2, -2).every((l) => /^[0-9a-f]{12}: Pull complete$/.test(l))).toBe(true);
    expect(lines.length).toBeGreaterThan(4);
    expect(lines.at(-2)).toMatch(/^Digest: sha256:[0-9a-f]{64}$/);
    expect(lines.at(-1)).toBe('Status: Downloaded newer image for nginx:latest');
    const again = await sh(lab, 'docker run -d nginx');
    expect(again.err).toBe('');
  });

  it('fails on an image Docker Hub does not have, leaving nothing behind', async () => {
    const lab = createLab({ seed: 1 });
    const r = await sh(lab, 'docker run foo');
    expect(r.code).toBe(125);
    expect(r.err).toBe(
      "Unable to find image 'foo:latest' locally\n" +
        "docker: Error response from daemon: pull access denied for foo, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n\n" +
        "Run 'docker run --help' for more information\n",
    );
    expect((await sh(lab, 'docker ps -aq')).out).toBe('');
  });

  it('prints the ps table with tabwriter widths (REFERENCE 1.8)', async () => {
    const lab = createLab({ seed: 1 });
    const id = (await sh(lab, 'docker run -d --name web -p 8080:80 nginx')).out.slice(0, 12);
    await setup(lab, 'sleep 5');
    expect((await sh(lab, 'docker ps')).out).toBe(
      'CONTAINER ID   IMAGE     COMMAND                  CREATED         STATUS         PORTS                                     NAMES\n' +
        `${id}   nginx     "/docker-entrypoint.…"   5 seconds ago   Up 5 seconds   0.0.0.0:8080->80/tcp, [::]:8080->80/tcp   web\n`,
    );
  });

  it('shows each -p form in PORTS', async () => {
    const lab = createLab({ seed: 1 });
    await setup(
      lab,
      'docker run -d --name pa -p 8080:80 nginx',
      'docker run -d --name pb -p 127.0.0.1:8081:80 nginx',
      'docker run -d --name pc -p 80 nginx',
      'docker run -d --name pd -P nginx',
      'docker run -d --name pe nginx',
      'docker run -d --name pf -p 5353:53/udp alpine sleep 1d',
      'docker run -d --name pg --expose 9000-9001 alpine sleep 1d',
    );
    expect((await sh(lab, "docker ps --format '{{.Names}}: {{.Ports}}'")).out).toBe(
      [
        'pg: 9000-9001/tcp',
        'pf: 0.0.0.0:5353->53/udp, [::]:5353->53/udp',
        'pe: 80/tcp',
        'pd: 0.0.0.0:32769->80/tcp, [::]:32769->80/tcp',
        'pc: 0.0.0.0:32768->80/tcp, [::]:32768->80/tcp',
        'pb: 127.0.0.1:8081->80/tcp',
        'pa: 0.0.0.0:8080->80/tcp, [::]:8080->80/tcp',
        '',
      ].join('\n'),
    );
  });

  it('leaves a container Created when its port is already allocated', async () => {
    const lab = createLab({ seed: 1 });
    await setup(lab, 'docker run -d --name web -p 8080:80 nginx');
    const before = lab.query.networks().find((n) => n.name === 'bridge');
    const r = await sh(lab, 'docker run -d --name web2 -p 8080:80 nginx');
    expect(r.code).toBe(125);
    expect(r.out.trim()).toMatch(HEX64);
    expect(r.err).toMatch(
      /^docker: Error response from daemon: failed to set up container networking: driver failed programming external connectivity on endpoint web2 \([0-9a-f]{64}\): Bind for 0\.0\.0\.0:8080 failed: port is already allocated\n\nRun 'docker run --help' for more information\n$/,
    );
    expect((await sh(lab, "docker ps -a --format '{{.Names}} {{.Status}}'")).out).toBe('web2 Created\nweb Up Less than a second\n');
    expect((await sh(lab, "docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' web2")).out).toBe('created 128\n');
    expect(lab.query.networks().find((n) => n.name === 'bridge')).toEqual(before);
  });

  it('refuses a name in use', async () => {
    const lab = createLab({ seed: 1 });
    const id = (await sh(lab, 'docker run -d --name web nginx')).out.trim();
    const r = await sh(lab, 'docker run -d --name web nginx');
    expect(r.code).toBe(125);
    expect(r.err).toBe(
      `docker: Error response from daemon: Conflict. The container name "/web" is already in use by container "${id}". You have to remove (or rename) that container to be able to reuse that name.\n\nRun 'docker run --help' for more information\n`,
    );
  });

  it('refuses --ip and --network-alias on the default bridge, before pulling', async () => {
    const lab = createLab({ seed: 1 });
    const r = await sh(lab, 'docker run --ip 172.17.0.10 alpine');
    expect(r).toEqual({
      out: '',
      err: "docker: Error response from daemon: user-specified IP address is supported on user-defined networks only\n\nRun 'docker run --help' for more information\n",
      code: 125,
    });
    const alias = await sh(lab, 'docker run --network-alias x alpine');
    expect(alias.err).toContain('network-scoped aliases are only supported for user-defined networks');
  });

  it('prints flag and argument errors with the usage line', async () => {
    const lab = createLab({ seed: 1 });
    expect(await sh(lab, 'docker run --foo alpine')).toEqual({
      out: '',
      err: "unknown flag: --foo\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker run --help' for more information\n",
      code: 125,
    });
    expect((await sh(lab, 'docker container run --foo alpine')).err).toContain("Run 'docker container run --help'");
    expect(await sh(lab, 'docker rename web')).toEqual({
      out: '',
      err: "docker: 'docker rename' requires 2 arguments\n\nUsage:  docker rename CONTAINER NEW_NAME\n\nRun 'docker rename --help' for more information\n",
      code: 1,
    });
    expect((await sh(lab, 'docker run -p 80:abc nginx')).err).toBe("docker: invalid containerPort: abc\n\nRun 'docker run --help' for more information\n");
    expect((await sh(lab, 'docker run --dns 1.2.3 alpine')).err).toBe(
      'invalid argument "1.2.3" for "--dns" flag: IP address is not correctly formatted: 1.2.3\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun \'docker run --help\' for more information\n',
    );
  });

  it('warns that host networking discards published ports', async () => {
    const lab = createLab({ seed: 1 });
    await setup(lab, 'docker pull nginx');
    const r = await sh(lab, 'docker run -d --network host -p 80:80 nginx');
    expect(r.code).toBe(0);
    expect(r.err).toBe('WARNING: Published ports are discarded when using host network mode\n');
  });

  it('writes the host gateway for --add-host name:host-gateway', async () => {
    const lab = createLab({ seed: 1 });
    await setup(lab, 'docker pull alpine');
    const r = await sh(lab, 'docker run --rm --add-host host.docker.internal:host-gateway alpine grep host.docker /etc/hosts');
    expect(r.out).toBe('172.17.0.1\thost.docker.internal\n');
  });

  it('lets a host-mode server fail on a port another one holds', async () => {
    const lab = createLab({ seed: 1 });
    await setup(lab, 'docker run -d --name proxy --network host nginx', 'docker run -d --name api --network host httpd');
    expect((await sh(lab, "docker ps -a --format '{{.Names}} {{.Status}}'")).out).toBe('api Exited (1) Less than a second ago\nproxy Up 3 seconds\n');
    expect((await sh(lab, 'docker logs api 2>&1 | grep AH00072')).out).toBe(
      '(98)Address in use: AH00072: make_sock: could not bind to address [::]:80\n(98)Address in use: AH00072: make_sock: could not bind to address 0.0.0.0:80\n',
    );
  });

  it('runs a one-shot command in the container and removes it with --rm', async () => {
    const lab = createLab({ seed: 1 });
    await setup(lab, 'docker pull alpine');
    const r = await sh(lab, 'docker run --rm alpine cat /etc/resolv.conf');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('# Generated by Docker Engine.\n');
    expect(r.out).toMatch(/^nameserver /m);
    expect(r.out).toContain("# Based on host file: '/etc/resolv.conf' (legacy)\n");
    expect((await sh(lab, 'docker ps -aq')).out).toBe('');
  });

  it('exits with the command status and keeps its output in the logs', async () => {
    const lab = createLab({ seed: 1 });
    await setup(lab, 'docker pull alpine');
    const r = await sh(lab, `docker run --name job alpine sh -c 'echo out; echo err >&2; exit 3'`);
    expect(r).toEqual({ out: 'out\n', err: 'err\n', code: 3 });
    expect((await sh(lab, "docker ps -a --format '{{.Status}}'")).out).toBe('Exited (3) Less than a second ago\n');
    expect(await sh(lab, 'docker logs job')).toEqual({ out: 'out\n', err: 'err\n', code: 0 });
  });

  it('fails with 127 when the command does not exist in the image', async () => {
    const lab = createLab({ seed: 1 });
    await setup(lab, 'docker pull alpine');
    const r = await sh(lab, 'docker run --name nocurl alpine curl example.com');
    expect(r.code).toBe(127);
    expect(r.err).toBe(
      'docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "curl": executable file not found in $PATH: unknown\n\nRun \'docker run --help\' for more information\n',
    );
    expect((await sh(lab, "docker ps -a --format '{{.Names}} {{.Status}}'")).out).toBe('nocurl Created\n');
  });

  it('sets the legacy link variables (Docker 28 still does)', async () => {
    const lab = createLab({ seed: 1 });
    await setup(lab, 'docker run -d --name db training/postgres');
    const dbIp = (await sh(lab, "docker inspect -f '{{.NetworkSettings.IPAddress}}' db")).out.trim();
    const r = await sh(lab, 'docker run --rm --name web --link db:db training/webapp env');
    expect(r.code).toBe(0);
    const env = r.out.split('\n');
    expect(env).toContain('DB_NAME=/web/db');
    expect(env).toContain(`DB_PORT=tcp://${dbIp}:5432`);
    expect(env).toContain(`DB_PORT_5432_TCP=tcp://${dbIp}:5432`);
    expect(env).toContain(`DB_PORT_5432_TCP_ADDR=${dbIp}`);
    expect(env).toContain('DB_PORT_5432_TCP_PORT=5432');
    expect(env).toContain('DB_PORT_5432_TCP_PROTO=tcp');
    expect(env[0]).toBe('PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
    expect(env.at(-2)).toBe('HOME=/root');
  });

  it('streams an attached daemon command until Ctrl-C', async () => {
    const lab = createLab({ seed: 1 });
    await setup(lab, 'docker pull alpine');
    const r = await sh(lab, 'docker run --name pinger -it alpine ping google.com', { timeLimitMs: 2500 });
    expect(r.out).toMatch(/^PING google\.com \([\d.]+\): 56 data bytes\n64 bytes from/);
    // Ctrl-C reaches ping through the tty; ping handles SIGINT, prints its statistics and exits 0,
    // which `docker run` returns (and bash goes on with the line).
    expect(r.code).toBe(0);
    expect((await sh(lab, "docker ps -a --format '{{.Status}}'")).out).toMatch(/^Exited \(0\) /);
  });
});

describe('container lifecycle', () => {
  it('stops, starts, restarts, kills, renames and removes, printing names as typed', async () => {
    const lab = createLab({ seed: 1 });
    await setup(lab, 'docker run -d --name sl alpine sleep 1d', 'docker run -d --name web nginx');
    expect(await sh(lab, 'docker stop sl web')).toEqual({ out: 'sl\nweb\n', err: '', code: 0 });
    expect((await sh(lab, "docker ps -a --format '{{.Names}} {{.Status}}'")).out).toBe('web Exited (0) 9 seconds ago\nsl Exited (137) Less than a second ago\n'); // stopped together: nginx at once, sleep 10 s later
    expect(await sh(lab, 'docker start web sl')).toEqual({ out: 'web\nsl\n', err: '', code: 0 });
    expect(await sh(lab, 'docker restart web')).toEqual({ out: 'web\n', err: '', code: 0 });
    expect(await sh(lab, 'docker kill sl')).toEqual({ out: 'sl\n', err: '', code: 0 });
    const again = await sh(lab, 'docker kill sl');
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/^Error response from daemon: cannot kill container: sl: container [0-9a-f]{64} is not running\n$/);
    expect(await sh(lab, 'docker rename sl sleeper')).toEqual({ out: '', err: '', code: 0 });
    const rm = await sh(lab, 'docker rm web nosuch sleeper');
    expect(rm).toEqual({
      out: 'sleeper\n',
      err: 'Error response from daemon: cannot remove container "/web": container is running: stop the container before removing or force remove\nError response from daemon: No such container: nosuch\n',
      code: 1,
    });
    expect(await sh(lab, 'docker rm -f web nosuch')).toEqual({ out: 'web\n', err: 'Error response from daemon: No such container: nosuch\n', code: 0 });
  });

  it('reports start failures and the containers that failed', async () => {
    const lab = createLab({ seed: 1 });
    expect(await sh(lab, 'docker start nosuch')).toEqual({
      out: '',
      err: 'Error response from daemon: No such container: nosuch\nError: failed to start containers: nosuch\n',
      code: 1,
    });
  });

  it('creates without starting', async () => {
    const lab = createLab({ seed: 1 });
    await setup(lab, 'docker pull alpine');
    const r = await sh(lab, 'docker create --name cr alpine echo hi');
    expect(r.out.trim()).toMatch(HEX64);
    expect((await sh(lab, "docker ps -a --format '{{.Names}} {{.Status}}'")).out).toBe('cr Created\n');
    await setup(lab, 'docker start cr');
    expect((await sh(lab, 'docker logs cr')).out).toBe('hi\n');
  });

  it('prunes stopped containers after asking', async () => {
    const lab = createLab({ seed: 1 });
    await setup(lab, 'docker run --name once alpine true', 'docker run -d --name web nginx');
    const id = (await sh(lab, "docker ps -aq --no-trunc -f name=once")).out;
    const no = await sh(lab, 'docker container prune', { readLine: async () => 'n' });
    expect(no.out).toBe('WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] ');
    const yes = await sh(lab, 'docker container prune', { readLine: async () => 'y' });
    expect(yes.out).toBe(`WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] Deleted Containers:\n${id}\nTotal reclaimed space: 0B\n`);
    expect((await sh(lab, 'docker container prune -f')).out).toBe('Total reclaimed space: 0B\n');
  });

  it('filters ps by name, status, network and ancestor', async () => {
    const lab = createLab({ seed: 1 });
    await setup(lab, 'docker run -d --name web1 nginx', 'docker run -d --name web2 nginx', 'docker run --name once alpine true');
    const names = async (f: string) => (await sh(lab, `docker ps -a ${f} --format '{{.Names}}'`)).out;
    expect(await names('-f name=web')).toBe('web2\nweb1\n');
    expect(await names('-f status=exited')).toBe('once\n');
    expect(await names('-f ancestor=alpine')).toBe('once\n');
    expect(await names('-f network=bridge')).toBe('once\nweb2\nweb1\n');
    expect((await sh(lab, 'docker ps -f status=bogus')).err).toBe("Error response from daemon: invalid filter 'status=bogus'\n");
    expect((await sh(lab, 'docker ps -n 1 -q')).out).toMatch(/^[0-9a-f]{12}\n$/);
  });
});

describe('logs, pull and images', () => {
  it('prints logs with --tail and -t', async () => {
    const lab = createLab({ seed: 1 });
    await setup(lab, 'docker run -d --name web nginx');
    // The last line nginx wrote is its error log's (stderr): the worker it started.
    expect((await sh(lab, 'docker logs --tail 1 web')).err).toMatch(/^2026\/01\/12 09:00:\d\d \[notice\] 1#1: start worker process 29\n$/);
    expect((await sh(lab, 'docker logs --tail 8 web')).out).toBe('/docker-entrypoint.sh: Configuration complete; ready for start up\n');
    expect((await sh(lab, 'docker logs -t --tail 8 web')).out).toMatch(/^2026-01-12T09:00:\d\d\.\d{9}Z \/docker-entrypoint\.sh: Configuration complete/);
    const follow = await sh(lab, 'docker logs -f --tail 1 web', { timeLimitMs: 2000 });
    expect(follow.code).toBe(130);
    expect((await sh(lab, 'docker logs nosuch')).err).toBe('Error: No such container: nosuch\n');
  });

  it('pulls and lists images as Docker 28 does', async () => {
    const lab = createLab({ seed: 1 });
    const first = await sh(lab, 'docker pull alpine');
    expect(first.out).toMatch(/^Using default tag: latest\nlatest: Pulling from library\/alpine\n[0-9a-f]{12}: Pull complete\nDigest: sha256:[0-9a-f]{64}\nStatus: Downloaded newer image for alpine:latest\ndocker\.io\/library\/alpine:latest\n$/);
    const second = await sh(lab, 'docker pull alpine:latest');
    expect(second.out).toMatch(/^latest: Pulling from library\/alpine\nDigest: sha256:[0-9a-f]{64}\nStatus: Image is up to date for alpine:latest\ndocker\.io\/library\/alpine:latest\n$/);
    expect(await sh(lab, 'docker pull foo')).toEqual({
      out: 'Using default tag: latest\n',
      err: "Error response from daemon: pull access denied for foo, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n",
      code: 1,
    });
    await setup(lab, 'docker pull nginx');
    const images = (await sh(lab, 'docker images')).out.split('\n');
    expect(images[0]).toBe('REPOSITORY   TAG       IMAGE ID       CREATED       SIZE');
    expect(images[1]).toMatch(/^nginx        latest    [0-9a-f]{12}   2 weeks ago   192MB$/);
    expect(images[2]).toMatch(/^alpine       latest    [0-9a-f]{12}   5 weeks ago   8\.31MB$/);
  });

  it('refuses to remove an image a container uses', async () => {
    const lab = createLab({ seed: 1 });
    await setup(lab, 'docker run --name once alpine true');
    const r = await sh(lab, 'docker rmi alpine');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^Error response from daemon: conflict: unable to remove repository reference "alpine" \(must force\) - container [0-9a-f]{12} is using its referenced image [0-9a-f]{12}\n$/);
    await setup(lab, 'docker rm once');
    const ok = await sh(lab, 'docker rmi alpine');
    expect(ok.out).toMatch(/^Untagged: alpine:latest\nUntagged: alpine@sha256:[0-9a-f]{64}\nDeleted: sha256:[0-9a-f]{64}\n/);
    expect((await sh(lab, 'docker images -q')).out).toBe('');
  });
});

describe('determinism', () => {
  it('gives the same transcript for the same seed', async () => {
    const transcript = async () => {
      const lab = createLab({ seed: 7 });
      let text = '';
      for (const line of ['docker run -d --name web -p 8080:80 nginx', 'docker run -d alpine sleep 1d', 'sleep 3', 'docker ps -a', 'docker inspect web']) {
        const r = await sh(lab, line);
        text += `${line}\n${r.out}${r.err}${r.code}\n`;
      }
      return text;
    };
    expect(await transcript()).toBe(await transcript());
  });
});
