/** What `can-reach` and `cannot-reach` share: the probe's target and its words. */
import type { CheckOf } from '../types';
import type { ReachTarget } from './diagnose';
import { isIPv4, vantageName } from './explain';

type ReachCheck = CheckOf<'can-reach'> | CheckOf<'cannot-reach'>;

/** No port means a ping; a port without a protocol means TCP, as `curl`/`nc` default to. */
export function reachTarget(check: ReachCheck): ReachTarget {
  if (check.port === undefined || check.proto === 'icmp') return { to: check.to, proto: 'icmp' };
  return { to: check.to, port: check.port, proto: check.proto ?? 'tcp' };
}

/** "db by name on port 5432/tcp", "172.18.0.3 (ping)". */
export function targetWords(check: ReachCheck): string {
  const t = reachTarget(check);
  const byName = !isIPv4(t.to) && 'container' in check.from ? ' by name' : '';
  const how = t.proto === 'icmp' ? ' (ping)' : ` on port ${t.port}/${t.proto}`;
  return `${t.to}${byName}${how}`;
}

export function fromWords(check: ReachCheck): string {
  return vantageName(check.from);
}
