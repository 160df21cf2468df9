/**
 * The rule commands -A, -I, -D, -R, -C (iptables/nft.c nft_rule_append,
 * nft_rule_insert, nft_rule_delete[_num], nft_rule_replace, nft_rule_check)
 * with the errno each failure maps to in nft_strerror().
 */
import type { Chain, Rule } from './types';
import { BAD_RULE, NO_SUCH_CHAIN, nftError } from './errors';
import { findChain, kernelChain, materialize } from './state';
import { printRule } from './format-list';
import { kernelCheckRule, sameRule, type ExecCtx } from './exec-context';

/** FMT_PRINT_RULE: what `-v` echoes for -A/-I/-D/-C. */
function echo(ctx: ExecCtx, rule: Rule): void {
  if (!ctx.cmd.verbose) return;
  ctx.out.push(printRule(rule, 0, { numeric: true, verbose: true, exact: false, lineNumbers: false, notable: true }, ctx.lookup));
}

/** The chain of the command; `kernel` wants it to exist in nf_tables (not a fake built-in). */
function chainOr(ctx: ExecCtx, message: string, kernel = false): Chain {
  const chain = (kernel ? kernelChain : findChain)(ctx.table, ctx.cmd.chain!);
  if (!chain) throw nftError(message);
  return chain;
}

/**
 * nft_rule_append echoes the rule (with -v) before it looks the chain up;
 * the kernel sees all the rules of the command at commit time.
 */
export function execAppend(ctx: ExecCtx): void {
  const added: Rule[] = [];
  for (const rule of ctx.cmd.rules) {
    echo(ctx, rule);
    const chain = chainOr(ctx, NO_SUCH_CHAIN);
    materialize(chain);
    chain.rules.push(rule);
    added.push(rule);
  }
  for (const rule of added) kernelCheckRule(ctx, ctx.cmd.chain!, rule, 'RULE_APPEND');
}

/**
 * Each rule goes in at position N in turn, so `-I INPUT 3 -s a,b` leaves b
 * above a. iptables allows N = rule count + 1, which is an append.
 */
export function execInsert(ctx: ExecCtx): void {
  const chain = chainOr(ctx, NO_SUCH_CHAIN);
  materialize(chain);
  const pos = ctx.cmd.rulenum - 1;
  const added: Array<[Rule, string]> = [];
  for (const rule of ctx.cmd.rules) {
    const appends = pos > 0 && chain.rules.length === pos;
    if (pos > chain.rules.length) throw nftError('Index of insertion too big');
    echo(ctx, rule);
    chain.rules.splice(pos, 0, rule);
    added.push([rule, appends ? 'RULE_APPEND' : 'RULE_INSERT']);
  }
  for (const [rule, op] of added) kernelCheckRule(ctx, chain.name, rule, op);
}

export function execDelete(ctx: ExecCtx): void {
  for (const rule of ctx.cmd.rules) {
    const chain = chainOr(ctx, BAD_RULE);
    const i = chain.rules.findIndex((r) => sameRule(r, rule));
    if (i < 0) throw nftError(BAD_RULE);
    echo(ctx, chain.rules[i]);
    chain.rules.splice(i, 1);
  }
}

export function execDeleteNum(ctx: ExecCtx): void {
  const chain = chainOr(ctx, NO_SUCH_CHAIN, true);
  if (ctx.cmd.rulenum > chain.rules.length) throw nftError('Index of deletion too big');
  chain.rules.splice(ctx.cmd.rulenum - 1, 1);
}

/** nft_rule_replace goes through nft_rule_append, which echoes with -v. */
export function execReplace(ctx: ExecCtx): void {
  const chain = chainOr(ctx, NO_SUCH_CHAIN, true);
  if (ctx.cmd.rulenum > chain.rules.length) throw nftError('Index of replacement too big');
  const rule = ctx.cmd.rules[0];
  echo(ctx, rule);
  chain.rules[ctx.cmd.rulenum - 1] = rule;
  kernelCheckRule(ctx, chain.name, rule, 'RULE_REPLACE');
}

export function execCheck(ctx: ExecCtx): void {
  for (const rule of ctx.cmd.rules) {
    const chain = chainOr(ctx, BAD_RULE);
    const found = chain.rules.find((r) => sameRule(r, rule));
    if (!found) throw nftError(BAD_RULE);
    echo(ctx, found);
  }
}
