/**
 * iptables' command and option bits and the table of which options each
 * command allows (iptables/xshared.c: cmd2char, add_command,
 * commands_v_options, generic_opt_check, set_option). Keeping the C
 * tables makes the odd messages come out the same, e.g. `-L -s 1.2.3.4`
 * gives "Illegal option `-s' with this command" and `-L -S` gives
 * "Cannot use -S with -L".
 */
import { paramProblem } from './errors';

export const CMD = {
  INSERT: 1 << 0,
  DELETE: 1 << 1,
  DELETE_NUM: 1 << 2,
  REPLACE: 1 << 3,
  APPEND: 1 << 4,
  LIST: 1 << 5,
  FLUSH: 1 << 6,
  ZERO: 1 << 7,
  NEW_CHAIN: 1 << 8,
  DELETE_CHAIN: 1 << 9,
  SET_POLICY: 1 << 10,
  RENAME: 1 << 11,
  LIST_RULES: 1 << 12,
  ZERO_NUM: 1 << 13,
  CHECK: 1 << 14,
} as const;

/** Rule-specification commands: addresses default to 0.0.0.0/0 for them. */
export const RULE_CMDS = CMD.REPLACE | CMD.INSERT | CMD.DELETE | CMD.APPEND | CMD.CHECK;

const CMD_CHARS = ['I', 'D', 'D', 'R', 'A', 'L', 'F', 'Z', 'N', 'X', 'P', 'E', 'S', 'Z', 'C'];

/** The letter of the highest command bit set. */
export function cmd2char(cmd: number): string {
  let i = 0;
  for (let c = cmd; c > 1; c >>= 1) i++;
  return CMD_CHARS[i];
}

export function addCommand(current: number, add: number, others: number, invert: boolean): number {
  if (invert) throw paramProblem("unexpected '!' flag");
  if (current & ~others) throw paramProblem(`Cannot use -${cmd2char(add)} with -${cmd2char(current & ~others)}`);
  return current | add;
}

/** Option bits in optflags[] order: n s d p j v x i o --line c f. */
export const OPT_CHARS = ['n', 's', 'd', 'p', 'j', 'v', 'x', 'i', 'o', '0', 'c', 'f'];
export const OPT = Object.fromEntries(OPT_CHARS.map((c, i) => [c, 1 << i])) as Record<string, number>;

/** Which options may be inverted with `!`, per option letter. */
const INVERTIBLE = new Set(['s', 'd', 'p', 'i', 'o', 'f']);

export function setOption(options: number, letter: string, invert: boolean): number {
  const bit = OPT[letter];
  if (options & bit) throw paramProblem(`multiple -${letter} flags not allowed`);
  if (invert && !INVERTIBLE.has(letter)) throw paramProblem(`cannot have ! before -${letter}`);
  return options | bit;
}

/** commands_v_options[][] for the twelve IPv4 columns: 'x' illegal. */
const LEGAL: readonly string[] = [
  /* INSERT     */ 'x     x  x  ',
  /* DELETE     */ 'x     x  xx ',
  /* DELETE_NUM */ 'xxxxx xxxxxx',
  /* REPLACE    */ 'x     x  x  ',
  /* APPEND     */ 'x     x  x  ',
  /* LIST       */ ' xxxx  xx xx',
  /* FLUSH      */ 'xxxxx xxxxxx',
  /* ZERO       */ 'xxxxx xxxxxx',
  /* NEW_CHAIN  */ 'xxxxx xxxxxx',
  /* DEL_CHAIN  */ 'xxxxx xxxxxx',
  /* SET_POLICY */ 'xxxxx xxxx x',
  /* RENAME     */ 'xxxxx xxxxxx',
  /* LIST_RULES */ 'xxxxx xxxxxx',
  /* ZERO_NUM   */ 'xxxxx xxxxxx',
  /* CHECK      */ 'x     x  xx ',
];

export function genericOptCheck(command: number, options: number): void {
  for (let i = 0; i < OPT_CHARS.length; i++) {
    if (!(options & (1 << i))) continue;
    let legal = 0;
    for (let j = 0; j < LEGAL.length; j++) {
      if (!(command & (1 << j))) continue;
      if (LEGAL[j][i] !== 'x') legal = 1;
      else if (legal === 0) legal = -1;
    }
    if (legal === -1) throw paramProblem(`Illegal option \`-${OPT_CHARS[i]}' with this command`);
  }
}
