/**
 * The create half of `docker run` and `docker create` (cli create.go
 * createContainer): ask the daemon to create; if the image is missing, say
 * so, pull it (progress on stderr, so that stdout holds only the ID) and try
 * again; print the daemon's warnings. Checks the daemon makes before it
 * looks for the image (validateNetworkingConfig) come first, so a bad --ip
 * fails without a pull.
 */
import type { CommandContext } from '../../types';
import type { ContainerState } from '../../../docker/state';
import type { CreateRequest } from './run-options';
import { createContainer } from '../../../docker/container-create';
import { findNetwork } from '../../../docker/lookup';
import { isDaemonError } from '../../../docker/errors';
import { familiarReference, localImage, pullImage, pullProgressLines } from '../../../docker/image-store';
import { parseAddr } from '../../../docker/ports/go-netip';
import { daemonOf, labCtx, machineOf } from '../engine-access';
import { withHelpError } from './define';
import { parseSignal } from '../../../kernel/signals';

const PREDEFINED_MODES = ['bridge', 'default', 'host', 'none'];

function isUserDefined(mode: string): boolean {
  return !PREDEFINED_MODES.includes(mode) && !mode.startsWith('container:');
}

/** Daemon checks that precede the image lookup; returns the daemon's message. */
function preCheck(ctx: CommandContext, req: CreateRequest): string | undefined {
  const o = req.options;
  // The daemon parses --stop-signal when it validates the config (moby/sys/signal ParseSignal).
  if (req.cli.stopSignal !== undefined && parseSignal(req.cli.stopSignal) === undefined) return `Invalid signal: ${req.cli.stopSignal}`;
  if (!isUserDefined(o.networkMode)) {
    if (o.ipv4) return 'user-specified IP address is supported on user-defined networks only';
    if (o.aliases.length) return 'network-scoped aliases are only supported for user-defined networks';
  } else if (o.ipv4) {
    const addr = parseAddr(o.ipv4);
    if (!addr.ok || addr.value.bytes.length !== 4) return `invalid IPv4 address: ${o.ipv4}`;
  }
  const all = [o.networkMode, ...req.extraNetworks];
  if (req.extraNetworks.length && all.some((n) => !isUserDefined(n))) {
    return 'conflicting options: cannot attach both user-defined and non-user-defined network-modes';
  }
  for (const name of req.extraNetworks) {
    const net = findNetwork(daemonOf(ctx), name);
    if (isDaemonError(net)) return net.daemonError;
  }
  if (req.cli.workingDir && !req.cli.workingDir.startsWith('/')) {
    return `the working directory '${req.cli.workingDir}' is invalid, it needs to be an absolute path`;
  }
  return undefined;
}

/** Pulls when needed; returns an exit status on failure. */
function ensureImage(ctx: CommandContext, path: string[], req: CreateRequest): number | undefined {
  const ref = req.options.image;
  const present = !!localImage(labCtx(ctx), machineOf(ctx), ref);
  if (present && req.pull !== 'always') return undefined;
  if (!present && req.pull === 'never') {
    return withHelpError(ctx, path, `Error response from daemon: No such image: ${familiarReference(ref)}`);
  }
  if (!present && !req.quiet) ctx.stderr(`Unable to find image '${familiarReference(ref)}' locally\n`);
  const pulled = pullImage(labCtx(ctx), machineOf(ctx), ref);
  if (isDaemonError(pulled)) return withHelpError(ctx, path, `Error response from daemon: ${pulled.daemonError}`);
  if (!req.quiet) ctx.stderr(pullProgressLines(pulled).join('\n') + '\n');
  return undefined;
}

function joinExtraNetworks(ctx: CommandContext, c: ContainerState, req: CreateRequest): void {
  for (const name of req.extraNetworks) {
    const net = findNetwork(daemonOf(ctx), name);
    if (!isDaemonError(net)) c.networks[net.name] ??= { aliases: [], networkId: net.id };
  }
}

/** Creates the container or prints the error; returns the container or the exit status. */
export function createFromRequest(ctx: CommandContext, path: string[], req: CreateRequest): ContainerState | number {
  const early = preCheck(ctx, req);
  if (early) return withHelpError(ctx, path, `Error response from daemon: ${early}`);
  const pulled = ensureImage(ctx, path, req);
  if (pulled !== undefined) return pulled;
  const result = createContainer(labCtx(ctx), machineOf(ctx), req.options);
  if (isDaemonError(result)) return withHelpError(ctx, path, `Error response from daemon: ${result.daemonError}`);
  const c = result.container;
  c.cli = req.cli;
  // With its own --entrypoint, the image's CMD is not used (daemon/create.go merge).
  if (req.cli.entrypointSet && req.options.cmd.length === 0) c.cmd = [];
  joinExtraNetworks(ctx, c, req);
  for (const w of result.warnings) ctx.stderr(`WARNING: ${w}\n`);
  return c;
}
