/** `docker run -p [hostIp:][hostPort:]containerPort[/proto]` is in effect. */
import type { CheckSpec } from './types';
import { PASS, fail } from './types';
import { listWords, notRunning } from './explain';

/** Docker keys ports as "80/tcp"; a bare "80" means TCP, as `-p 8080:80` does. */
export function portKey(containerPort: string): string {
  const p = containerPort.trim();
  return p.includes('/') ? p : `${p}/tcp`;
}

/** `-p 8080:80` binds 0.0.0.0 (and :: with IPv6): "all addresses", however it is written. */
function sameHostIp(actual: string, wanted: string): boolean {
  const any = (ip: string) => ip === '' || ip === '0.0.0.0';
  return actual === wanted || (any(actual) && any(wanted));
}

type Binding = { hostIp: string; hostPort: string };

function bindingWords(b: Binding): string {
  const ip = b.hostIp.includes(':') ? `[${b.hostIp}]` : b.hostIp;
  return ip ? `${ip}:${b.hostPort}` : b.hostPort;
}

export const portPublished: CheckSpec<'port-published'> = {
  kind: 'port-published',
  describe(check) {
    const on = [check.hostIp && `address ${check.hostIp}`, check.hostPort !== undefined && `host port ${check.hostPort}`].filter(Boolean);
    return `port ${portKey(check.containerPort)} of ${check.container} is published${on.length ? ` on ${on.join(', ')}` : ''}`;
  },
  evaluate(check, lab) {
    const c = lab.query.container(check.container);
    const key = portKey(check.containerPort);
    if (!c) return fail(`there is no container called ${check.container} yet`);
    // A stopped container publishes nothing: `docker port` prints no mappings for it.
    if (!c.running) return fail(`${notRunning(c)}, so none of its ports are published`);
    const binds = c.ports[key] ?? [];
    if (binds.length === 0) {
      const others = Object.entries(c.ports).filter(([, b]) => b.length).map(([p]) => p);
      const note = others.length ? ` (published: ${listWords(others)})` : '';
      return fail(`port ${key} of ${c.name} is not published${note}`);
    }
    const ok = binds.some((b) =>
      (check.hostPort === undefined || b.hostPort === String(check.hostPort)) &&
      (check.hostIp === undefined || sameHostIp(b.hostIp, check.hostIp)));
    if (ok) return PASS;
    const wanted = [check.hostIp && `address ${check.hostIp}`, check.hostPort !== undefined && `host port ${check.hostPort}`].filter(Boolean).join(', ');
    return fail(`port ${key} of ${c.name} is published on ${listWords(binds.map(bindingWords))}, not on ${wanted}`);
  },
};
