/**
 * The ways iptables v1.8.9 (nf_tables) reports failure, each with its exit
 * status (iptables/xshared.c, libxtables xtables_exit_error, nft.c
 * nft_strerror and mnl_append_error). Inside the netfilter code a failure is
 * thrown as an IptablesFailure; runIptables() turns it into stderr + status,
 * so nothing escapes a public function.
 */

export const IPTABLES_VERSION = 'iptables v1.8.9 (nf_tables)';
const PREFIX = `${IPTABLES_VERSION}: `;
const TRY = "Try `iptables -h' or 'iptables --help' for more information.\n";

export class IptablesFailure {
  constructor(
    readonly status: number,
    readonly stderr: string,
  ) {}
}

/** PARAMETER_PROBLEM (2): bad command line, followed by the "Try" hint. */
export function paramProblem(msg: string): IptablesFailure {
  return new IptablesFailure(2, `${PREFIX}${msg}\n${TRY}`);
}

/** A stray word on the command line: printed without the version prefix (xshared.c do_parse). */
export function badArgument(arg: string): IptablesFailure {
  return new IptablesFailure(2, `Bad argument \`${arg}'\n${TRY}`);
}

/** OTHER_PROBLEM (1), e.g. listing a chain that does not exist in 1.8.9. */
export function otherProblem(msg: string): IptablesFailure {
  return new IptablesFailure(1, `${PREFIX}${msg}\n`);
}

/** VERSION_PROBLEM (3), e.g. `-t foo`. */
export function versionProblem(msg: string): IptablesFailure {
  return new IptablesFailure(3, `${PREFIX}${msg}\nPerhaps iptables or your kernel needs to be upgraded.\n`);
}

/**
 * The kernel refused the batch (RESOURCE_PROBLEM, 4):
 * `iptables v1.8.9 (nf_tables):  RULE_APPEND failed (Invalid argument): rule in chain INPUT`.
 * The double space is real: the message itself starts with a space.
 */
export function kernelRefused(op: string, errno: string, what: string): IptablesFailure {
  return new IptablesFailure(4, `${PREFIX} ${op} failed (${errno}): ${what}\n`);
}

/** nft_strerror() text after `iptables: ` (status 1); EINVAL adds the dmesg hint. */
export function nftError(msg: string, einval = false): IptablesFailure {
  return new IptablesFailure(1, `iptables: ${msg}.${einval ? " Run `dmesg' for more information." : ''}\n`);
}

export const NO_SUCH_CHAIN = 'No chain/target/match by that name';
export const BAD_RULE = 'Bad rule (does a matching rule exist in that chain?)';

/** exit_tryhelp(2) on its own, as `-6` does in iptables. */
export function tryHelpOnly(): IptablesFailure {
  return new IptablesFailure(2, TRY);
}
