/**
 * docker stop / kill / restart and the main process as PID 1: it acts only
 * on the signals it handles (the kernel drops the others for a namespace's
 * init). A server that handles the stop signal exits at once with its own
 * status; `nc -l`, `sleep`, `ping` or a shell ignore it, and Docker kills
 * them after the timeout (137), the lab clock moving by that much.
 */
import { describe, expect, it } from 'vitest';
import { createLab } from '../src/emulator/index';
import type { EmulatedLab } from '../src/emulator/lab';
import { ok, setup, sh } from './docker-helpers';

function lab(): EmulatedLab {
  return createLab({ seed: 1 }) as EmulatedLab;
}

/** Runs a line; returns what it printed and how much lab time it took (ms). */
async function timed(l: EmulatedLab, line: string) {
  const t0 = l.ctx.clock.now();
  const r = await sh(l, line);
  return { ...r, ms: l.ctx.clock.now() - t0 };
}

async function status(l: EmulatedLab, name: string): Promise<string> {
  const rows = (await ok(l, "docker ps -a --format '{{.Names}}|{{.Status}}'")).trim().split('\n').map((r) => r.split('|'));
  return rows.find(([n]) => n === name)?.[1] ?? `no container ${name}`;
}

describe('docker stop: the stop signal reaches PID 1', () => {
  it('busybox nc -l has no SIGTERM handler: 10 s, then SIGKILL, Exited (137)', async () => {
    const l = lab();
    await setup(l, 'docker run -d --name ll alpine nc -l -p 80');
    const r = await timed(l, 'docker stop ll');
    expect(r).toMatchObject({ out: 'll\n', err: '', code: 0 });
    expect(r.ms).toBeGreaterThanOrEqual(10_000);
    expect(r.ms).toBeLessThan(11_000);
    expect(await status(l, 'll')).toBe('Exited (137) Less than a second ago');
    expect(await ok(l, 'journalctl -u docker --no-pager | tail -20')).toMatch(/Container failed to exit within 10s of signal 15 - using the force/);
  });

  it('servers that handle it exit at once with their own status', async () => {
    const l = lab();
    const cases: [string, string, number][] = [
      ['web', 'nginx', 0], // SIGQUIT (the image's STOPSIGNAL): graceful shutdown
      ['rd', 'redis', 0],
      ['pg', 'postgres', 0], // SIGINT: fast shutdown
      ['hd', 'httpd', 0], // SIGWINCH: graceful-stop
      ['who', 'traefik/whoami', 2], // Go runtime: re-raise ignored as PID 1, exit(2)
      ['ip3', 'nicolaka/netshoot iperf3 -s', 1], // "interrupt - the server has terminated"
      ['cap', 'nicolaka/netshoot tcpdump -i eth0', 0],
    ];
    for (const [name, image] of cases) await setup(l, `docker run -d --name ${name} ${image}`);
    for (const [name, , code] of cases) {
      const r = await timed(l, `docker stop ${name}`);
      expect(r.ms, name).toBeLessThan(1000);
      expect(await status(l, name), name).toBe(`Exited (${code}) Less than a second ago`);
    }
  });

  it('programs without a handler wait the whole timeout: sleep, ping, tail -f, python -m http.server, a shell', async () => {
    const l = lab();
    const cases: [string, string][] = [
      ['sl', 'alpine sleep 1d'],
      ['pi', 'alpine ping 8.8.8.8'],
      ['tl', 'alpine tail -f /dev/null'],
      ['py', 'python python -m http.server'],
      ['wa', 'training/webapp'],
    ];
    for (const [name, image] of cases) await setup(l, `docker run -d --name ${name} ${image}`);
    await setup(l, 'docker run -dit --name shell alpine');
    for (const name of [...cases.map((c) => c[0]), 'shell']) {
      const r = await timed(l, `docker stop -t 3 ${name}`);
      expect(r.ms, name).toBeGreaterThanOrEqual(3000);
      expect(r.ms, name).toBeLessThan(4000);
      expect(await status(l, name), name).toBe('Exited (137) Less than a second ago');
    }
  });

  it('several at once overlap their waits (the CLI stops them concurrently): 10 s for three, servers first', async () => {
    const l = lab();
    await setup(l, 'docker run -d --name s1 alpine sleep 1d', 'docker run -d --name s2 alpine sleep 1d', 'docker run -d --name web nginx', 'docker run -d --name s3 alpine sleep 1d');
    const r = await timed(l, 'docker stop s1 s2 web s3 s1');
    expect(r.out).toBe('s1\ns2\nweb\ns3\ns1\n');
    expect(r.ms).toBeGreaterThanOrEqual(10_000);
    expect(r.ms).toBeLessThan(11_000);
    const finished = async (n: string) => Date.parse((await ok(l, `docker inspect -f '{{.State.FinishedAt}}' ${n}`)).trim());
    expect(await finished('s3') - (await finished('web'))).toBeGreaterThanOrEqual(9000);
    expect(await finished('s1')).toBe(await finished('s3'));
    const events = await ok(l, "docker events --since 0 --until 0s --filter event=stop --format '{{.Actor.Attributes.name}}'");
    expect(events).toBe('web\ns1\ns2\ns3\n');
  });

  it('docker restart stops them one after the other (restart.go loops): 2 x 2 s', async () => {
    const l = lab();
    await setup(l, 'docker run -d --name s1 alpine sleep 1d', 'docker run -d --name s2 alpine sleep 1d');
    expect((await timed(l, 'docker restart -t 2 s1 s2')).ms).toBeGreaterThanOrEqual(4000);
  });

  it('BusyBox top exits 128 + the signal (its handler re-raises it, which PID 1 ignores)', async () => {
    const l = lab();
    await setup(l, 'docker run -d --name bb alpine top');
    await setup(l, 'docker stop bb');
    expect(await status(l, 'bb')).toBe('Exited (143) Less than a second ago');
  });

  it('a capture in its own namespace: SIGTERM comes before Docker removes its eth0, so tcpdump prints only its counters', async () => {
    const l = lab();
    await setup(l, 'docker run -d --name cap nicolaka/netshoot tcpdump -n -i eth0', 'docker stop cap');
    expect(await status(l, 'cap')).toBe('Exited (0) Less than a second ago');
    const logs = await sh(l, 'docker logs cap');
    expect(logs.err).not.toContain('disappeared');
    expect(logs.err).toMatch(/\n0 packets captured\n0 packets received by filter\n0 packets dropped by kernel\n$/);
  });

  it('-t 0 kills at once, even a server: 137 with no wait', async () => {
    const l = lab();
    await setup(l, 'docker run -d --name web nginx', 'docker run -d --name sl alpine sleep 1d');
    const r = await timed(l, 'docker stop -t 0 web sl');
    expect(r.out).toBe('web\nsl\n');
    expect(r.ms).toBeLessThan(1000);
    expect(await status(l, 'web')).toBe('Exited (137) Less than a second ago');
    expect(await status(l, 'sl')).toBe('Exited (137) Less than a second ago');
  });

  it('--timeout and the deprecated --time; STATUS and FinishedAt move with the wait', async () => {
    const l = lab();
    await setup(l, 'docker run -d --name sl alpine sleep 1d', 'docker run -d --name s2 alpine sleep 1d');
    expect((await timed(l, 'docker stop --timeout 5 sl')).ms).toBeGreaterThanOrEqual(5000);
    const old = await timed(l, 'docker stop --time 2 s2');
    expect(old.err).toBe('Flag --time has been deprecated, use --timeout instead\n');
    expect(old.ms).toBeGreaterThanOrEqual(2000);
    expect(old.ms).toBeLessThan(3000);
    expect(await status(l, 'sl')).toBe('Exited (137) 2 seconds ago');
    const [started, finished] = (await ok(l, "docker inspect -f '{{.State.StartedAt}} {{.State.FinishedAt}}' sl")).trim().split(' ').map(Date.parse);
    expect(finished - started).toBeGreaterThanOrEqual(5000);
  });

  it('-s sends another signal: SIGINT ends ping and python -m http.server cleanly', async () => {
    const l = lab();
    await setup(l, 'docker run -d --name pi alpine ping 8.8.8.8', 'docker run -d --name py python python -m http.server');
    const r = await timed(l, 'docker stop -s SIGINT pi py');
    expect(r.ms).toBeLessThan(1000);
    expect(await status(l, 'pi')).toBe('Exited (0) Less than a second ago');
    expect(await status(l, 'py')).toBe('Exited (0) Less than a second ago');
    await setup(l, 'docker run -d --name web nginx');
    const hup = await timed(l, 'docker stop -s HUP -t 2 web'); // nginx reloads on SIGHUP and keeps running
    expect(hup.ms).toBeGreaterThanOrEqual(2000);
    expect(await status(l, 'web')).toBe('Exited (137) Less than a second ago');
    expect(await ok(l, 'journalctl -u docker --no-pager | tail -20')).toMatch(/within 2s of signal 1 - using the force/);
  });

  it('a bad -s is the daemon\'s error, for running containers only', async () => {
    const l = lab();
    await setup(l, 'docker run -d --name sl alpine sleep 1d', 'docker create --name cr alpine');
    expect(await sh(l, 'docker stop -s BOGUS sl cr')).toEqual({ out: 'cr\n', err: 'Error response from daemon: Invalid signal: BOGUS\n', code: 1 });
    expect(await status(l, 'sl')).toMatch(/^Up /);
  });

  it('-t -1 waits for as long as it takes: Ctrl-C ends the CLI, the container runs on', async () => {
    const l = lab();
    await setup(l, 'docker run -d --name sl alpine sleep 1d');
    const r = await sh(l, 'docker stop -t -1 sl', { timeLimitMs: 3000 });
    expect(r).toEqual({ out: '', err: '', code: 130 });
    expect(await status(l, 'sl')).toMatch(/^Up /);
  });
});

