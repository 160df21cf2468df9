/**
 * What a running iptables command works on: a copy of one table (swapped in
 * only when the whole command succeeds, as nf_tables commits a batch or
 * nothing), the parsed command, and the text written to stdout so far.
 */
import type { Rule, Table, TableName } from './types';
import type { Command } from './command-finalize';
import type { NameLookup } from './format-list';
import { kernelRefused } from './errors';
import { findChain, reaches } from './state';
import { matchExtFor, targetExtFor } from './extensions';

export interface ExecCtx {
  cmd: Command;
  tableName: TableName;
  table: Table;
  out: string[];
  lookup: NameLookup;
}

/** Two rules are the same rule when everything but their counters is equal (nft_rule_cmp). */
export function sameRule(a: Rule, b: Rule): boolean {
  const strip = (r: Rule) => JSON.stringify({ ...r, counters: undefined });
  return strip(a) === strip(b);
}

/**
 * The checks the kernel makes when the batch is committed: a target in the
 * wrong table or hook (EINVAL), a jump to a base chain (EOPNOTSUPP), a jump
 * that closes a loop (ELOOP).
 */
export function kernelCheckRule(ctx: ExecCtx, chainName: string, rule: Rule, op: string): void {
  const chain = findChain(ctx.table, chainName)!;
  const t = rule.target;
  const kctx = { table: ctx.tableName, chain: chainName, builtinChain: chain.builtin, rule };
  // Expressions are validated in order: the matches, then the target.
  let errno: string | undefined;
  for (const m of rule.matches) errno ??= matchExtFor(m).kernelCheck?.(m, kctx);
  if (!errno && t?.kind === 'chain') {
    const target = findChain(ctx.table, t.chain);
    if (target?.builtin) errno = 'Operation not supported';
    else if (reaches(ctx.table, t.chain, chainName)) errno = 'Too many levels of symbolic links';
  } else if (!errno && t) errno = targetExtFor(t)?.kernelCheck?.(t, kctx);
  if (errno) throw kernelRefused(op, errno, `rule in chain ${chainName}`);
}
