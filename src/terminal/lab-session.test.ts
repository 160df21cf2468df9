import { describe, expect, it, vi } from 'vitest';
import type { Lab, LabOptions, LabSnapshot } from '../emulator/api';
import { LabSession } from './lab-session';
import { LabStore } from './lab-storage';

/** A test double of the Lab contract: remembers commands, follows ssh/exit. */
function fakeFactory(log: string[]) {
  return (options: LabOptions): Lab => {
    let lines: string[] = [];
    const stack = ['node1'];
    const hosts = Array.from({ length: options.hosts ?? 1 }, (_, i) => `node${i + 1}`);
    return {
      async run(line) {
        log.push(line === '\x10\x11' ? '^P^Q' : line);
        if (line.startsWith('ssh ')) stack.push(line.slice(4));
        else if (line.startsWith('docker exec -it ')) stack.push(`ctr:${stack.at(-1)}`);
        else if (line === '\x10\x11' && stack.at(-1)!.startsWith('ctr:')) stack.pop();
        else if (line === 'exit' && stack.length > 1) stack.pop();
        else lines.push(line);
        return line === 'false' ? 1 : 0;
      },
      prompt: () => (stack.at(-1)!.startsWith('ctr:') ? '/ # ' : `root@${stack.at(-1)}:~# `),
      currentHost: () => stack.at(-1)!.replace(/^ctr:/, ''),
      hosts: () => hosts,
      complete: () => [],
      continues: () => false,
      history: () => [],
      snapshot: () => ({ format: 'docker-networking-lab', version: 1, state: [...lines] }),
      restore(s: LabSnapshot) {
        if (!Array.isArray(s.state)) throw new Error('snapshot state is not a list');
        lines = [...(s.state as string[])];
      },
      writeFile: () => undefined,
      query: {} as Lab['query'],
      // The fake exposes its state for assertions.
      get state() { return lines; },
    } as Lab & { state: string[] };
  };
}

class MemoryStorage {
  map = new Map<string, string>();
  getItem(k: string) { return this.map.get(k) ?? null; }
  setItem(k: string, v: string) { this.map.set(k, v); }
  removeItem(k: string) { this.map.delete(k); }
}

const state = (s: LabSession) => (s.lab as Lab & { state: string[] }).state;