describe('docker kill', () => {
  it('SIGKILL by default: 137', async () => {
    const l = lab();
    await setup(l, 'docker run -d --name web nginx');
    expect(await sh(l, 'docker kill web')).toEqual({ out: 'web\n', err: '', code: 0 });
    expect(await status(l, 'web')).toBe('Exited (137) Less than a second ago');
  });

  it('-s TERM to a PID 1 that ignores it: the name is printed and the container runs on', async () => {
    const l = lab();
    await setup(l, 'docker run -d --name ll alpine nc -l -p 80', 'docker run -dit --name shell alpine');
    expect(await sh(l, 'docker kill -s TERM ll shell')).toEqual({ out: 'll\nshell\n', err: '', code: 0 });
    expect(await status(l, 'll')).toMatch(/^Up /);
    expect(await status(l, 'shell')).toMatch(/^Up /);
  });

  it('a handled signal ends a server with its status; HUP only reloads nginx', async () => {
    const l = lab();
    await setup(l, 'docker run -d --name web nginx', 'docker run -d --name rd redis', 'docker run -d --name who traefik/whoami');
    await setup(l, 'docker kill -s HUP web', 'docker kill -s SIGTERM rd', 'docker kill -s 2 who');
    expect(await status(l, 'web')).toMatch(/^Up /);
    expect(await status(l, 'rd')).toBe('Exited (0) Less than a second ago');
    expect(await status(l, 'who')).toBe('Exited (2) Less than a second ago');
    await setup(l, 'docker kill --signal=quit web');
    expect(await status(l, 'web')).toBe('Exited (0) Less than a second ago');
  });

  it('ping handles SIGINT: its statistics reach docker logs; after SIGKILL (docker stop) nothing more is logged', async () => {
    const l = lab();
    await setup(l, 'docker run -d --name p1 alpine ping 8.8.8.8', 'docker run -d --name p2 alpine ping 8.8.8.8', 'sleep 2');
    await setup(l, 'docker kill -s INT p1', 'docker stop -t 1 p2');
    expect(await status(l, 'p1')).toMatch(/^Exited \(0\) /);
    expect(await ok(l, 'docker logs p1')).toMatch(/\n--- 8\.8\.8\.8 ping statistics ---\n\d+ packets transmitted, \d+ packets received, 0% packet loss\nround-trip min\/avg\/max = /);
    expect(await ok(l, 'docker logs p2')).not.toMatch(/statistics/);
  });

  it('the daemon refuses unknown signals', async () => {
    const l = lab();
    await setup(l, 'docker run -d --name sl alpine sleep 1d');
    expect((await sh(l, 'docker kill -s FOO sl')).err).toBe('Error response from daemon: Invalid signal: FOO\n');
    expect((await sh(l, 'docker kill -s 0 sl')).err).toBe('Error response from daemon: Invalid signal: 0\n');
    expect((await sh(l, 'docker kill -s 99 sl')).err).toBe('Error response from daemon: the linux daemon does not support signal 99\n');
    expect(await status(l, 'sl')).toMatch(/^Up /);
  });

  it('docker events records the signal of each kill', async () => {
    const l = lab();
    await setup(l, 'docker run -d --name sl alpine sleep 1d');
    await setup(l, 'docker kill -s USR1 sl', 'docker stop -t 1 sl');
    const events = await ok(l, "docker events --since 0 --until 0s --filter event=kill --format '{{.Actor.Attributes.signal}}'");
    expect(events).toBe('10\n15\n9\n');
  });
});

