/**
 * A server that a signal ends through its own handler logs its way out, and
 * `docker logs` shows those lines after the stop (docker/shutdown-logs.ts):
 * nginx's graceful quit, redis' final save, postgres' fast shutdown, httpd's
 * graceful stop. Programs that ignore the signal log nothing of the kind.
 */
import { describe, expect, it } from 'vitest';
import { createLab } from '../src/emulator/index';
import type { EmulatedLab } from '../src/emulator/lab';
import { ok, setup, sh } from './docker-helpers';

function lab(): EmulatedLab {
  return createLab({ seed: 1 }) as EmulatedLab;
}

const lines = (s: string) => s.trimEnd().split('\n');

describe('shutdown lines in docker logs', () => {
  it('nginx quits gracefully on docker stop (SIGQUIT), on stderr, stamped with the stop time', async () => {
    const l = lab();
    await setup(l, 'docker run -d --name web nginx');
    const before = lines(await ok(l, 'docker logs web 2>/dev/null'));
    await setup(l, 'docker stop web');
    const stoppedAt = l.ctx.clock.now();
    const tail = lines(await ok(l, 'docker logs web 2>&1 | tail -n 7'));
    expect(tail.map((x) => x.replace(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d /, ''))).toEqual([
      '[notice] 1#1: signal 3 (SIGQUIT) received, shutting down',
      '[notice] 29#29: gracefully shutting down',
      '[notice] 29#29: exiting',
      '[notice] 29#29: exit',
      '[notice] 1#1: signal 17 (SIGCHLD) received from 29',
      '[notice] 1#1: worker process 29 exited with code 0',
      '[notice] 1#1: exit',
    ]);
    // stdout alone is what it was: the error log is /dev/stderr
    expect(lines(await ok(l, 'docker logs web 2>/dev/null'))).toEqual(before);
    // docker logs -t: the entries carry the lab time of the stop, and nginx's own date agrees
    const last = lines(await ok(l, 'docker logs -t web 2>&1 | tail -n 1'))[0];
    const [stamp, date, time] = last.split(' ');
    expect(Math.abs(Date.parse(stamp) - stoppedAt)).toBeLessThan(1000);
    expect(`${date.replace(/\//g, '-')}T${time}`).toBe(new Date(Date.parse(stamp)).toISOString().slice(0, 19));
  });

  it('nginx on docker kill -s TERM: fast shutdown, "exiting", no graceful line', async () => {
    const l = lab();
    await setup(l, 'docker run -d --name web nginx', 'docker kill -s TERM web');
    const out = await ok(l, 'docker logs web 2>&1');
    expect(out).toMatch(/\[notice\] 1#1: signal 15 \(SIGTERM\) received, exiting\n/);
    expect(out).not.toMatch(/gracefully/);
  });

  it('a handled signal that does not end nginx (HUP) adds no shutdown line', async () => {
    const l = lab();
    await setup(l, 'docker run -d --name web nginx', 'docker kill -s HUP web');
    expect(await ok(l, 'docker logs web 2>&1')).not.toMatch(/exit/);
  });

  it('redis saves and says bye bye, in its pid:role date format', async () => {
    const l = lab();
    await setup(l, 'docker run -d --name rr redis', 'docker stop rr');
    const tail = lines(await ok(l, 'docker logs rr | tail -n 5'));
    expect(tail[0]).toMatch(/^1:signal-handler \(\d{10}\) Received SIGTERM scheduling shutdown\.\.\.$/);
    const date = String.raw`\d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d\.\d{3}`;
    expect(tail.slice(1)).toEqual([
      expect.stringMatching(new RegExp(`^1:M ${date} # User requested shutdown\\.\\.\\.$`)),
      expect.stringMatching(new RegExp(`^1:M ${date} \\* Saving the final RDB snapshot before exiting\\.$`)),
      expect.stringMatching(new RegExp(`^1:M ${date} \\* DB saved on disk$`)),
      expect.stringMatching(new RegExp(`^1:M ${date} # Redis is now ready to exit, bye bye\\.\\.\\.$`)),
    ]);
  });

  it('redis 3.0 dates have no year; SIGINT is named', async () => {
    const l = lab();
    await setup(l, 'docker run -d --name r3 redis:3.0.6', 'docker kill -s INT r3');
    const out = await ok(l, 'docker logs r3');
    expect(out).toMatch(/Received SIGINT scheduling shutdown/);
    expect(out).toMatch(/^1:M \d\d [A-Z][a-z]{2} \d\d:\d\d:\d\d\.\d{3} # Redis is now ready to exit, bye bye\.\.\.$/m);
  });

  it('postgres: docker stop is a fast shutdown (SIGINT), SIGTERM a smart one', async () => {
    const l = lab();
    await setup(l, 'docker run -d --name pg postgres', 'docker stop pg', 'docker run -d --name pt postgres', 'docker kill -s TERM pt');
    const fast = lines(await ok(l, 'docker logs pg 2>&1')).map((x) => x.replace(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} UTC /, ''));
    expect(fast).toContain('[1] LOG:  received fast shutdown request');
    expect(fast).toContain('[1] LOG:  aborting any active transactions');
    expect(fast).toContain('[1] LOG:  background worker "logical replication launcher" (PID 33) exited with exit code 1');
    expect(fast.at(-1)).toBe('[1] LOG:  database system is shut down');
    const smart = await ok(l, 'docker logs pt 2>&1');
    expect(smart).toMatch(/\[1\] LOG: {2}received smart shutdown request/);
    expect(smart).not.toMatch(/aborting/);
    expect(smart).toMatch(/\[27\] LOG: {2}shutting down/);
  });

  it('httpd: SIGWINCH from docker stop is a graceful stop (AH00492)', async () => {
    const l = lab();
    await setup(l, 'docker run -d --name hh httpd', 'docker stop hh');
    expect(lines(await ok(l, 'docker logs hh 2>&1')).at(-1)).toMatch(
      /^\[[A-Z][a-z]{2} [A-Z][a-z]{2} \d\d \d\d:\d\d:\d\d\.\d{6} \d{4}\] \[mpm_event:notice\] \[pid 1:tid \d+\] AH00492: caught SIGWINCH, shutting down gracefully$/,
    );
  });

  it('a program killed after the grace time logs nothing on the way out', async () => {
    const l = lab();
    await setup(l, 'docker run -d --name nn nginx', 'docker stop -t 0 nn', 'docker run -d --name ss alpine sleep 1d', 'docker stop ss');
    expect(await ok(l, 'docker logs nn 2>&1')).not.toMatch(/SIGQUIT/);
    expect((await sh(l, 'docker logs ss')).out).toBe('');
  });
});