describe('LabSession', () => {
  it('runs the setup silently, then restores what the student did after a reload', async () => {
    const storage = new MemoryStorage();
    const log: string[] = [];
    const def = { setup: ['docker network create a', 'false'] };
    const first = new LabSession(def, fakeFactory(log), new LabStore(storage, 'k', 'f'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await first.start()).toEqual({ restored: false, notice: undefined, history: {} });
    expect(first.setupFailures).toEqual([{ command: 'false', status: 1 }]);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
    await first.run('docker network create b', {});
    first.save({ node1: ['docker network create b'] });

    const second = new LabSession(def, fakeFactory([]), new LabStore(storage, 'k', 'f'));
    const result = await second.start();
    expect(result.restored).toBe(true);
    expect(result.history).toEqual({ node1: ['docker network create b'] });
    expect(state(second)).toEqual(['docker network create a', 'false', 'docker network create b']);
  });

  it('starts fresh with a notice when the saved lab is rejected', async () => {
    const storage = new MemoryStorage();
    storage.setItem('k', JSON.stringify({ v: 1, setup: 'f', snapshot: { format: 'docker-networking-lab', version: 1, state: 'junk' }, history: {} }));
    const session = new LabSession({ setup: ['one'] }, fakeFactory([]), new LabStore(storage, 'k', 'f'));
    const result = await session.start();
    expect(result.restored).toBe(false);
    expect(result.notice).toContain('snapshot state is not a list');
    expect(state(session)).toEqual(['one']);
    expect(storage.getItem('k')).toBeNull();
  });

  it('reset forgets the saved lab and rebuilds the starting lab', async () => {
    const storage = new MemoryStorage();
    const session = new LabSession({ setup: ['one'] }, fakeFactory([]), new LabStore(storage, 'k', 'f'));
    await session.start();
    await session.run('two', {});
    session.save({});
    await session.reset();
    expect(state(session)).toEqual(['one']);
    expect(storage.getItem('k')).toBeNull();
  });

  it('moves the shared shell to the tab host with ssh and back with exit', async () => {
    const log: string[] = [];
    const session = new LabSession({ hosts: 3, setup: [] }, fakeFactory(log), new LabStore(undefined, 'k', 'f'));
    await session.start();
    await session.run('hostname', {}, 'node2');
    await session.run('hostname', {}, 'node3');
    await session.use('node1');
    expect(log).toEqual(['ssh node2', 'hostname', '^P^Q', 'exit', 'ssh node3', 'hostname', '^P^Q', 'exit']);
    expect(session.lab.currentHost()).toBe('node1');
  });

  it('leaves a container shell alone for commands on its own host', async () => {
    const log: string[] = [];
    const session = new LabSession({ hosts: 2, setup: [] }, fakeFactory(log), new LabStore(undefined, 'k', 'f'));
    await session.start();
    await session.run('docker exec -it web sh', {}, 'node1');
    await session.run('hostname', {}, 'node1');
    expect(log).toEqual(['docker exec -it web sh', 'hostname']);
    expect(session.lab.prompt()).toBe('/ # ');
  });

  it('detaches from a container shell before moving to another host', async () => {
    const log: string[] = [];
    const session = new LabSession({ hosts: 2, setup: [] }, fakeFactory(log), new LabStore(undefined, 'k', 'f'));
    await session.start();
    await session.run('docker exec -it web sh', {}, 'node1');
    await session.use('node2');
    expect(log).toEqual(['docker exec -it web sh', '^P^Q', 'ssh node2']);
    expect(session.lab.prompt()).toBe('root@node2:~# ');
  });

  it('runs the setup without real time and hands the result to a real-time lab', async () => {
    const made: LabOptions[] = [];
    const factory = fakeFactory([]);
    const session = new LabSession({ seed: 4, hosts: 2, setup: ['one'] }, (o) => (made.push(o), factory(o)), new LabStore(undefined, 'k', 'f'));
    await session.start();
    expect(made).toEqual([
      { seed: 4, hosts: 2, realtime: false },
      { seed: 4, hosts: 2, realtime: true },
    ]);
    expect(state(session)).toEqual(['one']);
  });

  it('with a restorer, makes the live lab from the prebuilt snapshot without a fresh lab first', async () => {
    const made: LabOptions[] = [];
    const restored: { snapshot: LabSnapshot; options: LabOptions }[] = [];
    const factory = fakeFactory([]);
    const prebuilt = { snapshot: { format: 'docker-networking-lab', version: 1, state: ['one', 'two'] } as LabSnapshot, failures: [] };
    const restorer = (snapshot: LabSnapshot, options: LabOptions) => {
      restored.push({ snapshot, options });
      const lab = factory(options);
      lab.restore(snapshot);
      return lab;
    };
    const session = new LabSession({ seed: 4, hosts: 2, setup: ['one', 'two'] }, (o) => (made.push(o), factory(o)), new LabStore(undefined, 'k', 'f'), prebuilt, restorer);
    await session.start();
    expect(made).toEqual([]);
    expect(restored).toEqual([{ snapshot: prebuilt.snapshot, options: { seed: 4, hosts: 2, realtime: true } }]);
    expect(state(session)).toEqual(['one', 'two']);
  });

  it('builds a lab without setup directly in real time', async () => {
    const made: LabOptions[] = [];
    const factory = fakeFactory([]);
    const session = new LabSession({ setup: [] }, (o) => (made.push(o), factory(o)), new LabStore(undefined, 'k', 'f'));
    await session.start();
    expect(made).toEqual([{ seed: undefined, hosts: undefined, realtime: true }]);
  });

  it('runs commands one at a time', async () => {
    const order: string[] = [];
    const session = new LabSession({ setup: [] }, fakeFactory(order), new LabStore(undefined, 'k', 'f'));
    await session.start();
    await Promise.all([session.run('a', {}), session.run('b', {}), session.run('c', {})]);
    expect(order).toEqual(['a', 'b', 'c']);
  });
});

describe('LabSession with a capture running in one tab', () => {
  it('runs a line typed in another tab while tcpdump waits, then brings the session back for the first tab', async () => {
    const { createLab } = await import('../emulator/index');
    const session = new LabSession({ hosts: 2, setup: [] }, (o) => createLab(o), new LabStore(new MemoryStorage(), 'k', 'f'));
    await session.start();
    let captured = '';
    let listening!: () => void;
    const ready = new Promise<void>((r) => (listening = r));
    const abort = new AbortController();
    const capture = session.run('tcpdump -n -i eth0 icmp', {
      stdout: (t) => (captured += t),
      stderr: (t) => t.includes('listening on') && listening(),
      signal: abort.signal,
    }, 'node1');
    await ready;
    let pinged = '';
    const status = await session.run('ping -c 2 192.168.1.11', { stdout: (t) => (pinged += t) }, 'node2');
    expect(status).toBe(0);
    expect(pinged).toContain('2 packets transmitted, 2 received');
    expect(session.lab.currentHost()).toBe('node2');
    abort.abort();
    await capture;
    expect(captured).toMatch(/IP 192\.168\.1\.12 > 192\.168\.1\.11: ICMP echo request, id \d+, seq 1, length 64\n/);
    expect(captured).toMatch(/IP 192\.168\.1\.11 > 192\.168\.1\.12: ICMP echo reply, id \d+, seq 2, length 64\n/);
    // The first tab's prompt is its own host's again.
    expect(session.lab.prompt()).toBe('root@node1:~# ');
  });

  it('leaves the session where a finished line put it: `ssh node2` typed in node1’s tab stays on node2', async () => {
    const { createLab } = await import('../emulator/index');
    const session = new LabSession({ hosts: 2, setup: [] }, (o) => createLab(o), new LabStore(new MemoryStorage(), 'k', 'f'));
    await session.start();
    expect(await session.run('ssh node2', {}, 'node1')).toBe(0);
    await new Promise((r) => setTimeout(r, 20));
    expect(session.lab.prompt()).toBe('root@node2:~# ');
  });
});