describe('docker restart', () => {
  it('-t and -s as docker stop; the restarted container runs', async () => {
    const l = lab();
    await setup(l, 'docker run -d --name sl alpine sleep 1d', 'docker run -d --name web nginx');
    const slow = await timed(l, 'docker restart -t 4 sl');
    expect(slow.out).toBe('sl\n');
    expect(slow.ms).toBeGreaterThanOrEqual(4000);
    expect((await timed(l, 'docker restart web')).ms).toBeLessThan(1500);
    expect((await timed(l, 'docker restart -s KILL sl')).ms).toBeLessThan(1500);
    expect(await status(l, 'sl')).toMatch(/^Up /);
    expect(await sh(l, 'docker restart -s NOPE web')).toEqual({ out: '', err: 'Error response from daemon: Cannot restart container web: Invalid signal: NOPE\n', code: 1 });
  });
});

describe('docker inspect', () => {
  it('Config.StopSignal is the image\'s STOPSIGNAL', async () => {
    const l = lab();
    await setup(l, 'docker create --name web nginx', 'docker create --name hd httpd', 'docker create --name pg postgres', 'docker create --name rd redis');
    expect(await ok(l, "docker inspect -f '{{.Name}} {{.Config.StopSignal}}' web hd pg rd")).toBe('/web SIGQUIT\n/hd SIGWINCH\n/pg SIGINT\n/rd \n');
  });
});

