/**
 * Connection states for the conntrack match (`--ctstate`, see conntrack.ts)
 * and its older alias the state match (`--state`), both from
 * extensions/libxt_conntrack.c. States match by
 * case-insensitive prefix (strncasecmp with the word's length) and always
 * print in the kernel's bit order: INVALID,NEW,RELATED,ESTABLISHED,...
 * so `--ctstate ESTABLISHED,RELATED` lists as `ctstate RELATED,ESTABLISHED`.
 */
import type { CtStateName, StateMatch } from '../types';
import { CT_STATES } from '../types';
import { paramProblem } from '../errors';
import type { MatchExt } from './types';

const CONNTRACK_PARSE_ORDER: CtStateName[] = ['INVALID', 'NEW', 'ESTABLISHED', 'RELATED', 'UNTRACKED', 'SNAT', 'DNAT'];
const STATE_PARSE_ORDER: CtStateName[] = ['INVALID', 'NEW', 'ESTABLISHED', 'RELATED', 'UNTRACKED'];

function lookup(word: string, order: CtStateName[]): CtStateName | undefined {
  if (word === '') return undefined;
  return order.find((s) => s.toLowerCase().startsWith(word.toLowerCase()));
}

function parseStates(arg: string, order: CtStateName[], bad: (w: string) => string, opt: string, emptyTail: boolean): CtStateName[] {
  const found = new Set<CtStateName>();
  const words = arg.split(',');
  words.forEach((w, i) => {
    const rest = words.slice(i).join(',');
    if (i === words.length - 1 && w === '' && emptyTail) {
      throw paramProblem(`"--${opt}" requires a list of states with no spaces, e.g. ESTABLISHED,RELATED`);
    }
    const s = lookup(w, order);
    if (!s) throw paramProblem(bad(rest));
    found.add(s);
  });
  return CT_STATES.filter((s) => found.has(s));
}

export function statesText(states: CtStateName[]): string {
  return states.join(',');
}

/** `--ctstate` values (conntrack_ps_states): Bad ctstate "rest" on the first unknown word. */
export function parseConntrackStates(arg: string): CtStateName[] {
  return parseStates(arg, CONNTRACK_PARSE_ORDER, (w) => `Bad ctstate "${w}"`, 'ctstate', false);
}

export const stateMatch: MatchExt<StateMatch> = {
  name: 'state',
  generic: true,
  options: [{ name: 'state', hasArg: true, invertible: true, mandatory: true }],
  create: () => ({ kind: 'state', states: [], invert: false }),
  parse(m, _id, arg, invert) {
    m.states = parseStates(arg!, STATE_PARSE_ORDER, (w) => `Bad state "${w}"`, 'state', true);
    m.invert = invert;
  },
  save: (m) => `${m.invert ? ' !' : ''} --state ${statesText(m.states)}`,
  print: (m) => `${m.invert ? ' !' : ''} state ${statesText(m.states)}`,
};
