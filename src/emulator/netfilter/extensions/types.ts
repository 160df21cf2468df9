/**
 * The contract of a match or target extension, modelled on libxtables'
 * struct xtables_match / xtables_target: the long options it adds to the
 * command line, how it parses them, its final check, and how it prints
 * itself for `iptables -S` (save) and `iptables -L` (print).
 */
import type { Match, Rule, TableName, Target } from '../types';

export interface ExtOption {
  /** Long option name without dashes. */
  name: string;
  hasArg: boolean;
  /** Canonical option (x6 options share an id: `--sports` reports as `--source-ports`). */
  id?: string;
  /** May be preceded by `!`. */
  invertible?: boolean;
  /** Must be given (final check). */
  mandatory?: boolean;
  /** Ids that may not be combined with this one; '*' means any other option. */
  excludes?: string[];
}

export interface ParseCtx {
  /** The `-p` given so far (0 when none). */
  proto: number;
  protoInvert: boolean;
  /** Consumes the next command-line word when it is an argument (`--tcp-flags MASK COMP`). */
  takeArg(): string | undefined;
}

export interface ExtCtx {
  proto: number;
  protoInvert: boolean;
  /** Ids of the options this instance has seen. */
  seen: ReadonlySet<string>;
}

export interface MatchExt<M extends Match = Match> {
  name: string;
  options: ExtOption[];
  /**
   * x6-style extensions get libxtables' generic option checks ("can only be
   * used once", "cannot be inverted", "must be specified"); old-style ones
   * (tcp, udp) print their own messages.
   */
  generic: boolean;
  create(): M;
  parse(m: M, optId: string, arg: string | undefined, invert: boolean, ctx: ParseCtx): void;
  finish?(m: M, ctx: ExtCtx): void;
  /** `iptables -S` text after `-m NAME`, each part with its leading space. */
  save(m: M): string;
  /** `iptables -L` text, with its leading space. */
  print(m: M, numeric: boolean, proto: number): string;
  /** The kernel's checkentry for the match: an errno text when it refuses the rule. */
  kernelCheck?(m: M, ctx: KernelCtx): string | undefined;
}

export interface KernelCtx {
  table: TableName;
  chain: string;
  builtinChain: boolean;
  rule: Rule;
}

export interface TargetExt<T extends Target = Target> {
  name: string;
  options: ExtOption[];
  create(): T;
  parse(t: T, optId: string, arg: string | undefined, invert: boolean, ctx: ParseCtx): void;
  finish?(t: T, ctx: ExtCtx): void;
  save(t: T): string;
  print(t: T, numeric: boolean): string;
  /** The kernel's checkentry: an errno text ("Invalid argument") when it refuses the rule. */
  kernelCheck?(t: T, ctx: KernelCtx): string | undefined;
  /** x_tables' .table and .hooks: anywhere else, including user chains reached from other hooks, is EINVAL. */
  allowed?: { table: TableName; hooks: string[] };
}
