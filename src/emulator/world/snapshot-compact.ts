/**
 * Snapshot compaction: most namespaces' netfilter tables are untouched
 * (built-in chains, no rules, ACCEPT, zero counters), and writing them out a
 * thousand times is most of a big lab's snapshot. Untouched built-in chains
 * are left out on the way out and put back, in hook order, on the way in,
 * so that restore(snapshot()) is exactly the original state.
 */
import type { LabState } from './state';
import type { Chain, NetfilterState, TableName } from '../netfilter/types';
import { BUILTIN_CHAINS, TABLE_NAMES } from '../netfilter/types';

function pristine(c: Chain): boolean {
  return c.builtin && c.rules.length === 0 && (c.policy ?? 'ACCEPT') === 'ACCEPT' && c.counters.packets === 0 && c.counters.bytes === 0;
}

function compactNf(nf: NetfilterState): Partial<Record<TableName, { chains: Chain[] }>> {
  const out: Partial<Record<TableName, { chains: Chain[] }>> = {};
  for (const t of TABLE_NAMES) {
    const kept = nf.tables[t].chains.filter((c) => !pristine(c));
    if (kept.length) out[t] = { chains: kept };
  }
  return out;
}

function expandNf(compact: Partial<Record<TableName, { chains: Chain[] }>>): NetfilterState {
  const tables = {} as NetfilterState['tables'];
  for (const t of TABLE_NAMES) {
    const stored = compact[t]?.chains ?? [];
    const builtins = BUILTIN_CHAINS[t].map(
      (name) => stored.find((c) => c.builtin && c.name === name) ?? { name, builtin: true, policy: 'ACCEPT' as const, counters: { packets: 0, bytes: 0 }, rules: [] },
    );
    tables[t] = { chains: [...builtins, ...stored.filter((c) => !c.builtin)] };
  }
  return { tables };
}

/** A deep copy of the state with untouched netfilter chains left out. */
export function compactState(state: LabState): unknown {
  const copy = JSON.parse(JSON.stringify(state)) as LabState;
  for (const ns of Object.values(copy.net.namespaces)) {
    (ns as unknown as { nf: unknown }).nf = compactNf(ns.nf);
  }
  return copy;
}

export function expandState(state: LabState): LabState {
  for (const ns of Object.values(state.net.namespaces)) {
    ns.nf = expandNf(ns.nf as unknown as Partial<Record<TableName, { chains: Chain[] }>>);
  }
  return state;
}
