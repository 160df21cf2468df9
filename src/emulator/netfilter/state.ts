/**
 * Creating and reading a namespace's netfilter state. A fresh namespace has
 * every table with its built-in chains, ACCEPT policies and no rules, which
 * is what `iptables -S` shows in a new container or on a fresh host.
 */
import type { Chain, NetfilterState, Rule, Table, TableName } from './types';
import { BUILTIN_CHAINS, TABLE_NAMES } from './types';

function emptyTable(name: TableName): Table {
  return {
    chains: BUILTIN_CHAINS[name].map((c) => ({ name: c, builtin: true, fake: true, policy: 'ACCEPT', counters: { packets: 0, bytes: 0 }, rules: [] })),
  };
}

/** A namespace's netfilter state before anyone ran iptables in it. */
export function emptyNetfilter(): NetfilterState {
  const tables = {} as Record<TableName, Table>;
  for (const t of TABLE_NAMES) tables[t] = emptyTable(t);
  return { tables };
}

/** Alias of emptyNetfilter(). */
export const createNetfilterState = emptyNetfilter;

export function isTableName(name: string): name is TableName {
  return (TABLE_NAMES as readonly string[]).includes(name);
}

export function findChain(table: Table, name: string): Chain | undefined {
  return table.chains.find((c) => c.name === name);
}

/** A chain nf_tables has (user chains, and built-ins once created): what nft_chain_find() finds. */
export function kernelChain(table: Table, name: string): Chain | undefined {
  const c = findChain(table, name);
  return c && !c.fake ? c : undefined;
}

/** nft_xt_builtin_init(): the first rule or policy creates a built-in chain in nf_tables. */
export function materialize(chain: Chain): void {
  delete chain.fake;
}

/** A deep copy: commands work on a copy and swap it in only when they succeed. */
export function cloneTable(table: Table): Table {
  return JSON.parse(JSON.stringify(table)) as Table;
}

/**
 * A copy for the rule commands (-A -I -D -R -C): they change which rules a
 * chain holds and its `fake` mark, never a rule or a counter, so the chains
 * and their rule lists are copied and the rules shared. A deep copy made each
 * `iptables -A` cost O(rules in the table), and Docker appends one rule per
 * container.
 */
export function cloneChains(table: Table): Table {
  const copy = (c: Chain): Chain => ({ ...c, rules: c.rules.slice() });
  return { ...table, chains: table.chains.map(copy), ...(table.incompatible ? { incompatible: table.incompatible.map(copy) } : {}) };
}

export function cloneRule(rule: Rule): Rule {
  return JSON.parse(JSON.stringify(rule)) as Rule;
}

/** Rules in the table (hidden renamed base chains too) that jump or go to `chain`: the "N references" of `iptables -L`. */
export function countReferences(table: Table, chain: string): number {
  let n = 0;
  for (const c of [...table.chains, ...(table.incompatible ?? [])]) {
    for (const r of c.rules) if (r.target?.kind === 'chain' && r.target.chain === chain) n++;
  }
  return n;
}

/**
 * Chains in listing order: built-ins in hook order, then user chains sorted
 * by name (iptables-nft sorts its chain cache before listing, so `-N ZZZ`
 * then `-N AAA` lists AAA first).
 */
export function listingOrder(table: Table): Chain[] {
  const builtin = table.chains.filter((c) => c.builtin);
  const user = table.chains.filter((c) => !c.builtin).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return [...builtin, ...user];
}
