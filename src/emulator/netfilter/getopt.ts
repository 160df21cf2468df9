/**
 * GNU getopt_long as iptables drives it (optstring starting with "-:"):
 * words that are not options come back in order, bundled short options
 * (`-nvL`) are split, an optional argument must be glued to its letter
 * (`-LINPUT`; so `-Lnv` lists a chain called "nv"), and a long option may
 * be abbreviated to any unique prefix (`--line` for `--line-numbers`). The
 * long options grow as `-m`/`-j` load extensions, newest first, as
 * xtables_merge_options puts them.
 */

export interface LongOpt {
  name: string;
  /** 0 none, 1 required, 2 optional. */
  hasArg: 0 | 1 | 2;
  /** The short letter for base options, an extension key otherwise. */
  val: string;
}

export type GetoptEvent =
  | { kind: 'opt'; val: string; arg?: string; token: string }
  | { kind: 'nonopt'; arg: string }
  | { kind: 'unknown'; token: string }
  | { kind: 'missing'; token: string }
  | { kind: 'end' };

/** iptables' IPT_OPTSTRING: letter -> 0 none, 1 required, 2 optional argument. */
const SHORT: Record<string, 0 | 1 | 2> = (() => {
  const spec = 'A:C:D:E:F::I:L::M:N:P:VX::Z::c:d:i:j:o:p:s:t:R:S::W::46bfg:h::m:nvw::x';
  const out: Record<string, 0 | 1 | 2> = {};
  for (let i = 0; i < spec.length; i++) {
    const c = spec[i];
    if (spec[i + 1] === ':' && spec[i + 2] === ':') {
      out[c] = 2;
      i += 2;
    } else if (spec[i + 1] === ':') {
      out[c] = 1;
      i += 1;
    } else out[c] = 0;
  }
  return out;
})();

export class Getopt {
  /** Index of the next word to look at (getopt's optind). */
  optind = 0;
  private nextchar = '';
  private token = '';
  private onlyNonOptions = false;

  constructor(
    readonly argv: readonly string[],
    public longOpts: LongOpt[],
  ) {}

  next(): GetoptEvent {
    if (this.nextchar) return this.short();
    if (this.optind >= this.argv.length) return { kind: 'end' };
    const word = this.argv[this.optind++];
    if (this.onlyNonOptions || word === '-' || !word.startsWith('-')) return { kind: 'nonopt', arg: word };
    if (word === '--') {
      this.onlyNonOptions = true;
      return this.next();
    }
    this.token = word;
    if (word.startsWith('--')) return this.long(word);
    this.nextchar = word.slice(1);
    return this.short();
  }

  /** xs_has_arg(): is the next word an argument (not an option, not `!`)? */
  hasArg(): boolean {
    const w = this.argv[this.optind];
    return w !== undefined && !w.startsWith('-') && !w.startsWith('!');
  }

  take(): string {
    return this.argv[this.optind++];
  }

  private short(): GetoptEvent {
    const c = this.nextchar[0];
    this.nextchar = this.nextchar.slice(1);
    const kind = SHORT[c];
    if (kind === undefined) return { kind: 'unknown', token: this.token };
    if (kind === 0) return { kind: 'opt', val: c, token: this.token };
    if (this.nextchar) {
      const arg = this.nextchar;
      this.nextchar = '';
      return { kind: 'opt', val: c, arg, token: this.token };
    }
    if (kind === 2) return { kind: 'opt', val: c, token: this.token };
    if (this.optind >= this.argv.length) return { kind: 'missing', token: this.token };
    return { kind: 'opt', val: c, arg: this.argv[this.optind++], token: this.token };
  }

  private long(word: string): GetoptEvent {
    const eq = word.indexOf('=');
    const name = word.slice(2, eq < 0 ? undefined : eq);
    const glued = eq < 0 ? undefined : word.slice(eq + 1);
    const opt = this.lookup(name);
    if (!opt) return { kind: 'unknown', token: word };
    if (glued !== undefined) {
      if (opt.hasArg === 0) return { kind: 'unknown', token: word };
      return { kind: 'opt', val: opt.val, arg: glued, token: word };
    }
    if (opt.hasArg !== 1) return { kind: 'opt', val: opt.val, token: word };
    if (this.optind >= this.argv.length) return { kind: 'missing', token: word };
    return { kind: 'opt', val: opt.val, arg: this.argv[this.optind++], token: word };
  }

  /** Exact name first, else a unique prefix (entries with the same meaning count once). */
  private lookup(name: string): LongOpt | undefined {
    const exact = this.longOpts.find((o) => o.name === name);
    if (exact) return exact;
    const hits = this.longOpts.filter((o) => name !== '' && o.name.startsWith(name));
    const distinct = new Set(hits.map((o) => `${o.val}/${o.hasArg}`));
    return distinct.size === 1 ? hits[0] : undefined;
  }
}

/** iptables' original_opts (iptables/xtables.c). */
export const BASE_LONG_OPTS: readonly LongOpt[] = (
  [
    ['append', 1, 'A'], ['delete', 1, 'D'], ['check', 1, 'C'], ['insert', 1, 'I'], ['replace', 1, 'R'],
    ['list', 2, 'L'], ['list-rules', 2, 'S'], ['flush', 2, 'F'], ['zero', 2, 'Z'], ['new-chain', 1, 'N'],
    ['delete-chain', 2, 'X'], ['rename-chain', 1, 'E'], ['policy', 1, 'P'], ['source', 1, 's'],
    ['destination', 1, 'd'], ['src', 1, 's'], ['dst', 1, 'd'], ['protocol', 1, 'p'], ['in-interface', 1, 'i'],
    ['jump', 1, 'j'], ['table', 1, 't'], ['match', 1, 'm'], ['numeric', 0, 'n'], ['out-interface', 1, 'o'],
    ['verbose', 0, 'v'], ['wait', 2, 'w'], ['wait-interval', 2, 'W'], ['exact', 0, 'x'], ['fragments', 0, 'f'],
    ['version', 0, 'V'], ['help', 2, 'h'], ['line-numbers', 0, '0'], ['modprobe', 1, 'M'], ['set-counters', 1, 'c'],
    ['goto', 1, 'g'], ['ipv4', 0, '4'], ['ipv6', 0, '6'],
  ] as const
).map(([name, hasArg, val]) => ({ name, hasArg, val }));
