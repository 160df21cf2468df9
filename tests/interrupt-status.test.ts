/**
 * `$?` after Ctrl-C: a program that handles SIGINT itself (ping prints its
 * statistics, tcpdump its counters) exits with its own status; one that is
 * killed by it (sleep) gives 128 + 2. sh() stops a line after 4 s of lab
 * time as if Ctrl-C had been pressed.
 */
import { describe, expect, it } from 'vitest';
import { newLab, sh } from './helpers/engine';

describe('the status of a line stopped by Ctrl-C', () => {
  it('ping with replies: 0, its statistics printed', async () => {
    const lab = newLab();
    const r = await sh(lab, 'ping 127.0.0.1');
    expect(r.out).toMatch(/packets transmitted/);
    expect(r.status).toBe(0);
    expect((await sh(lab, 'echo $?')).out).toBe('0\n');
  });

  it('ping without replies: 1', async () => {
    const lab = newLab();
    expect((await sh(lab, 'ping 10.9.9.9')).status).toBe(1);
  });

  it('tcpdump: 0 after its counters', async () => {
    const lab = newLab();
    const r = await sh(lab, 'tcpdump -i lo');
    expect(r.err).toMatch(/packets captured/);
    expect(r.status).toBe(0);
  });

  it('sleep is killed: 130; so is a pipeline whose last program is killed', async () => {
    const lab = newLab();
    expect((await sh(lab, 'sleep 10')).status).toBe(130);
    expect((await sh(lab, 'ping 127.0.0.1 | head -1')).status).toBe(130);
    expect((await sh(lab, 'echo $?')).out).toBe('130\n');
  });

  it('the rest of the line does not run after a program killed by it', async () => {
    const lab = newLab();
    expect((await sh(lab, 'sleep 100; echo after')).out).toBe('');
    expect((await sh(lab, 'ping 127.0.0.1 | head -1; echo after')).out).toBe('PING 127.0.0.1 (127.0.0.1) 56(84) bytes of data.\n');
  });

  it('the rest of the line runs after a program that handled it (tests/interrupt-continue.test.ts has more)', async () => {
    const lab = newLab();
    expect((await sh(lab, 'ping 127.0.0.1 >/dev/null; echo after')).out).toBe('after\n');
  });
});
