/**
 * `docker rmi IMAGE...` / `docker image rm`: refuses an image a container
 * still uses (moby daemon/images/image_delete.go conflict texts), else
 * prints what was untagged and deleted.
 */
import type { CommandContext } from '../../types';
import type { Flags } from '../cli/flags';
import { findImage, findImageById, type ImageSpec } from '../../../docker/images';
import { familiarReference, localImage, manifestDigest, removeLocalImage, stableHex } from '../../../docker/image-store';
import { defineCommand } from './define';
import { daemonOf, labCtx, machineOf } from '../engine-access';

function resolve(ctx: CommandContext, ref: string): ImageSpec | undefined {
  const byName = localImage(labCtx(ctx), machineOf(ctx), ref);
  if (byName) return byName;
  const byId = findImageById(ref);
  return byId && Object.values(daemonOf(ctx).images).includes(byId.id) ? byId : undefined;
}

function conflict(ctx: CommandContext, ref: string, image: ImageSpec, force: boolean): string | undefined {
  const users = Object.values(daemonOf(ctx).containers).filter((c) => c.imageId === image.id);
  const running = users.find((c) => c.status === 'running');
  if (running && force) {
    return `conflict: unable to delete ${image.id.slice(0, 12)} (cannot be forced) - image is being used by running container ${running.id.slice(0, 12)}`;
  }
  if (users.length && !force) {
    return `conflict: unable to remove repository reference "${ref}" (must force) - container ${users[0].id.slice(0, 12)} is using its referenced image ${image.id.slice(0, 12)}`;
  }
  return undefined;
}

function removeOne(ctx: CommandContext, ref: string, force: boolean): string | undefined {
  const image = resolve(ctx, ref);
  if (!image) return `Error response from daemon: No such image: ${findImage(ref) || !ref.includes(':') ? familiarReference(ref) : ref}`;
  const err = conflict(ctx, ref, image, force);
  if (err) return `Error response from daemon: ${err}`;
  removeLocalImage(labCtx(ctx), machineOf(ctx), image);
  const lines = [`Untagged: ${image.repository}:${image.tag}`, `Untagged: ${image.repository}@${manifestDigest(image)}`, `Deleted: sha256:${image.id}`];
  for (let i = 0; i < 2; i++) lines.push(`Deleted: sha256:${stableHex(`diff:${image.repository}:${i}`, 64)}`);
  ctx.stdout(lines.join('\n') + '\n');
  return undefined;
}

function rmi(ctx: CommandContext, flags: Flags): number {
  const errors = flags.args.map((ref) => removeOne(ctx, ref, flags.bool('force'))).filter((e): e is string => !!e);
  if (errors.length) ctx.stderr(errors.join('\n') + '\n');
  return errors.length ? 1 : 0;
}

export const rmiCommands = defineCommand({
  group: 'image',
  name: 'rm',
  aliases: ['remove'],
  shortcut: 'rmi',
  use: '[OPTIONS] IMAGE [IMAGE...]',
  short: 'Remove one or more images',
  flags: [
    { long: 'force', short: 'f', type: 'bool', help: 'Force removal of the image' },
    { long: 'no-prune', type: 'bool', help: 'Do not delete untagged parents' },
  ],
  args: { kind: 'min', n: 1 },
  run: rmi,
});
