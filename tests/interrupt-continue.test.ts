/**
 * bash after Ctrl-C (jobs.c wait_for): when the foreground program handled
 * SIGINT and exited by itself (ping prints its statistics, tcpdump its
 * counters), the rest of the line runs with that program's status; when it
 * died of SIGINT (sleep, nc), the whole line is abandoned with 130. Ctrl-C is
 * pressed here from the output callback, when the program has printed a
 * given line, as a person would; a second press stops what runs next.
 */
import { describe, expect, it } from 'vitest';
import { newLab } from './helpers/engine';
import type { EmulatedLab } from '../src/emulator/lab';
import type { AbortLike } from '../src/emulator/core/cancel';

/** A terminal's Ctrl-C key: unlike an AbortController's signal it can fire again. */
class CtrlCKey implements AbortLike {
  aborted = false;
  final = false;
  private listeners = new Set<() => void>();
  addEventListener(_: 'abort', l: () => void): void {
    this.listeners.add(l);
  }
  removeEventListener(_: 'abort', l: () => void): void {
    this.listeners.delete(l);
  }
  press(): void {
    this.aborted = true;
    for (const l of [...this.listeners]) l();
  }
}

/** Runs `line`, pressing Ctrl-C each time the output so far matches one of `when` (in order). */
async function typeAndInterrupt(lab: EmulatedLab, line: string, when: RegExp[], signal: AbortLike & { press(): void } = new CtrlCKey()) {
  let out = '';
  let err = '';
  const pending = [...when];
  const check = (): void => {
    if (pending.length && pending[0].test(out + err)) {
      pending.shift();
      signal.press();
    }
  };
  const status = await lab.run(line, {
    stdout: (t) => { out += t; check(); },
    stderr: (t) => { err += t; check(); },
    signal,
  });
  return { out, err, status, pressed: when.length - pending.length };
}

const THIRD_REPLY = /icmp_seq=3 /;

describe('the rest of a line after Ctrl-C', () => {
  it('ping; echo after: the statistics, then after', async () => {
    const r = await typeAndInterrupt(newLab(), 'ping 8.8.8.8; echo after $?', [THIRD_REPLY]);
    expect(r.out).toMatch(/icmp_seq=3 [^\n]*\n\n--- 8\.8\.8\.8 ping statistics ---\n3 packets transmitted, 3 received, 0% packet loss[^\n]*\nrtt [^\n]*\nafter 0\n$/);
    expect(r.status).toBe(0);
  });

  it('ping && echo ok: ok after replies; ping || echo failed: failed without', async () => {
    expect((await typeAndInterrupt(newLab(), 'ping 127.0.0.1 && echo ok', [THIRD_REPLY])).out).toMatch(/rtt [^\n]*\nok\n$/);
    const lost = await typeAndInterrupt(newLab(), 'ping 10.9.9.9 || echo failed', [/PING/]);
    expect(lost.out).toMatch(/0 received\n\nfailed\n$/);
    expect(lost.status).toBe(0);
  });

  it('tcpdump; echo after: after its counters', async () => {
    const r = await typeAndInterrupt(newLab(), 'tcpdump -i lo; echo after', [/listening on/]);
    expect(r.err).toMatch(/packets captured/);
    expect(r.out).toMatch(/after\n$/);
  });

  it('sleep and nc die of SIGINT: the line is abandoned, status 130', async () => {
    const lab = newLab();
    const key = new CtrlCKey();
    const pressed = lab.run('sleep 100; echo after', { stdout: () => {}, stderr: () => {}, signal: key });
    key.press();
    expect(await pressed).toBe(130);
    const nc = await typeAndInterrupt(newLab(), 'nc -lv -p 8080; echo after', [/istening/]);
    expect(nc.pressed).toBe(1);
    expect(nc.out + nc.err).not.toMatch(/after/);
    expect(nc.status).toBe(130);
  });

  it('a second Ctrl-C stops what runs after the first program handled one', async () => {
    const r = await typeAndInterrupt(newLab(), 'ping 127.0.0.1; echo between; sleep 100; echo never', [THIRD_REPLY, /between/]);
    expect(r.pressed).toBe(2);
    expect(r.out).toMatch(/rtt [^\n]*\nbetween\n$/);
    expect(r.status).toBe(130);
  });

  it('a second program that handles it too: the line still goes on (bash asks each program)', async () => {
    const r = await typeAndInterrupt(newLab(), 'ping 127.0.0.1; ping 127.0.0.2; echo end', [THIRD_REPLY, /127\.0\.0\.2: icmp_seq=2 /]);
    expect(r.out).toMatch(/--- 127\.0\.0\.2 ping statistics ---\n2 packets transmitted[^]*\nend\n$/);
  });

  it('in a loop, ping that handled Ctrl-C lets the loop go on, as in bash', async () => {
    const r = await typeAndInterrupt(newLab(), 'for i in 1 2; do echo "start $i"; ping -c 3 127.0.0.1 >&2; echo "done $i $?"; done', [/icmp_seq=2 /]);
    expect(r.pressed).toBe(1);
    expect(r.out).toBe('start 1\ndone 1 0\nstart 2\ndone 2 0\n');
    expect(r.err).toMatch(/2 packets transmitted[^]*3 packets transmitted/);
  });

  it('with an AbortSignal, which fires once, the line still goes on after ping', async () => {
    const abort = new AbortController();
    let out = '';
    const status = await newLab().run('ping 127.0.0.1; echo after', {
      stdout: (t) => { out += t; if (/icmp_seq=2 /.test(out)) abort.abort(); },
      signal: abort.signal,
    });
    expect(out).toMatch(/2 packets transmitted[^]*after\n$/);
    expect(status).toBe(0);
  });

  it("the terminal's Reset stops the whole line, even after ping", async () => {
    const key = new CtrlCKey();
    key.final = true;
    const r = await typeAndInterrupt(newLab(), 'ping 127.0.0.1; echo after', [THIRD_REPLY], key);
    expect(r.out).toMatch(/rtt [^\n]*\n$/);
  });

  it('ssh node2 ping: the outer line\'s time limit reaches the nested one (it used to run forever)', async () => {
    const lab = newLab(1, 2);
    let out = '';
    const status = await lab.run('ssh node2 "ping 8.8.8.8; echo inner"', { stdout: (t) => (out += t), timeLimitMs: 3000 });
    expect(out).toMatch(/3 packets transmitted[^]*\ninner\n$/);
    expect(status).toBe(130);
  });
});
