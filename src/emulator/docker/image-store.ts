/**
 * The images a host has pulled (DockerState.images: "nginx:latest" → image
 * ID) and `docker pull` against the offline catalog. A pull reports what the
 * real registry client prints: the layers (the same IDs every time, as real
 * layers are content hashes), the manifest digest, and whether anything new
 * was downloaded. Names not in the catalog fail as Docker Hub answers for a
 * repository that does not exist.
 */
import type { LabCtx } from '../world/ctx';
import { daemonError, type DaemonError } from './errors';
import { IMAGES, findImage, parseReference, type ImageSpec } from './images';
import { imagePulled, imageRemoved } from './events';

export interface PullResult {
  image: ImageSpec;
  /** Familiar reference, e.g. `nginx:latest`, `training/webapp:latest`. */
  reference: string;
  /** `library/nginx`: the path the registry client prints. */
  remoteName: string;
  /** The image was already here: "Image is up to date". */
  upToDate: boolean;
  /** 12-hex layer IDs, in pull order. */
  layers: string[];
  /** `sha256:<64 hex>` of the manifest. */
  digest: string;
}

/** A fixed hex string per seed (FNV-1a over the seed, then a counter per 8-hex block), for layer IDs and digests. */
export function stableHex(seed: string, length: number): string {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619) >>> 0;
  let out = '';
  for (let block = 0; out.length < length; block++) {
    let x = (h ^ Math.imul(block + 1, 0x9e3779b9)) >>> 0;
    x = Math.imul(x ^ (x >>> 16), 0x85ebca6b) >>> 0;
    x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35) >>> 0;
    out += ((x ^ (x >>> 16)) >>> 0).toString(16).padStart(8, '0');
  }
  return out.slice(0, length);
}

/** How many layers each catalog image has (alpine and busybox are single-layer images). */
const LAYER_COUNTS: Record<string, number> = {
  alpine: 1, busybox: 1, ubuntu: 1, debian: 1, nginx: 7, httpd: 5, redis: 8, postgres: 14, python: 7,
  'training/webapp': 12, 'training/postgres': 9, 'nicolaka/netshoot': 13,
};

export function familiarReference(ref: string): string {
  const { repository, tag } = parseReference(ref);
  return `${repository}:${tag}`;
}

/** `docker.io/library/nginx:latest`, the last line of `docker pull`. */
export function canonicalReference(image: ImageSpec): string {
  const path = image.repository.includes('/') ? image.repository : `library/${image.repository}`;
  return `docker.io/${path}:${image.tag}`;
}

export function manifestDigest(image: ImageSpec): string {
  return `sha256:${stableHex(`manifest:${image.repository}:${image.tag}`, 64)}`;
}

/**
 * The reference grammar (distribution/reference): lower-case path components,
 * an optional tag. Returns the CLI's error text or undefined.
 */
export function referenceError(ref: string): string | undefined {
  const { repository, tag } = parseReference(ref);
  const component = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
  const repoOk = new RegExp(`^${component}(?:/${component})*$`);
  if (!repoOk.test(repository)) {
    if (repoOk.test(repository.toLowerCase())) {
      const path = repository.includes('/') ? repository : `library/${repository}`;
      return `invalid reference format: repository name (${path}) must be lowercase`;
    }
    return 'invalid reference format';
  }
  if (!/^[\w][\w.-]{0,127}$/.test(tag)) return 'invalid reference format';
  return undefined;
}

/** The image if this host has pulled it. */
export function localImage(ctx: LabCtx, machine: string, ref: string): ImageSpec | undefined {
  const image = findImage(ref);
  if (!image) return undefined;
  return ctx.docker(machine).images[familiarReference(ref)] ? image : undefined;
}

/** Everything pulled on this host, newest image first (the order of `docker images`). */
export function localImages(ctx: LabCtx, machine: string): ImageSpec[] {
  const pulled = new Set(Object.keys(ctx.docker(machine).images));
  return IMAGES.filter((i) => pulled.has(`${i.repository}:${i.tag}`)).sort((a, b) => a.ageDays - b.ageDays);
}

export function pullImage(ctx: LabCtx, machine: string, ref: string): PullResult | DaemonError {
  const { repository, tag } = parseReference(ref);
  const image = findImage(ref);
  const remoteName = repository.includes('/') ? repository : `library/${repository}`;
  if (!image) {
    if (IMAGES.some((i) => i.repository === repository)) {
      return daemonError(`manifest for ${repository}:${tag} not found: manifest unknown: manifest unknown`);
    }
    return daemonError(`pull access denied for ${repository}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`);
  }
  const docker = ctx.docker(machine);
  const reference = `${repository}:${tag}`;
  const upToDate = !!docker.images[reference];
  const count = LAYER_COUNTS[image.repository] ?? 3;
  const layers = Array.from({ length: count }, (_, i) => stableHex(`layer:${image.repository}:${i}`, 12));
  // A registry round trip, then each new layer downloads and extracts.
  ctx.clock.advance(upToDate ? 600 : 900 + count * 450);
  docker.images[reference] = image.id;
  imagePulled(ctx, machine, reference);
  return { image, reference, remoteName, upToDate, layers: upToDate ? [] : layers, digest: manifestDigest(image) };
}

/**
 * The progress text of a pull as a terminal shows it once it is finished
 * (jsonmessage redraws each layer's line in place; the last state stays).
 */
export function pullProgressLines(p: PullResult): string[] {
  const lines = [`${p.image.tag}: Pulling from ${p.remoteName}`];
  for (const layer of p.layers) lines.push(`${layer}: Pull complete`);
  lines.push(`Digest: ${p.digest}`);
  lines.push(p.upToDate ? `Status: Image is up to date for ${p.reference}` : `Status: Downloaded newer image for ${p.reference}`);
  return lines;
}

/** `docker rmi`: forgets the image (containers using it are checked by the caller). */
export function removeLocalImage(ctx: LabCtx, machine: string, image: ImageSpec): void {
  delete ctx.docker(machine).images[`${image.repository}:${image.tag}`];
  imageRemoved(ctx, machine, image.id);
}