describe('docker run --stop-signal, --stop-timeout, --init', () => {
  it('--stop-signal replaces SIGTERM (and the image\'s STOPSIGNAL); a bad one is the daemon\'s error', async () => {
    const l = lab();
    await setup(l, 'docker run -d --stop-signal SIGINT --name pi alpine ping 8.8.8.8');
    const r = await timed(l, 'docker stop pi');
    expect(r.ms).toBeLessThan(1000);
    expect(await status(l, 'pi')).toBe('Exited (0) Less than a second ago');
    expect(await ok(l, "docker inspect -f '{{.Config.StopSignal}}' pi")).toBe('SIGINT\n');
    const bad = await sh(l, 'docker run -d --stop-signal FOO --name bad alpine sleep 1d');
    expect(bad.err).toBe("docker: Error response from daemon: Invalid signal: FOO\n\nRun 'docker run --help' for more information\n");
    expect(bad.code).toBe(125);
  });

  it('--stop-timeout is the wait without -t; -t still wins', async () => {
    const l = lab();
    await setup(l, 'docker run -d --stop-timeout 3 --name s1 alpine sleep 1d', 'docker run -d --stop-timeout 3 --name s2 alpine sleep 1d');
    const r = await timed(l, 'docker stop s1');
    expect(r.ms).toBeGreaterThanOrEqual(3000);
    expect(r.ms).toBeLessThan(4000);
    expect((await timed(l, 'docker stop -t 1 s2')).ms).toBeLessThan(2000);
    expect(await ok(l, "docker inspect -f '{{.Config.StopTimeout}}' s1")).toBe('3\n');
    expect(await ok(l, 'journalctl -u docker --no-pager | tail -20')).toMatch(/within 3s of signal 15/);
  });

  it('--init: tini is PID 1 and forwards SIGTERM; sleep and ping die of it (143) at once', async () => {
    const l = lab();
    await setup(l, 'docker run -d --init --name sl alpine sleep 1d', 'docker run -d --init --name pi alpine ping 8.8.8.8', 'docker run -d --init --name web nginx');
    const r = await timed(l, 'docker stop sl pi web');
    expect(r.ms).toBeLessThan(2000);
    expect(await status(l, 'sl')).toBe('Exited (143) Less than a second ago');
    expect(await status(l, 'pi')).toBe('Exited (143) Less than a second ago');
    expect(await status(l, 'web')).toBe('Exited (0) Less than a second ago');
    expect(await ok(l, "docker inspect -f '{{.HostConfig.Init}}' sl")).toBe('true\n');
  });

  it('--init: an interactive shell still ignores SIGTERM; WINCH kills nothing', async () => {
    const l = lab();
    await setup(l, 'docker run -dit --init --name shell alpine', 'docker run -d --init --name sl alpine sleep 1d');
    expect((await timed(l, 'docker stop -t 2 shell')).ms).toBeGreaterThanOrEqual(2000);
    expect(await status(l, 'shell')).toBe('Exited (137) Less than a second ago');
    await setup(l, 'docker kill -s WINCH sl');
    expect(await status(l, 'sl')).toMatch(/^Up /);
  });
});
