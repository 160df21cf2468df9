/**
 * How dockerd talks to iptables: it runs the iptables binary with an
 * argument list, and wraps it in small idempotent operations (moby 28.x
 * libnetwork/iptables/iptables.go: Rule.Append/Insert/Delete check with
 * `-C` first; EnsureJumpRule deletes the jump and re-inserts it at the top;
 * NewChain leaves an existing chain alone). Every command goes through the
 * emulator's runIptables(), so the rules are parsed and stored exactly as
 * typed ones are.
 */
import type { NetfilterState } from '../../netfilter/types';
import { runIptables } from '../../netfilter/iptables';
import { findChain } from '../../netfilter/state';

export interface DockerFirewallOptions {
  /**
   * dockerd's --userland-proxy (default true, as in Engine 28). With it,
   * docker-proxy serves published ports for connections the NAT rules skip
   * (from the host to 127.0.0.1, from containers to the host's addresses),
   * and the nat rules carry the "skip DNAT" RETURN and `! -i <bridge>`.
   * Without it (`"userland-proxy": false`) Docker uses hairpin NAT instead.
   */
  userlandProxy?: boolean;
}

/** What a firewall operation did: the iptables command lines, and any failures (logged by dockerd, not fatal). */
export interface FirewallResult {
  commands: string[][];
  errors: string[];
}

export class Fw {
  readonly result: FirewallResult = { commands: [], errors: [] };

  constructor(readonly nf: NetfilterState) {}

  /** Runs one iptables command line; failures are collected, as dockerd logs them. */
  run(argv: string[]): boolean {
    this.result.commands.push(argv);
    const r = runIptables(argv, this.nf);
    if (r.status !== 0) this.result.errors.push(r.stderr.trim());
    return r.status === 0;
  }

  exists(table: string, chain: string, args: string[]): boolean {
    return runIptables(['-t', table, '-C', chain, ...args], this.nf).status === 0;
  }

  chainExists(table: 'filter' | 'nat' | 'raw', chain: string): boolean {
    return findChain(this.nf.tables[table], chain) !== undefined;
  }

  newChain(table: 'filter' | 'nat' | 'raw', chain: string): void {
    if (!this.chainExists(table, chain)) this.run(['-t', table, '-N', chain]);
  }

  append(table: string, chain: string, args: string[]): void {
    if (!this.exists(table, chain, args)) this.run(['-t', table, '-A', chain, ...args]);
  }

  insert(table: string, chain: string, args: string[]): void {
    if (!this.exists(table, chain, args)) this.run(['-t', table, '-I', chain, ...args]);
  }

  delete(table: string, chain: string, args: string[]): void {
    if (this.exists(table, chain, args)) this.run(['-t', table, '-D', chain, ...args]);
  }

  /** append/insert when `enable`, delete otherwise (appendOrDelChainRule / programChainRule). */
  program(table: string, chain: string, args: string[], enable: boolean, how: 'append' | 'insert'): void {
    if (!enable) this.delete(table, chain, args);
    else if (how === 'append') this.append(table, chain, args);
    else this.insert(table, chain, args);
  }

  /** EnsureJumpRule: the jump ends up first in `from`. */
  ensureJump(from: string, to: string): void {
    this.delete('filter', from, ['-j', to]);
    this.run(['-t', 'filter', '-I', from, '-j', to]);
  }
}
