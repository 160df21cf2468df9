/**
 * -L and -S (iptables/nft.c nft_rule_list, nft_rule_list_save). A blank
 * line separates chains in -L; -S prints all policies and `-N` lines first,
 * then every rule. A chain that does not exist makes iptables 1.8.9 say the
 * table is "incompatible" (nft_assert_table_compatible finds no chain) —
 * later releases changed that message, 1.8.9 is what Debian 12 ships.
 */
import { otherProblem } from './errors';
import { countReferences, findChain, listingOrder } from './state';
import { printChain, printRule, type ListFormat } from './format-list';
import { saveChainLine, saveRuleLine } from './format-save';
import type { ExecCtx } from './exec-context';
import type { Chain } from './types';

function incompatible(ctx: ExecCtx): never {
  throw otherProblem(`chain \`${ctx.cmd.chain}' in table \`${ctx.tableName}' is incompatible, use 'nft' tool.`);
}

/** nft_assert_table_compatible(): listed first when -E renamed a base chain away (whole-table listings only). */
function taintNote(ctx: ExecCtx): void {
  if (ctx.cmd.chain === undefined && ctx.table.incompatible?.length) ctx.out.push(`# Table \`${ctx.tableName}' contains incompatible base-chains, use 'nft' tool to list them.\n`);
}

function chainsToShow(ctx: ExecCtx): Chain[] {
  if (ctx.cmd.chain === undefined) return listingOrder(ctx.table);
  const chain = findChain(ctx.table, ctx.cmd.chain);
  return chain ? [chain] : incompatible(ctx);
}

export function execList(ctx: ExecCtx): void {
  const f: ListFormat = { numeric: ctx.cmd.numeric, verbose: ctx.cmd.verbose, exact: ctx.cmd.exact, lineNumbers: ctx.cmd.lineNumbers };
  const chains = chainsToShow(ctx);
  taintNote(ctx);
  if (ctx.cmd.chain !== undefined && ctx.cmd.rulenum > 0) {
    const rule = chains[0].rules[ctx.cmd.rulenum - 1];
    if (rule) ctx.out.push(printRule(rule, ctx.cmd.rulenum, f, ctx.lookup));
    return;
  }
  ctx.out.push(chains.map((c) => printChain(c, countReferences(ctx.table, c.name), f, ctx.lookup)).join('\n'));
}

export function execListRules(ctx: ExecCtx): void {
  const counters = ctx.cmd.verbose;
  const chains = chainsToShow(ctx);
  taintNote(ctx);
  if (ctx.cmd.chain !== undefined && ctx.cmd.rulenum > 0) {
    const rule = chains[0].rules[ctx.cmd.rulenum - 1];
    if (rule) ctx.out.push(saveRuleLine(chains[0].name, rule, counters) + '\n');
    return;
  }
  const lines = chains.map((c) => saveChainLine(c, counters));
  for (const c of chains) for (const r of c.rules) lines.push(saveRuleLine(c.name, r, counters));
  ctx.out.push(lines.map((l) => `${l}\n`).join(''));
}
