/**
 * The command part of an iptables command line (iptables/xshared.c
 * do_parse, first block): -A -C -D -I -R -L -S -F -Z -N -X -E -P, the
 * words some of them take after the chain (a rule number, a new name, a
 * policy), and assert_valid_chain_name() for -N.
 */
import { paramProblem } from './errors';
import type { Getopt } from './getopt';
import { addCommand, CMD } from './command-flags';
import { KNOWN_TARGET_NAMES } from './extensions';
import { strtoui } from './addr';
import type { ParseState } from './command-line';

function parseRulenum(text: string): number {
  const n = strtoui(text, 1, 2147483647);
  if (n === undefined) throw paramProblem(`Invalid rule number \`${text}'`);
  return n;
}

/** The commands (do_parse's first block). Returns false when `val` is not a command. */
export function parseCommand(st: ParseState, g: Getopt, val: string, arg: string | undefined): boolean {
  const simple: Record<string, number> = { A: CMD.APPEND, C: CMD.CHECK, N: CMD.NEW_CHAIN };
  if (simple[val] !== undefined) {
    if (val === 'N') assertValidChainName(arg!);
    st.command = addCommand(st.command, simple[val], 0, st.invert);
    st.chain = arg;
    return true;
  }
  switch (val) {
    case 'D':
      st.command = addCommand(st.command, CMD.DELETE, 0, st.invert);
      st.chain = arg;
      if (g.hasArg()) {
        st.rulenum = parseRulenum(g.take());
        st.command = CMD.DELETE_NUM;
      }
      return true;
    case 'R':
      st.command = addCommand(st.command, CMD.REPLACE, 0, st.invert);
      st.chain = arg;
      if (!g.hasArg()) throw paramProblem('-R requires a rule number');
      st.rulenum = parseRulenum(g.take());
      return true;
    case 'I':
      st.command = addCommand(st.command, CMD.INSERT, 0, st.invert);
      st.chain = arg;
      st.rulenum = g.hasArg() ? parseRulenum(g.take()) : 1;
      return true;
    default:
      return parseListLike(st, g, val, arg);
  }
}

/** -L -S -F -Z -X: optional chain (glued or next word), then an optional rule number. */
function parseListLike(st: ParseState, g: Getopt, val: string, arg: string | undefined): boolean {
  const table: Record<string, [number, number, boolean]> = {
    L: [CMD.LIST, CMD.ZERO | CMD.ZERO_NUM, true],
    S: [CMD.LIST_RULES, CMD.ZERO | CMD.ZERO_NUM, true],
    F: [CMD.FLUSH, 0, false],
    Z: [CMD.ZERO, CMD.LIST | CMD.LIST_RULES, true],
    X: [CMD.DELETE_CHAIN, 0, false],
  };
  if (table[val]) {
    const [cmd, others, takesNum] = table[val];
    st.command = addCommand(st.command, cmd, others, st.invert);
    if (arg !== undefined) st.chain = arg;
    else if (g.hasArg()) st.chain = g.take();
    if (takesNum && g.hasArg()) {
      st.rulenum = parseRulenum(g.take());
      if (val === 'Z') st.command = CMD.ZERO_NUM;
    }
    return true;
  }
  if (val === 'E' || val === 'P') {
    st.command = addCommand(st.command, val === 'E' ? CMD.RENAME : CMD.SET_POLICY, 0, st.invert);
    st.chain = arg;
    if (!g.hasArg()) {
      throw paramProblem(val === 'E' ? '-E requires old-chain-name and new-chain-name' : '-P requires a chain and a policy');
    }
    if (val === 'E') st.newName = g.take();
    else st.policy = g.take();
    return true;
  }
  return false;
}

/** assert_valid_chain_name() for `-N`. */
export function assertValidChainName(name: string): void {
  if (name.length >= 29) throw paramProblem(`chain name \`${name}' too long (must be under 29 chars)`);
  if (name.startsWith('-') || name.startsWith('!')) throw paramProblem(`chain name not allowed to start with \`${name[0]}'`);
  if (KNOWN_TARGET_NAMES.has(name)) throw paramProblem('chain name may not clash with target name');
  if (/\s/.test(name)) throw paramProblem(`Invalid chain name \`${name}'`);
}
