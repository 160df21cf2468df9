/**
 * `docker ps --filter` (daemon/list.go): name (a regular expression matched
 * against `/name`), id (prefix), status (exact state; implies -a), exited
 * (exit code), network (name or ID), ancestor (image name, with or without
 * tag, or image ID), label (key or key=value). Errors are the daemon's.
 */
import type { ContainerState } from '../../../docker/state';
import type { DockerState } from '../../../docker/state';
import { VALID_STATES } from '../../../docker/container-status';
import { parseReference } from '../../../docker/images';

export type Filters = Map<string, string[]>;

const KEYS = ['name', 'id', 'status', 'exited', 'network', 'ancestor', 'label', 'before', 'since', 'health', 'volume', 'publish', 'expose', 'is-task'];

/** The flag value `key=value` (opts.FilterOpt): `bad format of filter (expected name=value)`. */
export function validateFilter(value: string): string | undefined {
  return value.includes('=') ? undefined : 'bad format of filter (expected name=value)';
}

export function parseFilters(values: string[]): Filters {
  const out: Filters = new Map();
  for (const v of values) {
    const i = v.indexOf('=');
    const key = v.slice(0, i).trim().toLowerCase();
    out.set(key, [...(out.get(key) ?? []), v.slice(i + 1).trim()]);
  }
  return out;
}

/** The daemon's refusal, or undefined. */
export function filterError(f: Filters): string | undefined {
  for (const key of f.keys()) if (!KEYS.includes(key)) return `invalid filter '${key}'`;
  for (const s of f.get('status') ?? []) if (!VALID_STATES.includes(s)) return `invalid filter 'status=${s}'`;
  for (const e of f.get('exited') ?? []) if (!/^-?\d+$/.test(e)) return `strconv.Atoi: parsing "${e}": invalid syntax`;
  return undefined;
}

function safeRegex(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern);
  } catch {
    return undefined;
  }
}

function matchAncestor(c: ContainerState, value: string): boolean {
  if (c.imageId.startsWith(value.replace(/^sha256:/, '')) && value.length >= 4) return true;
  const want = parseReference(value);
  const have = parseReference(c.image);
  return want.repository === have.repository && (want.tag === have.tag || !value.includes(':'));
}

function matchNetwork(docker: DockerState, c: ContainerState, value: string): boolean {
  return Object.entries(c.networks).some(([name, spec]) => name === value || (docker.networks[spec.networkId]?.id ?? '').startsWith(value));
}

function matchLabel(c: ContainerState, value: string): boolean {
  const labels = c.cli?.labels ?? {};
  const i = value.indexOf('=');
  return i < 0 ? value in labels : labels[value.slice(0, i)] === value.slice(i + 1);
}

/** Values of one key are ORed; different keys are ANDed. */
export function matches(docker: DockerState, c: ContainerState, f: Filters): boolean {
  const any = (key: string, test: (v: string) => boolean) => !f.has(key) || f.get(key)!.some(test);
  return (
    any('name', (v) => safeRegex(v)?.test(`/${c.name}`) ?? false) &&
    any('id', (v) => c.id.startsWith(v)) &&
    any('status', (v) => v === c.status) &&
    any('exited', (v) => c.status === 'exited' && c.exitCode === Number(v)) &&
    any('network', (v) => matchNetwork(docker, c, v)) &&
    any('ancestor', (v) => matchAncestor(c, v)) &&
    any('label', (v) => matchLabel(c, v)) &&
    // A swarm task's container (moby container.Managed; its executor labels it com.docker.swarm.task).
    any('is-task', (v) => (v === 'true') === 'com.docker.swarm.task' in (c.cli?.labels ?? {}))
  );
}
