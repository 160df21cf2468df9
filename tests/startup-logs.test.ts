/**
 * The lines a server writes as its container starts (docker/startup-logs.ts),
 * as `docker logs` shows them: each server's own dated format, the
 * container's address where httpd names it, Docker's -t stamp in the same
 * millisecond as the server's date, and the lines again after a restart.
 */
import { describe, expect, it } from 'vitest';
import { createLab } from '../src/emulator/index';
import type { EmulatedLab } from '../src/emulator/lab';
import { ok, setup, sh } from './docker-helpers';
import { startupLogLines } from '../src/emulator/docker/startup-logs';

function lab(): EmulatedLab {
  return createLab({ seed: 1 }) as EmulatedLab;
}

const lines = (s: string) => s.trimEnd().split('\n');
/** A regex matching `text` literally, with `<D>` standing for a date pattern. */
const shape = (text: string, date: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/<D>/g, date)}$`);

/** `text` is a list of lines with `<D>` for a date (and `<T>` for a time of day), matched line for line. */
function expectShapes(text: string, expected: string[], date: string): void {
  expect(lines(text)).toEqual(expected.map((e) => expect.stringMatching(new RegExp(shape(e, date).source.replace('<T>', String.raw`\d\d:\d\d:\d\d`)))));
}

const REDIS_DATE = String.raw`\d\d [A-Z][a-z]{2} 2026 \d\d:\d\d:\d\d\.\d{3}`;
const PG_DATE = String.raw`2026-01-12 \d\d:\d\d:\d\d\.\d{3} UTC`;
const HTTPD_DATE = String.raw`Mon Jan 12 \d\d:\d\d:\d\d\.\d{6} 2026`;

describe('startup lines in docker logs', () => {
  it('redis 8: the starting block, the default-config warning, then ready, dated on stdout', async () => {
    const l = lab();
    await setup(l, 'docker run -d --name rr redis');
    const r = await sh(l, 'docker logs rr');
    expect(r.err).toBe('');
    const expected = [
      "1:C <D> # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.",
      '1:C <D> * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo',
      '1:C <D> * Redis version=8.0.2, bits=64, commit=00000000, modified=0, pid=1, just started',
      '1:C <D> # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf',
      '1:M <D> * monotonic clock: POSIX clock_gettime',
      '1:M <D> * Running mode=standalone, port=6379.',
      '1:M <D> * Server initialized',
      '1:M <D> * Ready to accept connections tcp',
    ];
    expectShapes(r.out, expected, REDIS_DATE);
  });

  it('redis with arguments says its configuration is loaded instead of warning', async () => {
    // `docker run redis redis-server --appendonly yes` runs as a plain daemon in the lab (main-process.ts), so the lines are asked for directly.
    const l = lab();
    await setup(l, 'docker run -d --name rr redis');
    const c = l.ctx.docker('node1').containers[l.query.container('rr')!.id];
    const text = startupLogLines({ ...c, cmd: ['redis-server', '--appendonly', 'yes'] }, { t: c.startedAt }).map((x) => x.line).join('\n');
    expect(text).toMatch(new RegExp(`^1:C ${REDIS_DATE} \\* Configuration loaded$`, 'm'));
    expect(text).not.toMatch(/no config file/);
  });

  it('redis 3.0 keeps its older lines: no year, no starting block, ready on port 6379', async () => {
    const l = lab();
    await setup(l, 'docker run -d --name r3 redis:3.0.7');
    const date = String.raw`\d\d [A-Z][a-z]{2} \d\d:\d\d:\d\d\.\d{3}`;
    const expected = [
      '1:C <D> # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf',
      '1:M <D> # Server started, Redis version 3.0.7',
      '1:M <D> * The server is now ready to accept connections on port 6379',
    ];
    expectShapes(await ok(l, 'docker logs r3'), expected, date);
  });

  it('postgres 17: the server lines of an initialised cluster on stderr, pid in brackets', async () => {
    const l = lab();
    await setup(l, 'docker run -d --name db -e POSTGRES_PASSWORD=x postgres');
    const r = await sh(l, 'docker logs db');
    expect(r.out).toBe(''); // no "Skipping initialization" on the first start
    const expected = [
      '<D> [1] LOG:  starting PostgreSQL 17.5 (Debian 17.5-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit',
      '<D> [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432',
      '<D> [1] LOG:  listening on IPv6 address "::", port 5432',
      '<D> [1] LOG:  listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"',
      '<D> [29] LOG:  database system was shut down at 2026-01-12 <T> UTC',
      '<D> [1] LOG:  database system is ready to accept connections',
    ];
    expectShapes(r.err, expected, PG_DATE);
  });

  it('httpd: AH00558 twice with the container address, then the mpm and core notices', async () => {
    const l = lab();
    await setup(l, 'docker run -d --name web httpd');
    const ip = (await ok(l, "docker inspect -f '{{.NetworkSettings.IPAddress}}' web")).trim();
    expect(ip).toMatch(/^172\.17\.0\.\d+$/);
    const r = await sh(l, 'docker logs web');
    expect(r.out).toBe('');
    const warn = `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${ip}. Set the 'ServerName' directive globally to suppress this message`;
    const got = lines(r.err);
    expect(got.slice(0, 2)).toEqual([warn, warn]);
    expect(got[2]).toMatch(shape('[<D>] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.63 (Unix) configured -- resuming normal operations', HTTPD_DATE));
    expect(got[3]).toMatch(shape("[<D>] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'", HTTPD_DATE));
    expect(got).toHaveLength(4);
  });

  it('httpd on a user network names that address; a qualified hostname gets no warning', async () => {
    const l = lab();
    await setup(l, 'docker network create mynet', 'docker run -d --name web --network mynet httpd', 'docker run -d --name fq --hostname www.example.com httpd');
    const ip = (await ok(l, "docker inspect -f '{{.NetworkSettings.Networks.mynet.IPAddress}}' web")).trim();
    expect(ip).toMatch(/^172\.18\.0\.\d+$/);
    expect(await ok(l, 'docker logs web 2>&1 | head -n 1')).toContain(`domain name, using ${ip}.`);
    expect(await ok(l, 'docker logs fq 2>&1')).not.toMatch(/AH00558/);
  });

  it('docker logs -t stamps each line in the millisecond of the server\'s own date', async () => {
    const l = lab();
    await setup(l, 'docker run -d --name db -e POSTGRES_PASSWORD=x postgres');
    for (const line of lines(await ok(l, 'docker logs -t db 2>&1'))) {
      const m = /^(\S+) (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}) UTC /.exec(line);
      expect(m, line).not.toBeNull();
      expect(m![1].slice(0, 23)).toBe(m![2].replace(' ', 'T'));
    }
  });

  it('a restart appends the startup lines again at the new time', async () => {
    const l = lab();
    await setup(l, 'docker run -d --name rr redis');
    const first = lines(await ok(l, 'docker logs rr'));
    await setup(l, 'sleep 5', 'docker restart rr');
    const all = lines(await ok(l, 'docker logs rr'));
    const ready = all.filter((x) => x.endsWith('Ready to accept connections tcp'));
    expect(ready).toHaveLength(2);
    expect(all.slice(0, first.length)).toEqual(first);
    expect(ready[1]).not.toBe(ready[0]); // a later date
    expect(all.at(-1)).toBe(ready[1]);
  });

  it('a restarted postgres skips initialisation and was shut down when it stopped', async () => {
    const l = lab();
    await setup(l, 'docker run -d --name db -e POSTGRES_PASSWORD=x postgres', 'sleep 3', 'docker stop db');
    const stopped = await ok(l, "docker inspect -f '{{.State.FinishedAt}}' db");
    await setup(l, 'sleep 61', 'docker start db');
    const r = await sh(l, 'docker logs db');
    expect(r.out).toBe('\nPostgreSQL Database directory appears to contain a database; Skipping initialization\n\n');
    const shutDown = lines(r.err).filter((x) => x.includes('database system was shut down at'));
    expect(shutDown).toHaveLength(2);
    // the second start names the stop's second (inspect's RFC 3339 time, to the second)
    expect(shutDown[1]).toContain(`shut down at ${stopped.slice(0, 10)} ${stopped.slice(11, 19)} UTC`);
  });

  it('postgres killed (SIGKILL) recovers on its next start, from when it was last up', async () => {
    const l = lab();
    await setup(l, 'docker run -d --name db -e POSTGRES_PASSWORD=x postgres', 'sleep 3', 'docker kill db', 'docker start db');
    const err = lines((await sh(l, 'docker logs db')).err);
    const readyFirst = err.find((x) => x.endsWith('database system is ready to accept connections'))!;
    const second = err.slice(err.indexOf(readyFirst) + 1);
    expect(second.map((x) => x.replace(new RegExp(`^${PG_DATE} `), ''))).toEqual([
      '[1] LOG:  starting PostgreSQL 17.5 (Debian 17.5-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit',
      '[1] LOG:  listening on IPv4 address "0.0.0.0", port 5432',
      '[1] LOG:  listening on IPv6 address "::", port 5432',
      '[1] LOG:  listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"',
      `[29] LOG:  database system was interrupted; last known up at ${readyFirst.slice(0, 19)} UTC`,
      '[29] LOG:  database system was not properly shut down; automatic recovery in progress',
      '[29] LOG:  redo starts at 0/1952FB8',
      '[29] LOG:  invalid record length at 0/1952FF0: expected at least 24, got 0',
      '[29] LOG:  redo done at 0/1952FB8 system usage: CPU: user: 0.00 s, system: 0.00 s, elapsed: 0.00 s',
      '[27] LOG:  checkpoint starting: end-of-recovery immediate wait',
      expect.stringMatching(/^\[27\] LOG:  checkpoint complete: wrote 3 buffers/),
      '[1] LOG:  database system is ready to accept connections',
    ]);
  });

  it('training/postgres (9.3): seconds-only dates without a pid, and the autovacuum launcher', async () => {
    const l = lab();
    await setup(l, 'docker run -d --name db training/postgres');
    const r = await sh(l, 'docker logs db');
    expect(r.out).toBe('');
    const date = String.raw`\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC`;
    expectShapes(r.err, ['<D> LOG:  database system was shut down at <D>', '<D> LOG:  database system is ready to accept connections', '<D> LOG:  autovacuum launcher started'], date);
    expect(r.err).toMatch(/shut down at 20(1[6-9]|2[0-5])-/); // when the image was built, years before
  });

  it('nginx: the entrypoint on stdout, its notices dated on stderr; a restart finds IPv6 already enabled', async () => {
    const l = lab();
    await setup(l, 'docker run -d --name web nginx');
    const r = await sh(l, 'docker logs web');
    expect(lines(r.out)).toContain('10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf');
    expect(lines(r.err)).toEqual(
      ['using the "epoll" event method', 'nginx/1.27.5', 'built by gcc 12.2.0 (Debian 12.2.0-14) ', 'OS: Linux 6.1.0-37-amd64', 'getrlimit(RLIMIT_NOFILE): 1048576:1048576', 'start worker processes', 'start worker process 29'].map((m) =>
        expect.stringMatching(new RegExp(`^2026/01/12 \\d\\d:\\d\\d:\\d\\d \\[notice\\] 1#1: ${m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)),
      ),
    );
    await setup(l, 'docker restart web');
    expect(lines(await ok(l, 'docker logs web 2>/dev/null')).at(-5)).toBe('10-listen-on-ipv6-by-default.sh: info: IPv6 listen already enabled');
  });
});
