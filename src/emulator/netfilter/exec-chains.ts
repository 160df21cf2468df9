/**
 * The chain commands -N, -X, -E, -P, -F, -Z (iptables/nft.c). Deleting a
 * chain that still has rules or is jumped to fails in the kernel with
 * EBUSY (nf_tables counts both in chain->use), which iptables-nft reports
 * as ` CHAIN_DEL failed (Device or resource busy): chain NAME`.
 */
import type { Chain } from './types';
import { BAD_RULE, kernelRefused, NO_SUCH_CHAIN, nftError } from './errors';
import { countReferences, findChain, kernelChain, listingOrder, materialize } from './state';
import { zero } from './format-list';
import type { ExecCtx } from './exec-context';

export function execNewChain(ctx: ExecCtx): void {
  const name = ctx.cmd.chain!;
  if (findChain(ctx.table, name)) throw nftError('Chain already exists');
  if (hiddenName(ctx, name)) throw kernelRefused('CHAIN_USER_ADD', 'File exists', `chain ${name}`);
  ctx.table.chains.push({ name, builtin: false, counters: { packets: 0, bytes: 0 }, rules: [] });
}

/** A base chain renamed away still holds its name in nf_tables, out of iptables' sight. */
function hiddenName(ctx: ExecCtx, name: string): boolean {
  return (ctx.table.incompatible ?? []).some((c) => c.name === name);
}

function busy(ctx: ExecCtx, c: Chain): boolean {
  return c.rules.length > 0 || countReferences(ctx.table, c.name) > 0;
}

export function execDeleteChain(ctx: ExecCtx): void {
  const name = ctx.cmd.chain;
  if (name !== undefined) {
    const chain = kernelChain(ctx.table, name);
    if (!chain) throw nftError(NO_SUCH_CHAIN);
    if (ctx.cmd.verbose && !chain.builtin) ctx.out.push(`Deleting chain \`${name}'\n`);
    if (chain.builtin) {
      // A built-in chain goes only when empty with an ACCEPT policy; iptables
      // keeps showing it (as a "fake" built-in).
      if (!deletableBuiltin(chain)) throw nftError('Directory not empty');
      chain.fake = true;
      return;
    }
    if (busy(ctx, chain)) throw kernelRefused('CHAIN_DEL', 'Device or resource busy', `chain ${name}`);
    ctx.table.chains = ctx.table.chains.filter((c) => c !== chain);
    return;
  }
  // With -v the chains are sorted first (nft_cache_sort_chains), so the batch, and its first failure, follow that order.
  const user = (ctx.cmd.verbose ? listingOrder(ctx.table) : ctx.table.chains).filter((c) => !c.builtin);
  if (ctx.cmd.verbose) for (const c of user) ctx.out.push(`Deleting chain \`${c.name}'\n`);
  const blocked = user.find((c) => busy(ctx, c));
  if (blocked) throw kernelRefused('CHAIN_DEL', 'Device or resource busy', `chain ${blocked.name}`);
  ctx.table.chains = ctx.table.chains.filter((c) => c.builtin);
  for (const c of ctx.table.chains) if (deletableBuiltin(c)) c.fake = true;
}

/** nft_may_delete_chain(): no rules and an ACCEPT policy. */
function deletableBuiltin(c: Chain): boolean {
  return c.rules.length === 0 && c.policy !== 'DROP';
}

export function execRename(ctx: ExecCtx): void {
  const oldName = ctx.cmd.chain!;
  const newName = ctx.cmd.newName!;
  if (findChain(ctx.table, newName)) throw nftError('File exists');
  const chain = kernelChain(ctx.table, oldName);
  if (!chain) throw nftError(NO_SUCH_CHAIN);
  if (hiddenName(ctx, newName)) throw kernelRefused('CHAIN_RENAME', 'File exists', `chain ${newName}`);
  if (chain.builtin) {
    renameBaseChain(ctx, chain, newName);
    return;
  }
  chain.name = newName;
  for (const c of ctx.table.chains) {
    for (const r of c.rules) if (r.target?.kind === 'chain' && r.target.chain === oldName) r.target.chain = newName;
  }
}

/**
 * nf_tables renames a base chain too; iptables then stops showing it (it is
 * not named after a hook any more) and shows a fresh "fake" built-in instead.
 */
function renameBaseChain(ctx: ExecCtx, chain: Chain, newName: string): void {
  const i = ctx.table.chains.indexOf(chain);
  ctx.table.chains[i] = { name: chain.name, builtin: true, fake: true, policy: 'ACCEPT', counters: { packets: 0, bytes: 0 }, rules: [] };
  (ctx.table.incompatible ??= []).push({ ...chain, name: newName });
}

export function execPolicy(ctx: ExecCtx, counters?: { packets: number; bytes: number }): void {
  const policy = ctx.cmd.policy!;
  if (policy !== 'ACCEPT' && policy !== 'DROP' && policy !== '-') throw nftError('Bad policy name', true);
  const chain = findChain(ctx.table, ctx.cmd.chain!);
  if (!chain || !chain.builtin) throw nftError('Bad built-in chain name');
  materialize(chain);
  if (policy !== '-') chain.policy = policy;
  if (counters) chain.counters = { ...counters };
}

/**
 * nft_rule_flush(): naming a built-in chain, or -v, creates the built-ins
 * first (nft_xt_builtin_init); a plain -F only flushes what exists.
 */
export function execFlush(ctx: ExecCtx): void {
  const name = ctx.cmd.chain;
  const named = name === undefined ? undefined : findChain(ctx.table, name);
  if (named?.builtin) materialize(named);
  if (name === undefined && ctx.cmd.verbose) for (const c of ctx.table.chains) materialize(c);
  const chains = name === undefined ? listingOrder(ctx.table).filter((c) => !c.fake) : [kernelChain(ctx.table, name)];
  for (const c of chains) {
    if (!c) throw nftError(NO_SUCH_CHAIN);
    if (ctx.cmd.verbose) ctx.out.push(`Flushing chain \`${c.name}'\n`);
    c.rules = [];
  }
}

/** -Z needs the chain in nf_tables; -Z alone zeroes the chains that are. */
export function execZero(ctx: ExecCtx): void {
  const name = ctx.cmd.chain;
  const chains = name === undefined ? listingOrder(ctx.table).filter((c) => !c.fake) : [kernelChain(ctx.table, name)];
  for (const c of chains) {
    if (!c) throw nftError(NO_SUCH_CHAIN);
    if (ctx.cmd.verbose) ctx.out.push(`Zeroing chain \`${c.name}'\n`);
    zero(c.counters);
    for (const r of c.rules) zero(r.counters);
  }
}

/**
 * -Z CHAIN N: only that rule; a number past the end is quietly ignored. A
 * missing chain returns without setting errno (nft_rule_zero_counters), so
 * 1.8.9 prints whatever errno held: usually ENOENT, read as "Bad rule ..."
 * because nft_fn is nft_rule_delete; sometimes 0, "Incompatible with this
 * kernel". This model always says "Bad rule".
 */
export function execZeroNum(ctx: ExecCtx): void {
  const name = ctx.cmd.chain ?? '';
  const chain = kernelChain(ctx.table, name);
  if (!chain) throw nftError(BAD_RULE);
  const rule = chain.rules[ctx.cmd.rulenum - 1];
  if (rule) zero(rule.counters);
}
