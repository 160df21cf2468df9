/**
 * docker stop's grace time passes as lab time in which the lab's background
 * processes run: a detached `ping` ignores SIGTERM (it is PID 1 and has no
 * handler), so it goes on printing a reply a second into `docker logs` until
 * Docker's SIGKILL 10 s later, rather than the clock jumping over that time.
 */
import { describe, expect, it } from 'vitest';
import { createLab } from '../src/emulator/index';
import type { EmulatedLab } from '../src/emulator/lab';
import { ok, setup } from './docker-helpers';

function lab(): EmulatedLab {
  return createLab({ seed: 1 }) as EmulatedLab;
}

/** ping's sequence numbers in the container's log, in order. */
async function seqs(l: EmulatedLab, name: string): Promise<number[]> {
  return [...(await ok(l, `docker logs ${name}`)).matchAll(/seq=(\d+)/g)].map((m) => Number(m[1]));
}

describe("background processes during docker stop's wait", () => {
  it('a detached ping logs every second until the SIGKILL, its sequence unbroken', async () => {
    const l = lab();
    await setup(l, 'docker run -d --name pp alpine ping 8.8.8.8', 'sleep 3');
    const before = await seqs(l, 'pp');
    const t0 = l.ctx.clock.now();
    await setup(l, 'docker stop pp');
    const waited = l.ctx.clock.now() - t0;
    expect(waited).toBeGreaterThanOrEqual(10_000);
    expect(waited).toBeLessThan(11_000);
    const after = await seqs(l, 'pp');
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after).toEqual(after.map((_, i) => i)); // 0, 1, 2, ... with no gap across the wait
    expect(after.length - before.length).toBeGreaterThanOrEqual(9); // about one a second for the 10 s
    // the last reply was logged just before the kill, not at the moment of the stop
    const lastStamp = Date.parse((await ok(l, 'docker logs -t pp | tail -n 1')).split(' ')[0]);
    expect(lastStamp - t0).toBeGreaterThan(9_000);
    expect(lastStamp).toBeLessThanOrEqual(l.ctx.clock.now());
    expect(await ok(l, "docker inspect -f '{{.State.ExitCode}}' pp")).toBe('137\n');
    // and nothing after the kill: ping's statistics are never printed
    expect(await ok(l, 'docker logs pp')).not.toMatch(/packets transmitted/);
  });

  it('docker restart -t 2 lets it run for the 2 s too; the new run starts from seq 0', async () => {
    const l = lab();
    await setup(l, 'docker run -d --name pp alpine ping 8.8.8.8', 'sleep 2');
    const before = (await seqs(l, 'pp')).length;
    await setup(l, 'docker restart -t 2 pp', 'sleep 1');
    const all = await seqs(l, 'pp');
    const restartAt = all.indexOf(0, 1);
    expect(restartAt).toBeGreaterThanOrEqual(before + 1); // more replies came during the wait
    expect(all.slice(0, restartAt)).toEqual(all.slice(0, restartAt).map((_, i) => i));
  });

  it('two containers stopped together: each logs until its own end', async () => {
    const l = lab();
    await setup(l, 'docker run -d --name p1 alpine ping 8.8.8.8', 'docker run -d --name p2 alpine ping 1.1.1.1', 'sleep 1', 'docker stop -t 3 p1 p2');
    for (const name of ['p1', 'p2']) expect((await seqs(l, name)).length, name).toBeGreaterThanOrEqual(4);
  });
});
