/**
 * `iptables` (v1.8.9, nf_tables variant) as a function over a namespace's
 * netfilter state: parse the command line, check it, run it against a copy
 * of the table and keep the copy only if everything succeeded. Output and
 * exit status are those of the real tool (see errors.ts for the statuses).
 */
import type { NetfilterState, TableName } from './types';
import { IptablesFailure, paramProblem, versionProblem } from './errors';
import { parseArgs } from './command-line';
import { defaultResolver, finalizeCommand, type Command, type HostResolver } from './command-finalize';
import { CMD, RULE_CMDS } from './command-flags';
import { cloneChains, cloneTable, findChain, isTableName } from './state';
import { markBuiltRaw, peek } from '../core/raw-view';
import { defaultNameLookup, type NameLookup } from './format-list';
import type { ExecCtx } from './exec-context';
import { execAppend, execCheck, execDelete, execDeleteNum, execInsert, execReplace } from './exec-rules';
import { execDeleteChain, execFlush, execNewChain, execPolicy, execRename, execZero, execZeroNum } from './exec-chains';
import { execList, execListRules } from './exec-list';

export interface IptablesResult {
  status: number;
  stdout: string;
  stderr: string;
}

export interface IptablesOptions {
  /** Resolves host names given to -s/-d (default: only `localhost`). */
  resolveHost?: HostResolver;
  /** Names addresses in `-L` without `-n` (default: 127.0.0.1 is `localhost`). */
  reverseLookup?: NameLookup;
}

/**
 * nft.c add_nft_tcp/add_nft_udp: a tcp/udp match with options needs the
 * matching `-p` (the rule's protocol number; `! -p tcp` passes this check).
 */
function checkProtoMatches(cmd: Command): void {
  for (const rule of cmd.rules) {
    for (const m of rule.matches) {
      const p = rule.proto?.num ?? 0;
      if (m.kind === 'tcp' && (m.sport || m.dport || m.flags) && p !== 6) throw paramProblem("TCP match requires '-p tcp'");
      if (m.kind === 'udp' && (m.sport || m.dport) && p !== 17) throw paramProblem("UDP match requires '-p udp'");
    }
  }
}

function dispatch(ctx: ExecCtx): void {
  const c = ctx.cmd.command;
  if (c === CMD.APPEND) execAppend(ctx);
  else if (c === CMD.INSERT) execInsert(ctx);
  else if (c === CMD.DELETE) execDelete(ctx);
  else if (c === CMD.DELETE_NUM) execDeleteNum(ctx);
  else if (c === CMD.REPLACE) execReplace(ctx);
  else if (c === CMD.CHECK) execCheck(ctx);
  else if (c === CMD.NEW_CHAIN) execNewChain(ctx);
  else if (c === CMD.DELETE_CHAIN) execDeleteChain(ctx);
  else if (c === CMD.RENAME) execRename(ctx);
  else if (c === CMD.SET_POLICY) execPolicy(ctx, ctx.cmd.counters);
  else if (c === CMD.FLUSH) execFlush(ctx);
  else if (c === CMD.ZERO_NUM) execZeroNum(ctx);
  else if (c & CMD.LIST) execList(ctx);
  else if (c & CMD.LIST_RULES) execListRules(ctx);
  if (c & CMD.ZERO && c !== CMD.ZERO_NUM) execZero(ctx);
}

function run(argv: readonly string[], nf: NetfilterState, opts: IptablesOptions, out: string[]): void {
  const st = parseArgs(argv);
  if (st.early !== undefined) {
    out.push(st.early);
    return;
  }
  const cmd = finalizeCommand(st, opts.resolveHost ?? defaultResolver);
  if (!isTableName(cmd.table)) throw versionProblem(`table '${cmd.table}' does not exist`);
  if (cmd.command & RULE_CMDS) checkProtoMatches(cmd);
  const tableName: TableName = cmd.table;
  const readOnly = cmd.command === CMD.CHECK || cmd.command === CMD.LIST_RULES || cmd.command === CMD.LIST;
  const ruleCmd = (cmd.command & (RULE_CMDS | CMD.DELETE_NUM)) !== 0 && (cmd.command & ~(RULE_CMDS | CMD.DELETE_NUM)) === 0;
  // The table itself, not the undo journal's view of it: the command reads every rule, writes only its copy.
  const current = peek(nf.tables[tableName]);
  const table = readOnly ? current : ruleCmd ? cloneChains(current) : cloneTable(current);
  if (cmd.jumpChain !== undefined && !findChain(table, cmd.jumpChain)) throw paramProblem(`Chain '${cmd.jumpChain}' does not exist`);
  dispatch({ cmd, tableName, table, out, lookup: opts.reverseLookup ?? defaultNameLookup });
  if (!readOnly) nf.tables[tableName] = markBuiltRaw(table);
}

/**
 * Runs `iptables ARGV...` against `nf`. On success the state is updated in
 * place; on any failure it is left exactly as it was.
 */
export function runIptables(argv: readonly string[], nf: NetfilterState, opts: IptablesOptions = {}): IptablesResult {
  const out: string[] = [];
  try {
    run(argv, nf, opts, out);
    return { status: 0, stdout: out.join(''), stderr: '' };
  } catch (e) {
    if (e instanceof IptablesFailure) return { status: e.status, stdout: out.join(''), stderr: e.stderr };
    return { status: 1, stdout: out.join(''), stderr: `iptables: ${String(e)}\n` };
  }
}
