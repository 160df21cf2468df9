/**
 * `docker pull NAME[:TAG]` (docker/cli image/pull.go): "Using default tag"
 * when none was given, the registry client's progress, then the canonical
 * reference (CLI 20.10+). Images come from the offline catalog; a name
 * Docker Hub would not know fails as Docker Hub answers.
 */
import type { CommandContext } from '../../types';
import type { Flags } from '../cli/flags';
import { isDaemonError } from '../../../docker/errors';
import { canonicalReference, pullImage, pullProgressLines, referenceError } from '../../../docker/image-store';
import { defineCommand } from './define';
import { labCtx, machineOf } from '../engine-access';

function hasTag(ref: string): boolean {
  return ref.lastIndexOf(':') > ref.lastIndexOf('/') || ref.includes('@');
}

function pull(ctx: CommandContext, flags: Flags): number {
  const ref = flags.args[0];
  const bad = referenceError(ref);
  if (bad) {
    ctx.stderr(`${bad}\n`);
    return 1;
  }
  const quiet = flags.bool('quiet');
  if (!hasTag(ref) && !quiet) ctx.stdout('Using default tag: latest\n');
  const result = pullImage(labCtx(ctx), machineOf(ctx), ref);
  if (isDaemonError(result)) {
    ctx.stderr(`Error response from daemon: ${result.daemonError}\n`);
    return 1;
  }
  if (!quiet) ctx.stdout(pullProgressLines(result).join('\n') + '\n');
  ctx.stdout(canonicalReference(result.image) + '\n');
  return 0;
}

export const pullCommands = defineCommand({
  group: 'image',
  name: 'pull',
  shortcut: 'pull',
  use: '[OPTIONS] NAME[:TAG|@DIGEST]',
  short: 'Download an image from a registry',
  flags: [
    { long: 'all-tags', short: 'a', type: 'bool', help: 'Download all tagged images in the repository' },
    { long: 'disable-content-trust', type: 'bool', help: 'Skip image verification', defaultText: 'true' },
    { long: 'platform', type: 'string', help: 'Set platform if server is multi-platform capable' },
    { long: 'quiet', short: 'q', type: 'bool', help: 'Suppress verbose output' },
  ],
  args: { kind: 'exact', n: 1 },
  run: pull,
});
