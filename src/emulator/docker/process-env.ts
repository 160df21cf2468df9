/**
 * The environment of a process in a container, in the order Docker builds it
 * (container.CreateDaemonEnvironment): PATH, HOSTNAME, TERM (with a tty), the
 * legacy link variables, then Config.Env replacing or appending, and HOME,
 * which runc adds last when the image does not set it. `env` prints this order.
 */
import type { LabCtx } from '../world/ctx';
import type { ContainerState } from './state';
import { linkEnv } from './links';

const DEFAULT_PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

function replaceOrAppend(env: string[], overrides: string[]): string[] {
  const out = [...env];
  for (const kv of overrides) {
    const key = kv.includes('=') ? kv.slice(0, kv.indexOf('=')) : kv;
    const i = out.findIndex((e) => e.slice(0, e.indexOf('=')) === key);
    if (!kv.includes('=')) {
      if (i >= 0) out.splice(i, 1);
      continue;
    }
    if (i >= 0) out[i] = kv;
    else out.push(kv);
  }
  return out;
}

/** KEY=value lines; `tty` adds TERM=xterm; `extra` are `docker exec -e` values. */
export function containerProcessEnv(ctx: LabCtx, machine: string, c: ContainerState, tty: boolean, extra: string[] = []): string[] {
  let env = [DEFAULT_PATH, `HOSTNAME=${c.hostname}`];
  if (tty) env.push('TERM=xterm');
  env.push(...linkEnv(ctx, machine, c));
  env = replaceOrAppend(env, c.env);
  env = replaceOrAppend(env, extra);
  if (!env.some((e) => e.startsWith('HOME='))) env.push('HOME=/root');
  return env;
}

export function envRecord(lines: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kv of lines) {
    const i = kv.indexOf('=');
    if (i > 0) out[kv.slice(0, i)] = kv.slice(i + 1);
  }
  return out;
}
