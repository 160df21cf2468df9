/**
 * Snapshot compaction: most namespaces' netfilter tables are untouched
 * (built-in chains iptables-nft only shows, no rules, ACCEPT, zero
 * counters), and writing them out a thousand times is most of a big lab's
 * snapshot. Untouched built-in chains are left out on the way out and put
 * back, in hook order, on the way in, so that restore(snapshot()) is exactly
 * the original state.
 *
 * "Untouched" must include `fake`: a built-in chain that nf_tables already
 * has (after `iptables -F INPUT`, `-P INPUT ACCEPT`, or a rule added and
 * deleted) looks empty but behaves differently (`-D INPUT 1` says "Bad rule"
 * instead of "No chain/target/match by that name", `iptables -S` lists it
 * after `-X`), so it is kept.
 */
import type { LabState } from './state';
import type { Chain, NetfilterState, Table, TableName } from '../netfilter/types';
import { BUILTIN_CHAINS, TABLE_NAMES } from '../netfilter/types';
import { decodeDeltas, encodeDeltas } from './snapshot-delta';

type CompactTable = { chains: Chain[]; incompatible?: Chain[] };
type CompactNf = Partial<Record<TableName, CompactTable>>;

/** Exactly what emptyNetfilter() makes for a built-in chain (netfilter/state.ts). */
function freshBuiltin(name: string): Chain {
  return { name, builtin: true, fake: true, policy: 'ACCEPT', counters: { packets: 0, bytes: 0 }, rules: [] };
}

/** Exactly a fresh built-in (the key count rules out any field a later version adds). */
function pristine(c: Chain): boolean {
  return c.builtin && c.fake === true && c.rules.length === 0 && c.policy === 'ACCEPT' && c.counters.packets === 0 && c.counters.bytes === 0 && Object.keys(c).length === 6;
}

function compactTable(table: Table): CompactTable | undefined {
  const kept = table.chains.filter((c) => !pristine(c));
  const out: CompactTable = { chains: kept };
  if (table.incompatible !== undefined) out.incompatible = table.incompatible;
  return kept.length || out.incompatible ? out : undefined;
}

function compactNf(nf: NetfilterState): CompactNf {
  const out: CompactNf = {};
  for (const t of TABLE_NAMES) {
    const c = compactTable(nf.tables[t]);
    if (c) out[t] = c;
  }
  return out;
}

/** Built-ins first in hook order, then user chains in creation order (the Table invariant). */
function expandTable(t: TableName, stored: CompactTable | undefined): Table {
  const chains = stored?.chains ?? [];
  const builtins = BUILTIN_CHAINS[t].map((name) => chains.find((c) => c.builtin && c.name === name) ?? freshBuiltin(name));
  const table: Table = { chains: [...builtins, ...chains.filter((c) => !c.builtin)] };
  if (stored?.incompatible !== undefined) table.incompatible = stored.incompatible;
  return table;
}

function expandNf(stored: CompactNf | NetfilterState): NetfilterState {
  // Snapshots from before compaction hold the whole NetfilterState (no table is named `tables`).
  if ('tables' in stored) return stored;
  const tables = {} as NetfilterState['tables'];
  for (const t of TABLE_NAMES) tables[t] = expandTable(t, stored[t]);
  return { tables };
}

/** A deep copy of the state with untouched netfilter chains left out and look-alike records delta-encoded. */
export function compactState(state: LabState): unknown {
  const copy = JSON.parse(JSON.stringify(state)) as LabState;
  for (const ns of Object.values(copy.net.namespaces)) {
    (ns as unknown as { nf: unknown }).nf = compactNf(ns.nf);
  }
  return encodeDeltas(copy);
}

export function expandState(stored: LabState): LabState {
  const state = decodeDeltas(stored) as LabState;
  for (const ns of Object.values(state.net.namespaces)) {
    ns.nf = expandNf(ns.nf as unknown as CompactNf | NetfilterState);
  }
  return state;
}
