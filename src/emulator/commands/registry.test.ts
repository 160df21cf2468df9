/**
 * Programs loaded on first use (lazy-pack.ts): the registry's lists of names
 * match the packs' code, and a lab whose programs arrive while it runs prints
 * exactly what a lab with everything loaded prints, concurrent lines included.
 * Each test gets a fresh copy of the emulator's modules, so nothing is loaded
 * until the lab asks for it.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Lab } from '../api';

type Index = typeof import('../index');
type Registry = typeof import('./registry');

async function fresh(): Promise<{ emulator: Index; registry: Registry }> {
  vi.resetModules();
  const emulator = await import('../index');
  const registry = await import('./registry');
  return { emulator, registry };
}

function loadedPacks(registry: Registry): boolean[] {
  return registry.LAZY_PACKS.map((p) => p.isLoaded);
}

/** Output of `line` as one string, status last. */
async function run(lab: Lab, line: string): Promise<string> {
  let text = '';
  const status = await lab.run(line, { stdout: (t) => (text += t), stderr: (t) => (text += `[err]${t}`), timeLimitMs: 5000 });
  return `${text}(${status})`;
}

/**
 * A short session: two lines typed at once in two tabs (concurrent lab.run
 * calls, the second started before the first has run), a capture in one tab
 * while another pings, then tools of every pack one after the other.
 */
async function transcript(lab: Lab): Promise<string[]> {
  const out: string[] = [];
  const both = [run(lab, 'docker network create first'), run(lab, 'ip link add dummy0 type dummy; docker network create second')];
  out.push(...(await Promise.all(both)));
  out.push(await run(lab, 'ip -br link show dummy0; docker network ls --no-trunc'));
  out.push(await run(lab, 'docker run -d --name web nginx'));
  let captured = '';
  let listening!: () => void;
  const ready = new Promise<void>((resolve) => (listening = resolve));
  const capture = lab.run('tcpdump -nn -i docker0 -c 2 icmp', {
    stdout: (t) => (captured += t),
    stderr: (t) => {
      captured += t;
      if (t.includes('listening on')) listening();
    },
  });
  await ready;
  out.push(await run(lab, 'ping -c 1 172.17.0.2'));
  out.push(`${captured}(${await capture})`);
  for (const line of ['curl -s 172.17.0.2 | head -n 4', 'ls /etc | wc -l', 'systemctl is-active docker', 'docker network ls', 'ip -br addr']) {
    out.push(await run(lab, line));
  }
  return out;
}

