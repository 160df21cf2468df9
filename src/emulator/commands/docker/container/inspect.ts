/**
 * `docker inspect [--type T] [-f TEMPLATE] NAME|ID...` (docker/cli
 * cli/command/system/inspect.go) and `docker container inspect`. A name is
 * tried as a container, then an image, then a network (inspectAutodetect's
 * order). The documents print as one JSON array indented with 4 spaces; with
 * -f each object prints its template result and a newline. Missing objects
 * are reported after the output: `Error: No such object: x` (CLI ≤28),
 * `Error: No such container: x` for `container inspect`; exit 1.
 */
import type { CommandContext } from '../../types';
import type { Flags } from '../cli/flags';
import { isDaemonError } from '../../../docker/errors';
import { findNetwork } from '../../../docker/lookup';
import { containerInspect } from '../../../docker/inspect-container';
import { imageInspect } from '../../../docker/inspect-image';
import { localImage } from '../../../docker/image-store';
import { findImageById } from '../../../docker/images';
import { templateParses, writeInspected } from '../cli/inspect-output';
import { defineCommand } from './define';
import { containerByRef } from './lookup';
import { daemonOf, labCtx, machineOf } from '../engine-access';
import { networkDocument } from './inspect-network-bridge';

type Kind = 'container' | 'image' | 'network';
const KINDS: Kind[] = ['container', 'image', 'network'];
const VALID_TYPES = ['config', 'container', 'image', 'network', 'node', 'plugin', 'secret', 'service', 'task', 'volume'];

/** The document, undefined when there is no such object, or an error text to report. */
function find(ctx: CommandContext, kind: Kind, ref: string): unknown | undefined {
  const lctx = labCtx(ctx);
  const machine = machineOf(ctx);
  if (kind === 'container') {
    const c = containerByRef(ctx, ref);
    return isDaemonError(c) ? undefined : containerInspect(lctx, machine, c);
  }
  if (kind === 'image') {
    const image = localImage(lctx, machine, ref) ?? pulledById(ctx, ref);
    return image ? imageInspect(lctx, machine, image) : undefined;
  }
  const net = findNetwork(daemonOf(ctx), ref);
  if (isDaemonError(net)) return undefined;
  const doc = networkDocument(lctx, machine, net);
  return doc.ok ? doc.doc : new Unavailable(doc.error);
}

class Unavailable {
  constructor(readonly error: string) {}
}

function pulledById(ctx: CommandContext, ref: string) {
  const image = findImageById(ref);
  return image && Object.values(daemonOf(ctx).images).includes(image.id) ? image : undefined;
}

function notFound(kinds: Kind[], ref: string): string {
  return kinds.length === 1 ? `Error: No such ${kinds[0]}: ${ref}` : `Error: No such object: ${ref}`;
}

export function inspectObjects(ctx: CommandContext, refs: string[], kinds: Kind[], format: string | undefined): number {
  if (!templateParses(ctx, format)) return 64;
  const docs: unknown[] = [];
  const errors: string[] = [];
  for (const ref of refs) {
    const doc = kinds.map((k) => find(ctx, k, ref)).find((d) => d !== undefined);
    if (doc === undefined) errors.push(notFound(kinds, ref));
    else if (doc instanceof Unavailable) errors.push(doc.error);
    else docs.push(doc);
  }
  if (!writeInspected(ctx, docs, format, true)) return 1;
  if (errors.length) {
    ctx.stderr(errors.join('\n') + '\n');
    return 1;
  }
  return 0;
}

function inspect(ctx: CommandContext, flags: Flags): number {
  const type = flags.string('type');
  if (type !== undefined && type !== '' && !VALID_TYPES.includes(type)) {
    ctx.stderr(`"${type}" is not a valid value for --type\n`);
    return 1;
  }
  const kinds = type ? KINDS.filter((k) => k === type) : KINDS;
  if (!kinds.length) {
    for (const ref of flags.args) ctx.stderr(`Error: No such ${type}: ${ref}\n`);
    return 1;
  }
  return inspectObjects(ctx, flags.args, kinds, flags.string('format'));
}

const FORMAT_FLAG = {
  long: 'format', short: 'f', type: 'string' as const,
  help: 'Format output using a custom template',
};

export const inspectCommands = [
  ...defineCommand({
    group: null,
    name: 'inspect',
    use: '[OPTIONS] NAME|ID [NAME|ID...]',
    short: 'Return low-level information on Docker objects',
    flags: [FORMAT_FLAG, { long: 'size', short: 's', type: 'bool', help: 'Display total file sizes if the type is container' }, { long: 'type', type: 'string', help: 'Only inspect objects of the given type' }],
    args: { kind: 'min', n: 1 },
    run: inspect,
  }),
  ...defineCommand({
    group: 'container',
    name: 'inspect',
    use: '[OPTIONS] CONTAINER [CONTAINER...]',
    short: 'Display detailed information on one or more containers',
    flags: [FORMAT_FLAG, { long: 'size', short: 's', type: 'bool', help: 'Display total file sizes' }],
    args: { kind: 'min', n: 1 },
    run: (ctx, flags) => inspectObjects(ctx, flags.args, ['container'], flags.string('format')),
  }),
  ...defineCommand({
    group: 'image',
    name: 'inspect',
    use: '[OPTIONS] IMAGE [IMAGE...]',
    short: 'Display detailed information on one or more images',
    flags: [FORMAT_FLAG],
    args: { kind: 'min', n: 1 },
    run: (ctx, flags) => inspectObjects(ctx, flags.args, ['image'], flags.string('format')),
  }),
];
