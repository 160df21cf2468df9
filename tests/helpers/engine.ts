/** Test helpers that drive the engine directly (below the docker CLI). */
import { createLab } from '../../src/emulator/index';
import type { EmulatedLab } from '../../src/emulator/lab';
import { createContainer, type ContainerCreateOptions } from '../../src/emulator/docker/container-create';
import { startContainer } from '../../src/emulator/docker/container-lifecycle';
import { createNetwork, type NetworkCreateOptions } from '../../src/emulator/docker/networks';
import type { ContainerState } from '../../src/emulator/docker/state';

export function newLab(seed = 1, hosts = 1): EmulatedLab {
  return createLab({ seed, hosts }) as EmulatedLab;
}

export function defaults(o: Partial<ContainerCreateOptions>): ContainerCreateOptions {
  return {
    image: 'alpine', cmd: ['sleep', '1d'], env: [], networkMode: 'bridge', aliases: [], dns: [], dnsSearch: [], dnsOptions: [],
    extraHosts: [], links: [], exposed: [], portBindings: {}, publishAll: false, tty: false, openStdin: false, autoRemove: false, ...o,
  };
}

export function run(lab: EmulatedLab, o: Partial<ContainerCreateOptions>, machine = 'node1'): ContainerState {
  const r = createContainer(lab.ctx, machine, defaults(o));
  if ('daemonError' in r) throw new Error(r.daemonError);
  const err = startContainer(lab.ctx, machine, r.container);
  if (err) throw new Error(err.daemonError);
  return r.container;
}

export function network(lab: EmulatedLab, o: Partial<NetworkCreateOptions> & { name: string }, machine = 'node1'): void {
  const r = createNetwork(lab.ctx, machine, { driver: 'bridge', ...o });
  if ('daemonError' in r) throw new Error(r.daemonError);
}

/** Runs one line; a command still running after `timeLimitMs` of lab time (4 s) is stopped as by Ctrl-C. */
export async function sh(lab: EmulatedLab, line: string, timeLimitMs = 4000): Promise<{ out: string; err: string; status: number }> {
  let out = '';
  let err = '';
  const status = await lab.run(line, { stdout: (t) => (out += t), stderr: (t) => (err += t), timeLimitMs });
  return { out, err, status };
}
