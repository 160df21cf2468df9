/**
 * `--filter key=value` for the network commands. The CLI side is
 * docker/cli opts.FilterOpt (a value without '=' is a flag error: `bad format
 * of filter (expected name=value)`; the key is lower-cased and both sides
 * trimmed). The daemon side is moby api/types/filters.Args: an unknown key
 * gives `invalid filter 'foo'`; values of one key are alternatives (OR),
 * different keys must all match (AND); `Match` is an exact or regexp match,
 * `ExactMatch` exact only, `MatchKVList` needs every `label=k[=v]` present.
 */
import type { FlagSpec } from '../cli/flags';

export type FilterArgs = Map<string, string[]>;

export const FILTER_FLAG_ERROR = 'bad format of filter (expected name=value)';

export function filterFlag(spec: Omit<FlagSpec, 'type' | 'validate'>): FlagSpec {
  return { ...spec, type: 'list', value: 'filter', validate: (v) => (v === '' || v.includes('=') ? undefined : FILTER_FLAG_ERROR) };
}

export function parseFilters(values: string[]): FilterArgs {
  const out: FilterArgs = new Map();
  for (const value of values) {
    if (value === '') continue;
    const eq = value.indexOf('=');
    const key = value.slice(0, eq).trim().toLowerCase();
    const list = out.get(key) ?? [];
    const v = value.slice(eq + 1).trim();
    if (!list.includes(v)) list.push(v);
    out.set(key, list);
  }
  return out;
}

/** filters.Args.Validate: the daemon's message for the first unknown key (Go ranges a map: we take the first typed). */
export function invalidFilterKey(args: FilterArgs, accepted: readonly string[]): string | undefined {
  for (const key of args.keys()) if (!accepted.includes(key)) return `invalid filter '${key}'`;
  return undefined;
}

export function exactMatch(args: FilterArgs, key: string, source: string): boolean {
  const values = args.get(key);
  return !values || values.includes(source);
}

/** filters.Args.Match: equal, or the value is a regular expression found in the source. */
export function regexpMatch(args: FilterArgs, key: string, source: string): boolean {
  const values = args.get(key);
  if (!values) return true;
  return values.some((term) => {
    if (term === source) return true;
    try {
      return new RegExp(term).test(source);
    } catch {
      return false;
    }
  });
}

/** filters.Args.MatchKVList: every `k` or `k=v` must be among the labels. */
export function labelsMatch(args: FilterArgs, key: string, labels: Record<string, string>): boolean {
  const values = args.get(key);
  if (!values || values.length === 0) return true;
  if (Object.keys(labels).length === 0) return false;
  return values.every((value) => {
    const eq = value.indexOf('=');
    const k = eq < 0 ? value : value.slice(0, eq);
    if (!Object.hasOwn(labels, k)) return false;
    return eq < 0 || labels[k] === value.slice(eq + 1);
  });
}
