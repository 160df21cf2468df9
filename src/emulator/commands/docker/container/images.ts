/**
 * `docker images` / `docker image ls`: the classic table Docker 28 prints
 * (REPOSITORY TAG IMAGE ID CREATED SIZE; the tree view came with 29),
 * newest image first. An optional REPOSITORY[:TAG] argument narrows it.
 */
import type { CommandContext } from '../../types';
import type { Flags } from '../cli/flags';
import { writeList } from '../cli/list-output';
import type { ImageSpec } from '../../../docker/images';
import { parseReference } from '../../../docker/images';
import { localImages, manifestDigest } from '../../../docker/image-store';
import { imageCreatedMs } from '../../../docker/inspect-image';
import { createdAgo } from '../../../docker/human-duration';
import { defineCommand } from './define';
import { withGoType } from '../../../docker/format/govalues';
import { labCtx, machineOf } from '../engine-access';

const TABLE = 'table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}';
const HEADERS = {
  Repository: 'REPOSITORY', Tag: 'TAG', ID: 'IMAGE ID', CreatedSince: 'CREATED', CreatedAt: 'CREATED AT',
  Size: 'SIZE', Digest: 'DIGEST', Containers: 'CONTAINERS', SharedSize: 'SHARED SIZE', UniqueSize: 'UNIQUE SIZE', VirtualSize: 'SIZE',
};

function row(image: ImageSpec, now: number, trunc: boolean): Record<string, unknown> {
  const created = imageCreatedMs(image);
  return {
    Repository: image.repository,
    Tag: image.tag,
    ID: trunc ? image.id.slice(0, 12) : `sha256:${image.id}`,
    Digest: manifestDigest(image),
    CreatedSince: createdAgo(created, now),
    CreatedAt: new Date(Math.floor(created / 1000) * 1000).toISOString().replace('T', ' ').replace('.000Z', ' +0000 UTC'),
    Size: image.size,
    VirtualSize: image.size,
    Containers: 'N/A',
    SharedSize: 'N/A',
    UniqueSize: 'N/A',
  };
}

function images(ctx: CommandContext, flags: Flags): number {
  let list = localImages(labCtx(ctx), machineOf(ctx));
  const want = flags.args[0];
  if (want) {
    const { repository, tag } = parseReference(want);
    list = list.filter((i) => i.repository === repository && (!want.includes(':') || i.tag === tag));
  }
  const trunc = !flags.bool('no-trunc');
  const rows = list.map((i) => row(i, labCtx(ctx).clock.now(), trunc));
  return writeList(ctx, flags, TABLE, rows.map((r) => withGoType(r, '*formatter.imageContext')), HEADERS);
}

export const imagesCommands = defineCommand({
  group: 'image',
  name: 'ls',
  aliases: ['list'],
  shortcut: 'images',
  use: '[OPTIONS] [REPOSITORY[:TAG]]',
  short: 'List images',
  flags: [
    { long: 'all', short: 'a', type: 'bool', help: 'Show all images (default hides intermediate images)' },
    { long: 'digests', type: 'bool', help: 'Show digests' },
    { long: 'filter', short: 'f', type: 'list', value: 'filter', help: 'Filter output based on conditions provided' },
    { long: 'format', type: 'string', help: 'Format output using a custom template' },
    { long: 'no-trunc', type: 'bool', help: "Don't truncate output" },
    { long: 'quiet', short: 'q', type: 'bool', help: 'Only show image IDs' },
  ],
  args: { kind: 'range', min: 0, max: 1 },
  run: images,
});
