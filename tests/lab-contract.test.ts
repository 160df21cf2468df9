/**
 * The Lab contract: snapshots round-trip exactly, foreign or old snapshots are
 * rejected whole, a fault inside a command rolls the lab back, and random
 * command lines never throw or corrupt the lab.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createLab } from '../src/emulator/index';
import type { EmulatedLab } from '../src/emulator/lab';
import { network, newLab, run, sh } from './helpers/engine';
import { registerTestCommand } from './helpers/faulty';

describe('snapshot and restore', () => {
  it('round-trips a lab with networks and containers exactly', async () => {
    const lab = newLab(3);
    network(lab, { name: 'appnet' });
    run(lab, { name: 'web', image: 'nginx', cmd: [], networkMode: 'appnet' });
    await sh(lab, 'ping -c 1 8.8.8.8');
    const snap = lab.snapshot();
    const copy = createLab({ seed: 99 });
    copy.restore(JSON.parse(JSON.stringify(snap)));
    expect(copy.snapshot()).toEqual(snap);
    const a = await sh(lab, 'ip a');
    const b = await sh(copy as EmulatedLab, 'ip a');
    expect(b.out).toBe(a.out);
    expect(copy.query.canReach({ host: 'node1' }, '172.18.0.2', 80).ok).toBe(true);
  });

  it('rejects a foreign or older snapshot and leaves the lab unchanged', () => {
    const lab = newLab();
    const before = JSON.stringify(lab.snapshot());
    expect(() => lab.restore({ format: 'something-else', version: 1, state: {} } as never)).toThrow(/not a saved lab/);
    expect(() => lab.restore({ format: 'docker-networking-lab', version: 0, state: {} })).toThrow(/version 0/);
    expect(() => lab.restore({ format: 'docker-networking-lab', version: 1, state: { version: 1 } })).toThrow(/damaged/);
    expect(JSON.stringify(lab.snapshot())).toBe(before);
  });
});

describe('probes', () => {
  it('canReach and resolve leave the lab exactly as they found it', () => {
    const lab = newLab(4);
    network(lab, { name: 'appnet' });
    run(lab, { name: 'web', image: 'nginx', cmd: [], networkMode: 'appnet' });
    run(lab, { name: 'client', networkMode: 'appnet' });
    const before = JSON.stringify(lab.snapshot());
    expect(lab.query.canReach({ container: 'client' }, 'web', 80).ok).toBe(true);
    expect(lab.query.canReach({ laptop: true }, 'google.com').ok).toBe(true);
    expect(lab.query.resolve({ container: 'client' }, 'web')).toBe('172.18.0.2');
    expect(JSON.stringify(lab.snapshot())).toBe(before);
  });
});

describe('faults', () => {
  it('a command that throws prints one line and leaves the lab exactly as before', async () => {
    registerTestCommand();
    const lab = newLab();
    const before = JSON.stringify(lab.snapshot());
    const r = await sh(lab, 'explode');
    expect(r.err).toMatch(/^explode: internal error: boom\n$/);
    expect(JSON.stringify(lab.snapshot())).toBe(before.replace(/"history":\[\]/, '"history":["explode"]'));
  });

  it('a line that creates a network and starts a container, then throws, is undone whole', async () => {
    registerTestCommand();
    const lab = newLab();
    const line = 'docker network create appnet >/dev/null && docker run -d --name web --network appnet -p 8080:80 nginx >/dev/null 2>&1 && explode';
    const before = JSON.stringify(lab.snapshot());
    const r = await sh(lab, line);
    expect(r.err).toBe('explode: internal error: boom\n');
    expect(JSON.stringify(lab.snapshot())).toBe(before.replace(/"history":\[\]/, `"history":${JSON.stringify([line])}`));
    // The lab still works, and the same names are free again.
    expect((await sh(lab, 'docker network create appnet')).err).toBe('');
    expect((await sh(lab, 'docker run -d --name web --network appnet -p 8080:80 nginx')).err).not.toMatch(/Error|Conflict/);
    expect(lab.query.canReach({ laptop: true }, 'node1', 8080).ok).toBe(true);
  });
});

describe('determinism', () => {
  it('the same seed and commands give byte-identical transcripts', async () => {
    const lines = ['ip a', 'ping -c 3 google.com', 'ip neigh', 'iptables -L -n -v'];
    const transcript = async (seed: number) => {
      const lab = newLab(seed);
      let text = '';
      for (const l of lines) text += (await sh(lab, l)).out;
      return text;
    };
    expect(await transcript(11)).toBe(await transcript(11));
  });
});

describe('robustness', () => {
  const words = ['docker', 'run', 'network', 'create', 'ps', '-d', '--rm', '-p', '8080:80', 'nginx', 'alpine', 'ip', 'a', 'ping', '-c', '1', 'web', '|', 'grep', '&&', '||', ';', '"', "'", '$(', ')', 'iptables', '-A', 'INPUT', '-j', 'DROP', 'cat', '/etc/hosts', 'echo', '$X', '>', '/tmp/x', 'exit', '--foo', '-', 'ls', 'cd', '/', 'wc', '-l'];
  it('random command lines never throw and never corrupt the lab', async () => {
    const lab = newLab(21);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 8 }), async (parts) => {
        const status = await lab.run(parts.join(' '), { stdout: () => {}, stderr: () => {}, timeLimitMs: 2000 });
        expect(Number.isInteger(status)).toBe(true);
        const snap = lab.snapshot();
        expect(() => createLab().restore(JSON.parse(JSON.stringify(snap)))).not.toThrow();
      }),
      { numRuns: 300 },
    );
  }, 60_000); // 300 lines with a snapshot round trip each: seconds on a loaded two-core machine
});
