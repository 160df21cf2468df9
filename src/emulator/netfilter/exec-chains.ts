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
  ctx.table.chains.push({ name, builtin: false, counters: { packets: 0, bytes: 0 }, rules: [] });
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
  const user = ctx.table.chains.filter((c) => !c.builtin);
  if (ctx.cmd.verbose) for (const c of listingOrder(ctx.table).filter((c) => !c.builtin)) ctx.out.push(`Deleting chain \`${c.name}'\n`);
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
  // Not found in the sources: renaming a base chain is refused by the kernel; the errno is a guess.
  if (chain.builtin) throw kernelRefused('CHAIN_RENAME', 'Operation not supported', `chain ${oldName}`);
  chain.name = newName;
  for (const c of ctx.table.chains) {
    for (const r of c.rules) if (r.target?.kind === 'chain' && r.target.chain === oldName) r.target.chain = newName;
  }
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
 * -Z CHAIN N: only that rule; a number past the end is quietly ignored, and
 * a missing chain reads "Bad rule" (nft_rule_zero_counters sets nft_fn to
 * nft_rule_delete), as in 1.8.9.
 */
export function execZeroNum(ctx: ExecCtx): void {
  const chain = kernelChain(ctx.table, ctx.cmd.chain ?? '');
  if (!chain) throw nftError(BAD_RULE);
  const rule = chain.rules[ctx.cmd.rulenum - 1];
  if (rule) zero(rule.counters);
}
