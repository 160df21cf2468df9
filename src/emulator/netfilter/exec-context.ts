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

/**
 * A rule's identity without its counters. Kept per rule object: a rule is
 * never changed in place but for its counters (the commands that rewrite
 * rules work on deep copies), and `iptables -C` compares one rule with every
 * rule of a chain that Docker grows by one per container.
 */
const keys = new WeakMap<Rule, string>();

function ruleKey(r: Rule): string {
  let key = keys.get(r);
  if (key === undefined) keys.set(r, (key = JSON.stringify({ ...r, counters: undefined })));
  return key;
}

/** Two rules are the same rule when everything but their counters is equal (nft_rule_cmp). */
export function sameRule(a: Rule, b: Rule): boolean {
  return ruleKey(a) === ruleKey(b);
}

/** NFT_JUMP_STACK_SIZE: how deep jumps may nest from a base chain. */
const JUMP_STACK_SIZE = 16;

/**
 * nf_tables validates the table from every base chain when the batch
 * commits (nft_table_validate): the hooks that reach each chain, and
 * whether jumps nest 16 deep (which any loop reached from a base chain
 * does: EMLINK). A loop in a chain no base chain reaches is not noticed.
 */
function validateFromHooks(ctx: ExecCtx): { hooks: Map<string, Set<string>>; tooDeep: boolean } {
  const hooks = new Map<string, Set<string>>();
  let tooDeep = false;
  const walk = (name: string, hook: string, level: number): void => {
    if (level >= JUMP_STACK_SIZE) {
      tooDeep = true;
      return;
    }
    const seen = hooks.get(name) ?? new Set<string>();
    hooks.set(name, seen.add(hook));
    for (const r of findChain(ctx.table, name)?.rules ?? []) if (r.target?.kind === 'chain') walk(r.target.chain, hook, level + 1);
  };
  for (const c of ctx.table.chains) if (c.builtin) walk(c.name, c.name, 0);
  return { hooks, tooDeep };
}

/** A target limited to some table and hooks, used where it may not be (also through jumps). */
function misplacedTarget(ctx: ExecCtx, hooks: Map<string, Set<string>>): boolean {
  for (const c of ctx.table.chains) {
    for (const r of c.rules) {
      const allowed = r.target && targetExtFor(r.target)?.allowed;
      if (!allowed) continue;
      if (allowed.table !== ctx.tableName) return true;
      for (const h of hooks.get(c.name) ?? []) if (!allowed.hooks.includes(h)) return true;
    }
  }
  return false;
}

/**
 * The checks the kernel makes when the batch is committed, for a rule just
 * added: an inverted address with a /0 mask (iptables-nft emits a
 * zero-length payload load: EINVAL), a match or target its checkentry
 * refuses or outside its table/hooks (EINVAL), a jump to a base chain
 * (EOPNOTSUPP), jumps nested too deep or looping (EMLINK).
 */
export function kernelCheckRule(ctx: ExecCtx, chainName: string, rule: Rule, op: string): void {
  const chain = findChain(ctx.table, chainName)!;
  const t = rule.target;
  const kctx = { table: ctx.tableName, chain: chainName, builtinChain: chain.builtin, rule };
  const zeroLen = (a: Rule['src']) => !!a && a.invert && a.mask === '0.0.0.0';
  let errno: string | undefined = zeroLen(rule.src) || zeroLen(rule.dst) ? 'Invalid argument' : undefined;
  for (const m of rule.matches) errno ??= matchExtFor(m).kernelCheck?.(m, kctx);
  if (!errno && t?.kind === 'chain' && findChain(ctx.table, t.chain)?.builtin) errno = 'Operation not supported';
  if (!errno && t && t.kind !== 'chain') errno = targetExtFor(t)?.kernelCheck?.(t, kctx);
  if (!errno) {
    const v = validateFromHooks(ctx);
    if (v.tooDeep) errno = 'Too many links';
    else if (misplacedTarget(ctx, v.hooks)) errno = 'Invalid argument';
  }
  if (errno) throw kernelRefused(op, errno, `rule in chain ${chainName}`);
}
