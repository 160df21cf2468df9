/**
 * Handing options to loaded extensions with libxtables' generic checks
 * (libxtables/xtoptions.c: xtables_option_parse, xtables_options_fcheck):
 * an option used twice, a `!` where none is allowed, a mandatory option
 * missing, two options that exclude each other.
 */
import { paramProblem } from './errors';
import type { ExtOption, ParseCtx } from './extensions/types';
import type { ParseState } from './command-line';

export interface LoadedExt<E, D> {
  ext: E;
  data: D;
  /** Canonical ids of the options given so far. */
  seen: Set<string>;
  /** `m0`, `m1`... for matches, `t` for the target: the prefix of its option keys. */
  key: string;
}

interface AnyExt {
  name: string;
  options: ExtOption[];
  generic?: boolean;
  parse(d: unknown, id: string, arg: string | undefined, invert: boolean, ctx: ParseCtx): void;
  finish?(d: unknown, ctx: { proto: number; protoInvert: boolean; seen: ReadonlySet<string> }): void;
}

function canonical(ext: AnyExt, id: string): ExtOption {
  return ext.options.find((o) => (o.id ?? o.name) === id)!;
}

/** An option whose getopt key is `<ext key>:<option id>`. */
export function extOption(st: ParseState, key: string, arg: string | undefined, invert: boolean, ctx: ParseCtx): void {
  const [owner, id] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  const loaded = owner === 't' ? st.target! : st.matches.find((m) => m.key === owner)!;
  const ext = loaded.ext as unknown as AnyExt;
  const opt = canonical(ext, id);
  const generic = owner === 't' || ext.generic;
  if (generic && loaded.seen.has(id)) throw paramProblem(`${ext.name}: option "--${opt.name}" can only be used once.\n`);
  if (generic && invert && !opt.invertible) throw paramProblem(`${ext.name}: option "--${opt.name}" cannot be inverted.\n`);
  ext.parse(loaded.data, id, arg, invert, ctx);
  loaded.seen.add(id);
}

function fcheck(loaded: LoadedExt<unknown, unknown>, st: ParseState): void {
  const ext = loaded.ext as AnyExt;
  const canon = ext.options.filter((o) => o.id === undefined);
  for (const o of canon) {
    if (o.mandatory && !loaded.seen.has(o.name)) throw paramProblem(`${ext.name}: option "--${o.name}" must be specified\n`);
  }
  for (const o of canon) {
    if (!loaded.seen.has(o.name) || !o.excludes) continue;
    const other = canon.find((x) => x !== o && loaded.seen.has(x.name) && (o.excludes!.includes('*') || o.excludes!.includes(x.name)));
    if (other) throw paramProblem(`${ext.name}: option "--${o.name}" cannot be used together with "--${other.name}".\n`);
  }
  ext.finish?.(loaded.data, { proto: st.proto, protoInvert: st.inv.p, seen: loaded.seen });
}

/** xtables_option_mfcall for every match in order, then the target's. */
export function finishExtensions(st: ParseState): void {
  for (const m of st.matches) fcheck(m as LoadedExt<unknown, unknown>, st);
  if (st.target) fcheck(st.target as LoadedExt<unknown, unknown>, st);
}
