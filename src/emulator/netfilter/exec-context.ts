/**
 * What a running iptables command works on: a copy of one table (swapped in
 * only when the whole command succeeds, as nf_tables commits a batch or
 * nothing), the parsed command, and the text written to stdout so far.
 */
import type { Rule, Table, TableName } from './types';
import type { Command } from './command-finalize';
import type { NameLookup } from './format-list';
import { kernelRefused } from './errors';
import { findChain } from './state';
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

/** NFT_JUMP_STACK_SIZE: how deep jumps may nest from a base chain. */
const JUMP_STACK_SIZE = 16;

/**
 * nf_tables validates jumps from every base chain when the batch commits:
 * nesting 16 deep (which any loop reached from a base chain does) is
 * EMLINK. A loop in a chain no base chain reaches is not noticed.
 */
function tooDeep(ctx: ExecCtx): boolean {
  const walk = (name: string, level: number): boolean => {
    if (level >= JUMP_STACK_SIZE) return true;
    const chain = findChain(ctx.table, name);
    return (chain?.rules ?? []).some((r) => r.target?.kind === 'chain' && walk(r.target.chain, level + 1));
  };
  return ctx.table.chains.some((c) => c.builtin && walk(c.name, 0));
}

/**
 * The checks the kernel makes when the batch is committed: an inverted
 * address with a /0 mask (iptables-nft emits a zero-length payload load,
 * EINVAL), a match or target in the wrong table or hook (EINVAL), a jump to
 * a base chain (EOPNOTSUPP), jumps nested too deep or looping (EMLINK).
 */
export function kernelCheckRule(ctx: ExecCtx, chainName: string, rule: Rule, op: string): void {
  const chain = findChain(ctx.table, chainName)!;
  const t = rule.target;
  const kctx = { table: ctx.tableName, chain: chainName, builtinChain: chain.builtin, rule };
  // Expressions are validated in order: the matches, then the target.
  const zeroLen = (a: Rule['src']) => !!a && a.invert && a.mask === '0.0.0.0';
  let errno: string | undefined = zeroLen(rule.src) || zeroLen(rule.dst) ? 'Invalid argument' : undefined;
  for (const m of rule.matches) errno ??= matchExtFor(m).kernelCheck?.(m, kctx);
  if (!errno && t?.kind === 'chain') {
    if (findChain(ctx.table, t.chain)?.builtin) errno = 'Operation not supported';
    else if (tooDeep(ctx)) errno = 'Too many links';
  } else if (!errno && t) errno = targetExtFor(t)?.kernelCheck?.(t, kctx);
  if (errno) throw kernelRefused(op, errno, `rule in chain ${chainName}`);
}
