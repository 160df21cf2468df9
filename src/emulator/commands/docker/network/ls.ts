/**
 * `docker network ls` (docker/cli cli/command/network/list.go and
 * formatter.go; filters from moby daemon/network/filter.go). The client sorts
 * the rows by name in natural order (sortorder.NaturalLess); IDs are cut to 12
 * characters unless --no-trunc. Row fields for --format: ID, Name, Driver,
 * Scope, IPv4, IPv6, Internal, Labels, CreatedAt (`{{.Label "k"}}` is a Go
 * method with an argument, which the template engine's data model cannot
 * express: it is not offered).
 */
import type { CommandContext } from '../../types';
import type { DockerCommand } from '../cli/command';
import type { Flags } from '../cli/flags';
import type { DockerState, NetworkState } from '../../../docker/state';
import { printDaemonError } from '../cli/command';
import { formatList } from '../../../docker/format/table';
import { withGoType } from '../../../docker/format/govalues';
import { activeEndpoints } from '../../../docker/networks';
import { goTimeString } from '../../../docker/inspect-network';
import { daemonOf } from '../engine-access';
import { exactMatch, filterFlag, invalidFilterKey, labelsMatch, parseFilters, regexpMatch, type FilterArgs } from './filters';

const TABLE = 'table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}';
const RAW = 'network_id: {{.ID}}\\nname: {{.Name}}\\ndriver: {{.Driver}}\\nscope: {{.Scope}}\\n';
const HEADERS = {
  ID: 'NETWORK ID', Name: 'NAME', Driver: 'DRIVER', Scope: 'SCOPE', IPv4: 'IPV4', IPv6: 'IPV6',
  Internal: 'INTERNAL', Labels: 'LABELS', CreatedAt: 'CREATED AT',
};
const ACCEPTED = ['dangling', 'driver', 'id', 'label', 'name', 'scope', 'type'];

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** Natural order: digit runs compare as numbers (then by leading zeros), digits sort before other characters. */
export function naturalLess(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const da = isDigit(a[i]);
    const db = isDigit(b[j]);
    if (da !== db) return da;
    if (!da) {
      if (a[i] !== b[j]) return a[i] < b[j];
      i++;
      j++;
      continue;
    }
    const za = i;
    const zb = j;
    while (a[i] === '0') i++;
    while (b[j] === '0') j++;
    const sa = i;
    const sb = j;
    while (isDigit(a[i])) i++;
    while (isDigit(b[j])) j++;
    if (i - sa !== j - sb) return i - sa < j - sb;
    if (a.slice(sa, i) !== b.slice(sb, j)) return a.slice(sa, i) < b.slice(sb, j);
    if (sa - za !== sb - zb) return sa - za < sb - zb;
  }
  return a.length < b.length;
}

function dangling(docker: DockerState, net: NetworkState, value: string): boolean | string {
  if (value !== 'true' && value !== '1' && value !== 'false' && value !== '0') {
    return 'invalid value for filter \'dangling\', must be "true" (or "1"), or "false" (or "0")';
  }
  const used = net.predefined || activeEndpoints(docker, net).length > 0;
  return value === 'true' || value === '1' ? !used : used;
}

/** FilterNetworks: the networks that pass, or the daemon's error. */
export function filterNetworks(docker: DockerState, nets: NetworkState[], args: FilterArgs): NetworkState[] | string {
  const bad = invalidFilterKey(args, ACCEPTED);
  if (bad) return bad;
  let out = nets.filter((n) =>
    exactMatch(args, 'driver', n.driver) && regexpMatch(args, 'name', n.name) && regexpMatch(args, 'id', n.id) &&
    labelsMatch(args, 'label', n.labels) && exactMatch(args, 'scope', n.scope));
  const d = args.get('dangling');
  if (d) {
    if (d.length > 1) return 'got more than one value for filter key "dangling"';
    const kept: NetworkState[] = [];
    for (const n of out) {
      const keep = dangling(docker, n, d[0]);
      if (typeof keep === 'string') return keep;
      if (keep) kept.push(n);
    }
    out = kept;
  }
  const types = args.get('type');
  if (!types) return out;
  const byType: NetworkState[] = [];
  for (const t of types) {
    if (t !== 'custom' && t !== 'builtin') return `invalid filter: 'type'='${t}'`;
    byType.push(...out.filter((n) => n.predefined === (t === 'builtin')));
  }
  return byType;
}

function row(net: NetworkState, trunc: boolean): object {
  const labels = Object.keys(net.labels).sort().map((k) => `${k}=${net.labels[k]}`).join(',');
  return withGoType({
    ID: trunc ? net.id.slice(0, 12) : net.id,
    Name: net.name,
    Driver: net.driver,
    Scope: net.scope,
    IPv4: 'true',
    IPv6: 'false',
    Internal: String(net.internal),
    Labels: labels,
    CreatedAt: goTimeString(net.created, net.createdNanos),
  }, '*network.networkContext');
}

function listFormat(flags: Flags): string {
  const format = flags.string('format') ?? '';
  if (format === '' || format === 'table') return flags.bool('quiet') ? '{{.ID}}' : TABLE;
  if (format === 'raw') return flags.bool('quiet') ? 'network_id: {{.ID}}' : RAW;
  return format;
}

function run(ctx: CommandContext, flags: Flags): number {
  const docker = daemonOf(ctx);
  const nets = filterNetworks(docker, Object.values(docker.networks), parseFilters(flags.list('filter')));
  if (typeof nets === 'string') return printDaemonError(ctx, nets);
  nets.sort((a, b) => (naturalLess(a.name, b.name) ? -1 : naturalLess(b.name, a.name) ? 1 : 0));
  const out = formatList(listFormat(flags), TABLE, nets.map((n) => row(n, !flags.bool('no-trunc'))), HEADERS);
  if (!out.ok) {
    ctx.stderr(out.error + '\n');
    return 1;
  }
  ctx.stdout(out.text);
  return 0;
}

export const networkLs: DockerCommand = {
  path: ['network', 'ls'],
  aliases: [['network', 'list']],
  use: 'network ls [OPTIONS]',
  short: 'List networks',
  flags: [
    filterFlag({ long: 'filter', short: 'f', help: 'Provide filter values (e.g. "driver=bridge")' }),
    { long: 'format', type: 'string', help: 'Format output using a custom template' },
    { long: 'no-trunc', type: 'bool', help: 'Do not truncate the output' },
    { long: 'quiet', short: 'q', type: 'bool', help: 'Only display network IDs' },
  ],
  args: { kind: 'none' },
  run,
};