describe('programs loaded on first use', () => {
  beforeEach(() => {
    vi.resetModules();
  });

  it("each pack's names are the names of the programs its code registers, and no name is in two places", async () => {
    const { registry } = await fresh();
    await registry.preloadTools();
    const seen = new Set<string>();
    for (const pack of registry.LAZY_PACKS) {
      const loaded = pack.names.map((n) => pack.loaded(n)?.name);
      expect(loaded).toEqual(pack.names);
      for (const name of pack.names) {
        expect(seen.has(name), name).toBe(false);
        seen.add(name);
      }
    }
    const { systemCommands } = await import('./system/index');
    for (const spec of systemCommands) expect(seen.has(spec.name), spec.name).toBe(false);
  });

  it('creating a lab, restoring a snapshot, prompting and completing load no program', async () => {
    const { emulator, registry } = await fresh();
    const lab = emulator.createLab({ seed: 4, hosts: 2 });
    lab.restore(lab.snapshot());
    expect(lab.prompt()).toContain('node1');
    expect(lab.complete('docker netw')).toEqual(['network']);
    expect(lab.complete('docker network i')).toEqual(['inspect']);
    expect(lab.complete('pin')).toEqual(['ping']);
    expect(await run(lab, 'echo hi; hostname')).toBe('hi\nnode1\n(0)');
    expect(loadedPacks(registry)).toEqual(registry.LAZY_PACKS.map(() => false));
  });

  it('a line loads the packs of the programs it names, and only those', async () => {
    const { emulator, registry } = await fresh();
    const lab = emulator.createLab({ seed: 1 });
    expect(await run(lab, 'docker network ls -q | wc -l')).toBe('3\n(0)');
    const names = registry.LAZY_PACKS.map((p) => p.names[0]);
    expect(Object.fromEntries(names.map((n, i) => [n, loadedPacks(registry)[i]]))).toEqual({ docker: true, ip: false, cat: true, systemctl: false });
  });

  it('prints the same transcript whether the programs arrive while the lab runs or were loaded before', async () => {
    const cold = await fresh();
    const coldLines = await transcript(cold.emulator.createLab({ seed: 5 }));
    expect(loadedPacks(cold.registry).every(Boolean)).toBe(true);

    const warm = await fresh();
    await warm.emulator.preloadTools();
    const warmLines = await transcript(warm.emulator.createLab({ seed: 5 }));

    expect(coldLines).toEqual(warmLines);
    // The capture saw the other tab's ping: the request and the reply.
    expect(coldLines[5]).toMatch(/ICMP echo request[^]*ICMP echo reply[^]*2 packets captured/);
  });

  it("a restored lab's background loops run the same whether their programs were loaded before or arrive as time passes", async () => {
    // A poller made where everything is loaded (the build of a lesson's prebuilt lab), restored elsewhere.
    const maker = await fresh();
    await maker.emulator.preloadTools();
    const source = maker.emulator.createLab({ seed: 9 });
    for (const line of ['docker run -d --name web nginx', "docker run -d --name poller alpine sh -c 'while true; do wget -qO- http://172.17.0.2/ | head -n 1; sleep 1; done'"]) {
      await run(source, line);
    }
    const snapshot = source.snapshot();
    const after = ['sleep 3', 'docker logs poller', 'docker logs web | wc -l'];

    const cold = await fresh();
    const coldLab = cold.emulator.restoreLab(snapshot);
    // The restore asks for the poller's programs (wget, head) at once, so the first line waits for them.
    const requested = Object.fromEntries(cold.registry.LAZY_PACKS.map((p) => [p.names[0], p.isRequested]));
    expect(requested).toEqual({ docker: false, ip: true, cat: true, systemctl: false });
    expect(await run(coldLab, 'echo first')).toBe('first\n(0)');
    const coldOut: string[] = [];
    for (const line of after) coldOut.push(await run(coldLab, line));

    const warm = await fresh();
    await warm.emulator.preloadTools();
    const warmLab = warm.emulator.restoreLab(snapshot);
    await run(warmLab, 'echo first');
    const warmOut: string[] = [];
    for (const line of after) warmOut.push(await run(warmLab, line));

    expect(coldOut).toEqual(warmOut);
    expect(warmOut[1]).toContain('<!DOCTYPE html>');
  });

  it('a program the line does not name is loaded when it runs, with its help and its Ctrl-C status', async () => {
    const cold = await fresh();
    const lab = cold.emulator.createLab({ seed: 2 });
    const pingIndex = cold.registry.LAZY_PACKS.findIndex((p) => p.names.includes('ping'));
    // `${p}ng` is ping, but no word of the line is.
    const viaVariable = await run(lab, 'p=pi; ${p}ng -c 1 192.168.1.1; echo "status $?"');
    expect(cold.registry.LAZY_PACKS[pingIndex].isLoaded).toBe(true);

    const warm = await fresh();
    await warm.emulator.preloadTools();
    const warmLab = warm.emulator.createLab({ seed: 2 });
    expect(viaVariable).toBe(await run(warmLab, 'p=pi; ${p}ng -c 1 192.168.1.1; echo "status $?"'));
    expect(viaVariable).toContain('1 packets transmitted, 1 received');
    // Stopped by the time limit (as by Ctrl-C): the stand-in reports ping's own handling of it, as the loaded ping does.
    const cut = await fresh();
    const stopped = await run(cut.emulator.createLab({ seed: 2 }), 'p=pi; ${p}ng 192.168.1.1; echo "status $?"');
    expect(stopped).toBe(await run(warm.emulator.createLab({ seed: 2 }), 'p=pi; ${p}ng 192.168.1.1; echo "status $?"'));

    const helpCold = await fresh();
    const helpText = await run(helpCold.emulator.createLab(), 'w=wg; ${w}et --help');
    expect(helpText).toBe(await run(warm.emulator.createLab(), 'wget --help'));
  });
});
